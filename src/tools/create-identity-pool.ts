/** `aws cognito-identity create-identity-pool`. */
import type { ToolContract } from "./contract.js";

export const createIdentityPool: ToolContract = {
  name: "create_identity_pool",
  title: "Create Cognito identity pool",
  operation: "CreateIdentityPool",
  effect: "create",
  toolset: "pools",
  byDefault: true,
  description: `Creates an Amazon Cognito identity pool, exactly as \`aws cognito-identity create-identity-pool\` does, and returns the pool (with its IdentityPoolId).

Required: IdentityPoolName and AllowUnauthenticatedIdentities. DeveloperProviderName can never be changed later.

Not idempotent: the same name twice makes two pools. When retrying, pass ifNameExists "return-existing".`,
};
