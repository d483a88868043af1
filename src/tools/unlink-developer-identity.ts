/** `aws cognito-identity unlink-developer-identity`. */
import { q } from "../operation/inert.js";
import type { ToolContract } from "./contract.js";

export const unlinkDeveloperIdentity: ToolContract = {
  name: "unlink_developer_identity",
  title: "Unlink Cognito developer identity",
  operation: "UnlinkDeveloperIdentity",
  effect: "unlink",
  toolset: "developer-identities",
  subject: ({ request }) =>
    `unlink developer user ${q(request.DeveloperUserIdentifier)} (provider ${q(request.DeveloperProviderName)}) from the identity ${q(request.IdentityId)} in identity pool ${q(request.IdentityPoolId)}`,
  byDefault: false,
  description: `Unlinks a developer user from an identity, exactly as \`aws cognito-identity unlink-developer-identity\` does; the user gets a new identity next time. dryRun names what it would unlink.`,
};
