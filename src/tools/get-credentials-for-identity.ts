/** `aws cognito-identity get-credentials-for-identity`. */
import { q } from "../operation/inert.js";
import type { ToolContract } from "./contract.js";
import { linking } from "./requests.js";

export const getCredentialsForIdentity: ToolContract = {
  name: "get_credentials_for_identity",
  title: "Check Cognito identity credentials",
  operation: "GetCredentialsForIdentity",
  effect: "issue",
  toolset: "identities",
  subject: ({ request }) =>
    `get credentials for the identity ${q(request.IdentityId)}${request.CustomRoleArn === undefined ? "" : ` in the role ${q(request.CustomRoleArn)}`}${linking(request.Logins)}`,
  byDefault: false,
  description: `Gets an identity's AWS credentials, exactly as \`aws cognito-identity get-credentials-for-identity\` does (unsigned), to check a pool's roles: guests without Logins, signed-in users with them (new logins get linked).

SecretKey and SessionToken are WITHHELD from every output: the result shows the identity, AccessKeyId and Expiration.`,
};
