// Cases for `aws cognito-identity describe-identity-pool` (test/fixtures/cli/describe-identity-pool/).

import { ID, isObject, POOL_ID } from "./common.mjs";
import { idOnlyAccepted, idOnlyRefused, idOnlySkeletons } from "./id-only.mjs";
import { POOL_QUERIES, POOL_RESPONSES } from "./pool-outputs.mjs";

export default {
  command: "describe-identity-pool",
  operation: "DescribeIdentityPool",
  dir: "describe-identity-pool",
  respond: (body) =>
    JSON.stringify({
      IdentityPoolId: isObject(body) ? body.IdentityPoolId : POOL_ID,
      IdentityPoolName: "MyPool",
      AllowUnauthenticatedIdentities: false,
    }),
  respondDescription:
    '`{"IdentityPoolId": <the request\'s IdentityPoolId>, "IdentityPoolName": "MyPool", "AllowUnauthenticatedIdentities": false}`',
  accepted: idOnlyAccepted({ all: true }),
  refused: idOnlyRefused({ all: true }),
  skeletons: idOnlySkeletons(),
  outputs: { requestArgs: [...ID], responses: POOL_RESPONSES, queries: POOL_QUERIES, queryFormats: ["json", "text"] },
};
