/**
 * The identity-pool operations as the AWS API reference describes them, over the store.
 * Inputs arrive already checked against the model (validation.ts).
 *
 * A pool holds exactly the members its last CreateIdentityPool or UpdateIdentityPool sent, and
 * responses omit the rest. moto answers `IdentityPoolTags: {}` for a pool created without tags
 * (and `null` for other unset members); the API reference gives no default for any optional
 * member, and the AWS CLI's documented create-identity-pool output has no IdentityPoolTags, so
 * the sandbox leaves them out.
 *
 * Roles work the same way: GetIdentityPoolRoles answers the Roles and RoleMappings the last
 * SetIdentityPoolRoles sent, and for a pool whose roles were never set, only its IdentityPoolId
 * (the model gives no default, and a fresh pool has no roles to show).
 */
import { randomUUID } from "node:crypto";
import { structure, type CreateIdentityPoolRequest, type IdentityPool } from "../operation/model.js";
import { ServiceError } from "./service-error.js";
import { rolesProblem, type PoolRoles } from "./roles.js";
import type { PoolState, PoolStore, StoredPool } from "./store.js";

export type Operation = (store: PoolStore, region: string, input: unknown) => Promise<object>;

const poolMembers = Object.keys(structure("IdentityPool").members);
const summaryMembers = Object.keys(structure("IdentityPoolShortDescription").members);
const roleMembers = Object.keys(structure("GetIdentityPoolRolesResponse").members).filter((m) => m !== "IdentityPoolId");

export const operations: Record<string, Operation> = {
  CreateIdentityPool: (store, region, input) =>
    store.change((state) => {
      const pool = pick({ ...(input as CreateIdentityPoolRequest), IdentityPoolId: `${region}:${randomUUID()}` }, poolMembers);
      const sequence = state.lastSequence + 1;
      return { state: { lastSequence: sequence, pools: [...state.pools, { sequence, pool }] }, result: pool };
    }),

  DescribeIdentityPool: async (store, region, input) =>
    find(store.state, region, (input as { IdentityPoolId: string }).IdentityPoolId).pool,

  ListIdentityPools: async (store, region, input) => {
    const { MaxResults, NextToken } = input as { MaxResults: number; NextToken?: string };
    const after = NextToken === undefined ? 0 : sequenceFromToken(NextToken, region);
    const remaining = store.state.pools.filter((p) => p.sequence > after && inRegion(p.pool, region));
    const page = remaining.slice(0, MaxResults);
    const IdentityPools = page.map(({ pool }) => pick(pool, summaryMembers));
    return remaining.length > page.length ? { IdentityPools, NextToken: tokenAfter(page.at(-1)!.sequence, region) } : { IdentityPools };
  },

  // Replaces the pool's settings with the request's (moto keeps the old name; AWS renames).
  UpdateIdentityPool: (store, region, input) =>
    store.change((state) => {
      const request = input as IdentityPool;
      const { sequence, pool: current } = find(state, region, request.IdentityPoolId);
      const developer = current.DeveloperProviderName;
      // "Once you have set a developer provider name, you cannot change it" (API reference):
      // another name is refused, and an update that omits it keeps it.
      if (developer !== undefined && request.DeveloperProviderName !== undefined && request.DeveloperProviderName !== developer)
        throw new ServiceError(
          "InvalidParameterException",
          `DeveloperProviderName cannot be changed once set; this pool's is '${developer}'.`,
        );
      const pool = pick({ ...request, DeveloperProviderName: developer ?? request.DeveloperProviderName }, poolMembers);
      // The pool's roles are a resource of their own (SetIdentityPoolRoles): an update keeps them.
      const pools = state.pools.map((p) => (p.sequence === sequence ? { ...p, pool } : p));
      return { state: { ...state, pools }, result: pool };
    }),

  GetIdentityPoolRoles: async (store, region, input) => {
    const { pool, roles } = find(store.state, region, (input as { IdentityPoolId: string }).IdentityPoolId);
    return { IdentityPoolId: pool.IdentityPoolId, ...roles };
  },

  // Replaces both maps: RoleMappings left out of the request are removed, as the pool holds exactly what was sent.
  SetIdentityPoolRoles: async (store, region, input) => {
    const { IdentityPoolId, ...request } = input as PoolRoles & { IdentityPoolId: string };
    const roles = pick(request, roleMembers);
    const problem = rolesProblem(roles);
    if (problem) throw problem;
    await store.change((state) => {
      const { sequence } = find(state, region, IdentityPoolId);
      const pools = state.pools.map((p) => (p.sequence === sequence ? { ...p, roles } : p));
      return { state: { ...state, pools }, result: undefined };
    });
    return {};
  },

  DeleteIdentityPool: async (store, region, input) => {
    const { IdentityPoolId } = input as { IdentityPoolId: string };
    await store.change((state) => {
      const { sequence } = find(state, region, IdentityPoolId);
      return { state: { ...state, pools: state.pools.filter((p) => p.sequence !== sequence) }, result: undefined };
    });
    return {};
  },
};

function inRegion(pool: IdentityPool, region: string): boolean {
  return pool.IdentityPoolId.startsWith(`${region}:`);
}

/** Pools are regional: an id from another region is not found here, as with AWS's regional endpoints. */
function find(state: PoolState, region: string, id: string): StoredPool {
  const found = state.pools.find((p) => p.pool.IdentityPoolId === id && inRegion(p.pool, region));
  if (!found) throw new ServiceError("ResourceNotFoundException", `IdentityPool '${id}' not found.`);
  return found;
}

/** `members` of `source` that are set, in the model's order (the order AWS and the CLI print). */
function pick<T extends object>(source: T, members: readonly string[]): T {
  const values = source as Record<string, unknown>;
  return Object.fromEntries(members.filter((m) => values[m] !== undefined).map((m) => [m, values[m]])) as T;
}

// Paging tokens are opaque to clients: the region and the sequence number of the page's last pool.
function tokenAfter(sequence: number, region: string): string {
  return Buffer.from(JSON.stringify({ region, after: sequence })).toString("base64url");
}

function sequenceFromToken(token: string, region: string): number {
  let after: unknown;
  try {
    const decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { region?: unknown; after?: unknown };
    if (decoded.region === region) after = decoded.after;
  } catch {
    // not one of ours; refused below
  }
  if (typeof after !== "number" || !Number.isSafeInteger(after) || tokenAfter(after, region) !== token)
    throw new ServiceError(
      "InvalidParameterException",
      "Invalid NextToken: pass the NextToken of an earlier ListIdentityPools response in this region, unchanged.",
    );
  return after;
}
