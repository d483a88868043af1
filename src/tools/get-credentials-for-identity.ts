/** `aws cognito-identity get-credentials-for-identity`. */
import type { ToolContract } from "./contract.js";

export const getCredentialsForIdentity: ToolContract = {
  name: "get_credentials_for_identity",
  title: "Check Cognito identity credentials",
  operation: "GetCredentialsForIdentity",
  effect: "read",
  toolset: "identities",
  byDefault: false,
  description: `Asks for an identity's AWS credentials, exactly as \`aws cognito-identity get-credentials-for-identity\` does (sent unsigned), to check that a pool's roles work: guest access with no Logins, signed-in access with them.

SecretKey and SessionToken are WITHHELD from every output: the result shows the identity, the AccessKeyId and the Expiration, and withheld lists what was hidden.`,
};
