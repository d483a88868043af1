/** Every tool this server has, in the order tools/list shows them. A new tool is one module and one line here. */
import type { ToolContract } from "./contract.js";
import { createIdentityPool } from "./create-identity-pool.js";
import { deleteIdentityPool } from "./delete-identity-pool.js";
import { describeIdentityPool } from "./describe-identity-pool.js";
import { getIdentityPoolRoles } from "./get-identity-pool-roles.js";
import { listIdentityPools } from "./list-identity-pools.js";
import { setIdentityPoolRoles } from "./set-identity-pool-roles.js";
import { updateIdentityPool } from "./update-identity-pool.js";

export const tools: readonly ToolContract[] = [
  createIdentityPool,
  describeIdentityPool,
  listIdentityPools,
  updateIdentityPool,
  deleteIdentityPool,
  getIdentityPoolRoles,
  setIdentityPoolRoles,
];
