/** `aws cognito-identity delete-identity-pool`. */
import type { ToolContract } from "./contract.js";

export const deleteIdentityPool: ToolContract = {
  name: "delete_identity_pool",
  title: "Delete Cognito identity pool",
  operation: "DeleteIdentityPool",
  effect: "delete",
  current: "DescribeIdentityPool",
  byDefault: false,
  description: `Deletes an identity pool, exactly as \`aws cognito-identity delete-identity-pool\` does. This also deletes every identity in the pool, and it cannot be undone.

The result names the pool that was deleted. dryRun names it without deleting.`,
};
