/**
 * Every tool this server has, in the order tools/list shows them, and the selection the operator
 * enabled. A new tool is one module and one line here.
 */
import type { ToolContract, Toolset } from "./contract.js";
import { toolsets } from "./contract.js";
import { createIdentityPool } from "./create-identity-pool.js";
import { deleteIdentities } from "./delete-identities.js";
import { deleteIdentityPool } from "./delete-identity-pool.js";
import { describeIdentity } from "./describe-identity.js";
import { describeIdentityPool } from "./describe-identity-pool.js";
import { getCredentialsForIdentity } from "./get-credentials-for-identity.js";
import { getId } from "./get-id.js";
import { getIdentityPoolRoles } from "./get-identity-pool-roles.js";
import { getOpenIdToken } from "./get-open-id-token.js";
import { getOpenIdTokenForDeveloperIdentity } from "./get-open-id-token-for-developer-identity.js";
import { getPrincipalTagAttributeMap } from "./get-principal-tag-attribute-map.js";
import { listIdentities } from "./list-identities.js";
import { listIdentityPools } from "./list-identity-pools.js";
import { listTagsForResource } from "./list-tags-for-resource.js";
import { lookupDeveloperIdentity } from "./lookup-developer-identity.js";
import { mergeDeveloperIdentities } from "./merge-developer-identities.js";
import { setIdentityPoolRoles } from "./set-identity-pool-roles.js";
import { setPrincipalTagAttributeMap } from "./set-principal-tag-attribute-map.js";
import { tagResource } from "./tag-resource.js";
import { unlinkDeveloperIdentity } from "./unlink-developer-identity.js";
import { unlinkIdentity } from "./unlink-identity.js";
import { untagResource } from "./untag-resource.js";
import { updateIdentityPool } from "./update-identity-pool.js";

export const tools: readonly ToolContract[] = [
  createIdentityPool,
  describeIdentityPool,
  listIdentityPools,
  updateIdentityPool,
  deleteIdentityPool,
  getIdentityPoolRoles,
  setIdentityPoolRoles,
  getPrincipalTagAttributeMap,
  setPrincipalTagAttributeMap,
  tagResource,
  untagResource,
  listTagsForResource,
  listIdentities,
  describeIdentity,
  deleteIdentities,
  unlinkIdentity,
  getId,
  getCredentialsForIdentity,
  getOpenIdToken,
  lookupDeveloperIdentity,
  mergeDeveloperIdentities,
  unlinkDeveloperIdentity,
  getOpenIdTokenForDeveloperIdentity,
];

export { toolsets, type Toolset };

/** Whether `name` is a toolset's name (a group `--tools` takes) rather than a tool's. */
export function isToolset(name: string): name is Toolset {
  return (toolsets as readonly string[]).includes(name);
}

/**
 * The tools a client sees: those the operator chose (--tools: tool names, toolset names, or
 * "all", combined), else the default set; always in the registry's order.
 */
export function enabledTools(chosen: readonly string[] | "all" | undefined): readonly ToolContract[] {
  if (chosen === "all" || chosen?.includes("all")) return tools;
  if (chosen === undefined) return tools.filter((t) => t.byDefault);
  return tools.filter((t) => chosen.includes(t.name) || chosen.includes(t.toolset));
}
