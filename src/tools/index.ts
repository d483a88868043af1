/**
 * Every tool this server has, in the order tools/list shows them, and the selection the operator
 * enabled. A new tool is one module and one line here.
 */
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

/** The tools a client sees: those the operator chose (--tools: names, or "all"), else the default set. */
export function enabledTools(chosen: readonly string[] | "all" | undefined): readonly ToolContract[] {
  if (chosen === "all") return tools;
  if (chosen === undefined) return tools.filter((t) => t.byDefault);
  return tools.filter((t) => chosen.includes(t.name));
}
