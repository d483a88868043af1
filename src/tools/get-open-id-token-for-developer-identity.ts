/** `aws cognito-identity get-open-id-token-for-developer-identity`. */
import { q } from "../operation/inert.js";
import type { ToolContract } from "./contract.js";
import { providersOf } from "./requests.js";

export const getOpenIdTokenForDeveloperIdentity: ToolContract = {
  name: "get_open_id_token_for_developer_identity",
  title: "Check Cognito developer identity token",
  operation: "GetOpenIdTokenForDeveloperIdentity",
  effect: "issue",
  toolset: "developer-identities",
  subject: ({ request }) =>
    `get a token for the developer user of ${providersOf(request.Logins)} in identity pool ${q(request.IdentityPoolId)}, making or linking its identity${request.IdentityId === undefined ? "" : ` (${q(request.IdentityId)})`}`,
  byDefault: false,
  description: `Registers a developer user (Logins: developer provider name → user id) or finds its identity, and asks for its OpenID token, exactly as \`aws cognito-identity get-open-id-token-for-developer-identity\` does.

The Token is WITHHELD from every output: withheld.tokens shows its decoded header and claims (aud, sub, amr, exp), never the token or its signature.`,
};
