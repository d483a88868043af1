/**
 * What every area of the sandbox's operations shares: the Operation type, finding a pool or an
 * identity in the request's region, replacing one in a state, and opaque paging tokens.
 */
import { ServiceError } from "./service-error.js";
import type { CompleteState, PoolStore, StoredIdentity, StoredPool } from "./store.js";

/** What an operation may add to the request's log line (the role GetCredentialsForIdentity chose): never a secret. */
export interface RequestNotes {
  note(text: string): void;
}

/** One operation: its input arrives already checked against the model (validation.ts). */
export type Operation = (store: PoolStore, region: string, input: unknown, notes: RequestNotes) => Promise<object>;

export function inRegion(id: string, region: string): boolean {
  return id.startsWith(`${region}:`);
}

/** Pools are regional: an id from another region is not found here, as with AWS's regional endpoints. */
export function findPool(state: CompleteState, region: string, id: string): StoredPool {
  const found = state.pools.find((p) => p.pool.IdentityPoolId === id && inRegion(id, region));
  if (!found) throw new ServiceError("ResourceNotFoundException", `IdentityPool '${id}' not found.`);
  return found;
}

/** Identities are regional as their pools are. */
export function findIdentity(state: CompleteState, region: string, id: string): StoredIdentity {
  const found = state.identities.find((i) => i.IdentityId === id && inRegion(id, region));
  if (!found) throw new ServiceError("ResourceNotFoundException", `Identity '${id}' not found.`);
  return found;
}

export function poolOf(state: CompleteState, identity: StoredIdentity): StoredPool {
  // The store guarantees every identity's pool exists.
  return state.pools.find((p) => p.pool.IdentityPoolId === identity.IdentityPoolId)!;
}

/** `state` with `pool` replaced by `change(pool)`. */
export function replacePool(state: CompleteState, pool: StoredPool, change: (pool: StoredPool) => StoredPool): CompleteState {
  return { ...state, pools: state.pools.map((p) => (p === pool ? change(p) : p)) };
}

/** `state` with `identity` replaced by `next`. */
export function replaceIdentity(state: CompleteState, identity: StoredIdentity, next: StoredIdentity): CompleteState {
  return { ...state, identities: state.identities.map((i) => (i === identity ? next : i)) };
}

/** `members` of `source` that are set, in the model's order (the order AWS and the CLI print). */
export function pick<T extends object>(source: T, members: readonly string[]): T {
  const values = source as Record<string, unknown>;
  return Object.fromEntries(members.filter((m) => values[m] !== undefined).map((m) => [m, values[m]])) as T;
}

/** Seconds since the epoch, to the millisecond: how the service sends timestamps. */
export function nowSeconds(): number {
  return Date.now() / 1000;
}

/**
 * Paging tokens are opaque to clients: the scope they were made for (the region, the pool …) and
 * the sequence number of the page's last item, so they stay valid across deletes.
 */
export function pageToken(scope: Record<string, string>, after: number): string {
  return Buffer.from(JSON.stringify({ ...scope, after })).toString("base64url");
}

/** Where the page of `token` starts (0 without one); `source` says where a valid token comes from. */
export function pageStart(token: string | undefined, scope: Record<string, string>, source: string): number {
  if (token === undefined) return 0;
  let after: unknown;
  try {
    after = (JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { after?: unknown }).after;
  } catch {
    // not one of ours; refused below
  }
  // Made again from its own number, a token of another scope (region, pool) is not this one.
  if (typeof after !== "number" || !Number.isSafeInteger(after) || pageToken(scope, after) !== token)
    throw new ServiceError("InvalidParameterException", `Invalid NextToken: pass the NextToken of ${source}, unchanged.`);
  return after;
}
