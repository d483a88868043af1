/** `aws cognito-identity merge-developer-identities`. */
import { q } from "../operation/inert.js";
import type { ToolContract } from "./contract.js";

export const mergeDeveloperIdentities: ToolContract = {
  name: "merge_developer_identities",
  title: "Merge Cognito developer identities",
  operation: "MergeDeveloperIdentities",
  effect: "unlink",
  toolset: "developer-identities",
  subject: ({ request }) =>
    `merge the identity of developer user ${q(request.SourceUserIdentifier)} into that of ${q(request.DestinationUserIdentifier)} (provider ${q(request.DeveloperProviderName)}, identity pool ${q(request.IdentityPoolId)})`,
  byDefault: false,
  description: `Merges two developer users' identities into the destination user's, exactly as \`aws cognito-identity merge-developer-identities\` does: the source user's logins move there. It cannot be undone. dryRun names what it would merge.`,
};
