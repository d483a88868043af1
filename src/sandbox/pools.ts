/**
 * The identity-pool operations (create, describe, list, update, delete, and the pool's roles) as
 * the AWS API reference describes them, over the store.
 *
 * A pool holds exactly the members its last CreateIdentityPool or UpdateIdentityPool sent (tags
 * included, which TagResource and UntagResource then change), and responses omit the rest. moto
 * answers `IdentityPoolTags: {}` for a pool created without tags (and `null` for other unset
 * members); the API reference gives no default for any optional member, and the AWS CLI's
 * documented create-identity-pool output has no IdentityPoolTags, so the sandbox leaves them out.
 *
 * Roles work the same way: GetIdentityPoolRoles answers the Roles and RoleMappings the last
 * SetIdentityPoolRoles sent, and for a pool whose roles were never set, only its IdentityPoolId
 * (the model gives no default, and a fresh pool has no roles to show).
 */
import { randomUUID } from "node:crypto";
import { structure, type CreateIdentityPoolRequest, type IdentityPool } from "../operation/model.js";
import { ServiceError } from "./service-error.js";
import { rolesProblem, type PoolRoles } from "./roles.js";
import { findPool, inRegion, pageStart, pageToken, pick, replacePool, type Operation } from "./common.js";

export const poolMembers = Object.keys(structure("IdentityPool").members);
const summaryMembers = Object.keys(structure("IdentityPoolShortDescription").members);
const roleMembers = Object.keys(structure("GetIdentityPoolRolesResponse").members).filter((m) => m !== "IdentityPoolId");

export const poolOperations = {
  CreateIdentityPool: (store, region, input) =>
    store.change((state) => {
      const pool = pick({ ...(input as CreateIdentityPoolRequest), IdentityPoolId: `${region}:${randomUUID()}` }, poolMembers);
      const sequence = state.lastSequence + 1;
      return { state: { ...state, lastSequence: sequence, pools: [...state.pools, { sequence, pool }] }, result: pool };
    }),

  DescribeIdentityPool: async (store, region, input) =>
    findPool(store.state, region, (input as { IdentityPoolId: string }).IdentityPoolId).pool,

  ListIdentityPools: async (store, region, input) => {
    const { MaxResults, NextToken } = input as { MaxResults: number; NextToken?: string };
    const after = pageStart(NextToken, { region }, "an earlier ListIdentityPools response in this region");
    const remaining = store.state.pools.filter((p) => p.sequence > after && inRegion(p.pool.IdentityPoolId, region));
    const page = remaining.slice(0, MaxResults);
    const IdentityPools = page.map(({ pool }) => pick(pool, summaryMembers));
    return remaining.length > page.length ? { IdentityPools, NextToken: pageToken({ region }, page.at(-1)!.sequence) } : { IdentityPools };
  },

  // Replaces the pool's settings with the request's (moto keeps the old name; AWS renames).
  UpdateIdentityPool: (store, region, input) =>
    store.change((state) => {
      const request = input as IdentityPool;
      const stored = findPool(state, region, request.IdentityPoolId);
      const developer = stored.pool.DeveloperProviderName;
      // "Once you have set a developer provider name, you cannot change it" (API reference):
      // another name is refused, and an update that omits it keeps it.
      if (developer !== undefined && request.DeveloperProviderName !== undefined && request.DeveloperProviderName !== developer)
        throw new ServiceError(
          "InvalidParameterException",
          `DeveloperProviderName cannot be changed once set; this pool's is '${developer}'.`,
        );
      const pool = pick({ ...request, DeveloperProviderName: developer ?? request.DeveloperProviderName }, poolMembers);
      // The pool's roles, principal tag maps and identities are resources of their own: an update keeps them.
      return { state: replacePool(state, stored, (p) => ({ ...p, pool })), result: pool };
    }),

  GetIdentityPoolRoles: async (store, region, input) => {
    const { pool, roles } = findPool(store.state, region, (input as { IdentityPoolId: string }).IdentityPoolId);
    return { IdentityPoolId: pool.IdentityPoolId, ...roles };
  },

  // Replaces both maps: RoleMappings left out of the request are removed, as the pool holds exactly what was sent.
  SetIdentityPoolRoles: async (store, region, input) => {
    const { IdentityPoolId, ...request } = input as PoolRoles & { IdentityPoolId: string };
    const roles = pick(request, roleMembers);
    const problem = rolesProblem(roles);
    if (problem) throw problem;
    await store.change((state) => ({
      state: replacePool(state, findPool(state, region, IdentityPoolId), (p) => ({ ...p, roles })),
      result: undefined,
    }));
    return {};
  },

  // The pool's identities, tags, roles and principal tag maps go with it.
  DeleteIdentityPool: async (store, region, input) => {
    const { IdentityPoolId } = input as { IdentityPoolId: string };
    await store.change((state) => {
      const stored = findPool(state, region, IdentityPoolId);
      return {
        state: {
          ...state,
          pools: state.pools.filter((p) => p !== stored),
          identities: state.identities.filter((i) => i.IdentityPoolId !== IdentityPoolId),
        },
        result: undefined,
      };
    });
    return {};
  },
} satisfies Record<string, Operation>;
