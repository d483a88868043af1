/** `aws cognito-identity get-open-id-token`. */
import { q } from "../operation/inert.js";
import type { ToolContract } from "./contract.js";
import { linking } from "./requests.js";

export const getOpenIdToken: ToolContract = {
  name: "get_open_id_token",
  title: "Check Cognito OpenID token",
  operation: "GetOpenIdToken",
  effect: "issue",
  toolset: "identities",
  subject: ({ request }) => `get an OpenID token for the identity ${q(request.IdentityId)}${linking(request.Logins)}`,
  byDefault: false,
  description: `Gets an identity's OpenID Connect token, exactly as \`aws cognito-identity get-open-id-token\` does (unsigned), to check what it says; new logins get linked.

The Token is WITHHELD from every output: withheld.tokens shows its decoded header and claims (aud, sub, amr, exp), never the token or its signature.`,
};
