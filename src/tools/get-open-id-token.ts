/** `aws cognito-identity get-open-id-token`. */
import type { ToolContract } from "./contract.js";

export const getOpenIdToken: ToolContract = {
  name: "get_open_id_token",
  title: "Check Cognito OpenID token",
  operation: "GetOpenIdToken",
  effect: "read",
  toolset: "identities",
  byDefault: false,
  description: `Asks for an identity's OpenID Connect token, exactly as \`aws cognito-identity get-open-id-token\` does (sent unsigned), to check what it would say.

The Token is WITHHELD from every output: withheld.tokens shows its decoded header and claims (aud, sub, amr, exp), never the token or its signature.`,
};
