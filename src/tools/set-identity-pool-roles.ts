/** `aws cognito-identity set-identity-pool-roles`. */
import type { ToolContract } from "./contract.js";
import { poolIdOf } from "./requests.js";

export const setIdentityPoolRoles: ToolContract = {
  name: "set_identity_pool_roles",
  title: "Set Cognito identity pool roles",
  operation: "SetIdentityPoolRoles",
  effect: "replace",
  toolset: "roles",
  reads: { operation: "GetIdentityPoolRoles", request: poolIdOf },
  byDefault: false,
  description: `Sets the IAM roles an identity pool gives its identities and its role mappings, exactly as \`aws cognito-identity set-identity-pool-roles\` does.

It REPLACES what was there: Roles and RoleMappings left out are removed. The result lists every change; dryRun shows it without changing anything.`,
};
