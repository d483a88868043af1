/** `aws cognito-identity get-id`. */
import { q } from "../operation/inert.js";
import type { ToolContract } from "./contract.js";
import { providersOf } from "./requests.js";

export const getId: ToolContract = {
  name: "get_id",
  title: "Get Cognito identity ID",
  operation: "GetId",
  effect: "issue",
  toolset: "identities",
  subject: ({ request }) =>
    request.Logins === undefined
      ? `make a new unauthenticated identity in identity pool ${q(request.IdentityPoolId)}`
      : `get the identity of the logins of ${providersOf(request.Logins)} in identity pool ${q(request.IdentityPoolId)}, making it the first time`,
  // Without logins, each call makes another identity.
  annotations: { idempotentHint: false },
  byDefault: false,
  description: `Returns the identity ID for the logins given (Logins: provider → token), making the identity the first time, exactly as \`aws cognito-identity get-id\` does; sent unsigned, as the CLI sends it. Without Logins it makes a NEW unauthenticated identity every call (the pool must allow them). dryRun says what it would do.`,
};
