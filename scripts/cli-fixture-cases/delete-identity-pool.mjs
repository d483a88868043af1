// Cases for `aws cognito-identity delete-identity-pool` (test/fixtures/cli/delete-identity-pool/).
// The operation has no output shape: the recorder answers an empty body.

import { emptyBody, ID } from "./common.mjs";
import { idOnlyAccepted, idOnlyRefused, idOnlySkeletons } from "./id-only.mjs";

export default {
  command: "delete-identity-pool",
  operation: "DeleteIdentityPool",
  dir: "delete-identity-pool",
  respond: emptyBody,
  respondDescription: "an empty body (`Content-Length: 0`)",
  accepted: idOnlyAccepted({ all: false }),
  refused: idOnlyRefused({ all: false }),
  skeletons: idOnlySkeletons(),
  outputs: {
    requestArgs: [...ID],
    responses: [
      { name: "empty body", rawBody: "" },
      { name: "empty JSON object", response: {} },
      { name: "JSON object with members the operation does not define", response: { IdentityPoolId: "us-east-1:x", Extra: [1, 2] } },
    ],
    queries: ["@", "IdentityPoolId"],
    queryFormats: ["json", "text", "table"],
  },
};
