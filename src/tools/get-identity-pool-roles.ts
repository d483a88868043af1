/** `aws cognito-identity get-identity-pool-roles`. */
import type { ToolContract } from "./contract.js";

export const getIdentityPoolRoles: ToolContract = {
  name: "get_identity_pool_roles",
  title: "Get Cognito identity pool roles",
  operation: "GetIdentityPoolRoles",
  effect: "read",
  toolset: "roles",
  byDefault: true,
  description:
    "Returns the IAM roles an identity pool gives its identities (authenticated, unauthenticated) and its role mappings per provider, exactly as `aws cognito-identity get-identity-pool-roles` does.",
};
