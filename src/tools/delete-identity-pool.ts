/** `aws cognito-identity delete-identity-pool`. */
import type { ToolContract } from "./contract.js";
import { poolIdOf } from "./requests.js";

export const deleteIdentityPool: ToolContract = {
  name: "delete_identity_pool",
  title: "Delete Cognito identity pool",
  operation: "DeleteIdentityPool",
  effect: "delete",
  toolset: "pools",
  reads: { operation: "DescribeIdentityPool", request: poolIdOf },
  byDefault: false,
  description: `Deletes an identity pool, exactly as \`aws cognito-identity delete-identity-pool\` does. This also deletes every identity in the pool, and it cannot be undone.

The result names the pool that was deleted. dryRun names it without deleting.`,
};
