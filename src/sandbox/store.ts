/**
 * The sandbox's identity pools and their identities. In memory; with a data file, every change is
 * on disk before anyone can see it or is answered, so a crash never loses or corrupts acknowledged state.
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import type { IdentityPool } from "../operation/model.js";
import { modelSchema } from "../operation/schema.js";
import { rolesProblem, type PoolRoles } from "./roles.js";

export interface StoredPool {
  /** Creation order across all regions; never reused, so paging tokens stay valid across deletes. */
  sequence: number;
  pool: IdentityPool;
  /** Set by SetIdentityPoolRoles; a separate resource, so UpdateIdentityPool keeps it. */
  roles?: PoolRoles;
  /** SetPrincipalTagAttributeMap's maps, by identity provider name; also kept by UpdateIdentityPool. */
  principalTags?: Record<string, PrincipalTagMap>;
}

export interface PrincipalTagMap {
  UseDefaults: boolean;
  PrincipalTags?: Record<string, string>;
}

/** One login linked to an identity: a provider's user, or a developer user (provider: the pool's DeveloperProviderName). */
export interface LinkedLogin {
  /** The Logins key: graph.facebook.com, cognito-idp.REGION.amazonaws.com/POOL, an OIDC host, a SAML provider ARN, the developer provider. */
  provider: string;
  /** The user: a JWT's `sub`, `sha256:<hex>` of an opaque token (the token itself is never stored), or a developer user identifier. */
  user: string;
  /** The claims of the last JWT seen for this login, if it was one: what role rules read. */
  claims?: Record<string, unknown>;
}

export interface StoredIdentity {
  /** Creation order across all pools; never reused, so ListIdentities tokens stay valid across deletes. */
  sequence: number;
  IdentityId: string;
  IdentityPoolId: string;
  /** Seconds since the epoch, as the service sends timestamps. */
  CreationDate: number;
  LastModifiedDate: number;
  /** Empty for an unauthenticated identity. A login belongs to one identity of its pool at most. */
  logins: readonly LinkedLogin[];
  /** Its last login was unlinked or merged away: still listed (ListIdentities' HideDisabled), never served credentials. */
  disabled?: boolean;
}

/** A state with every member, as the store holds and hands it out. */
export type CompleteState = Required<PoolState>;

export interface PoolState {
  lastSequence: number;
  /** In `sequence` order. A pool's region is the prefix of its id. */
  pools: readonly StoredPool[];
  /** Absent in states made before identities (an empty list, 0). */
  lastIdentitySequence?: number;
  /** In `sequence` order; each in a pool of `pools`. */
  identities?: readonly StoredIdentity[];
}

/**
 * Format 3 adds identities (with their linked logins, developer users included), each pool's
 * principal tag maps, and lastIdentitySequence. Format 2 added each pool's `roles` ({Roles,
 * RoleMappings?}, as SetIdentityPoolRoles sent them). Formats 1 and 2 still load: their pools have
 * no identities (and format 1's no roles), and the next change writes format 3.
 */
const format = "cognito-identity-mcp sandbox 3";
const formatWithoutIdentities = "cognito-identity-mcp sandbox 2";
const formatWithoutRoles = "cognito-identity-mcp sandbox 1";
const emptyState: CompleteState = { lastSequence: 0, pools: [], lastIdentitySequence: 0, identities: [] };

// Each pool is held to the model, so a hand-edited file cannot serve what AWS never would.
const storedPoolWithoutRoles = z.strictObject({ sequence: z.number().int().positive(), pool: modelSchema("IdentityPool") });
const storedPoolWithoutIdentities = storedPoolWithoutRoles.extend({
  roles: z.strictObject({ Roles: modelSchema("RolesMap"), RoleMappings: modelSchema("RoleMappingMap").optional() }).optional(),
});
const storedPool = storedPoolWithoutIdentities.extend({
  principalTags: z
    .record(
      modelSchema("IdentityProviderName") as z.ZodString,
      z.strictObject({ UseDefaults: z.boolean(), PrincipalTags: modelSchema("PrincipalTags").optional() }),
    )
    .optional(),
});
const lastSequenceSchema = z.number().int().nonnegative();
const timestamp = z.number().nonnegative();
const storedIdentity = z.strictObject({
  sequence: z.number().int().positive(),
  IdentityId: modelSchema("IdentityId"),
  IdentityPoolId: modelSchema("IdentityPoolId"),
  CreationDate: timestamp,
  LastModifiedDate: timestamp,
  logins: z.array(
    z.strictObject({
      provider: modelSchema("IdentityProviderName"),
      // As long as a login token (a developer user identifier is at most 1,024).
      user: z.string().min(1).max(50_000),
      claims: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  disabled: z.literal(true).optional(),
});

const dataFileSchema = z.discriminatedUnion("format", [
  z.strictObject({
    format: z.literal(format),
    lastSequence: lastSequenceSchema,
    pools: z.array(storedPool),
    lastIdentitySequence: lastSequenceSchema,
    identities: z.array(storedIdentity),
  }),
  z.strictObject({
    format: z.literal(formatWithoutIdentities),
    lastSequence: lastSequenceSchema,
    pools: z.array(storedPoolWithoutIdentities),
  }),
  z.strictObject({ format: z.literal(formatWithoutRoles), lastSequence: lastSequenceSchema, pools: z.array(storedPoolWithoutRoles) }),
]);

export class PoolStore {
  private pending: Promise<unknown> = Promise.resolve();

  private constructor(
    private current: CompleteState,
    private readonly dataFile: string | undefined,
  ) {}

  static async open(dataFile?: string): Promise<PoolStore> {
    if (!dataFile) return new PoolStore(emptyState, undefined);
    const loaded = await load(dataFile);
    // A file that cannot be written should stop the start, not the first create.
    if (!loaded) await writeDurably(dataFile, serialize(emptyState));
    return new PoolStore(loaded ?? emptyState, dataFile);
  }

  /** What has been acknowledged (and, with a data file, written). */
  get state(): CompleteState {
    return this.current;
  }

  /**
   * Applies changes one at a time. `apply` returns the next state (or throws to refuse the
   * change); it becomes visible only once written. A state the loader would refuse is refused
   * here, so an acknowledged change can never keep the sandbox from starting again.
   */
  change<T>(apply: (state: CompleteState) => { state: PoolState; result: T }): Promise<T> {
    const run = this.pending.then(async () => {
      const { state: next, result } = apply(this.current);
      // The state itself, unchanged: nothing to check or write (a GetId for a login already linked).
      if (next === this.current) return result;
      const state = complete(next);
      // The loader's checks on what it would read. Only pools and identities new to this state go
      // through the schema (the others passed it when loaded or added): every pool at every change
      // made 1,000 creates take seconds.
      const knownPools = new Set(this.current.pools);
      const added = state.pools.filter((p) => !knownPools.has(p));
      const knownIdentities = new Set(this.current.identities);
      const addedIdentities = state.identities.filter((i) => !knownIdentities.has(i));
      const problem =
        schemaProblem(JSON.parse(serialize({ ...state, pools: added, identities: addedIdentities }))) ??
        orderProblem(state) ??
        rolesProblemIn(added);
      if (problem !== undefined) throw new Error(`Refused a change the data file could not hold (${problem}); nothing was changed.`);
      if (this.dataFile) await writeDurably(this.dataFile, serialize(state));
      this.current = state;
      return result;
    });
    this.pending = run.catch(() => undefined);
    return run;
  }
}

/** `state` with the members older states lack. */
function complete(state: PoolState): CompleteState {
  return { ...state, lastIdentitySequence: state.lastIdentitySequence ?? 0, identities: state.identities ?? [] };
}

function serialize(state: CompleteState): string {
  const { lastSequence, pools, lastIdentitySequence, identities } = state;
  return `${JSON.stringify({ format, lastSequence, pools, lastIdentitySequence, identities }, null, 2)}\n`;
}

async function load(file: string): Promise<CompleteState | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`Cannot read the sandbox data file ${file}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `not JSON: ${(error as Error).message}`);
  }
  const schemaFailure = schemaProblem(json);
  if (schemaFailure !== undefined) throw corrupt(file, schemaFailure);
  const { lastSequence, pools, lastIdentitySequence, identities } = json as PoolState;
  const state = complete({ lastSequence, pools, lastIdentitySequence, identities });
  const problem = orderProblem(state) ?? rolesProblemIn(state.pools);
  if (problem !== undefined) throw corrupt(file, problem);
  return state;
}

/** Why `json` does not match the data file's schema, or undefined. */
function schemaProblem(json: unknown): string | undefined {
  const parsed = dataFileSchema.safeParse(json);
  if (parsed.success) return undefined;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`)
    .join("; ");
}

/**
 * What the schema cannot say about a state: ids are unique, sequence numbers increase up to their
 * last, every identity is in a pool of its own region, and a login belongs to one identity of a pool at most.
 */
function orderProblem({ lastSequence, pools, lastIdentitySequence, identities }: CompleteState): string | undefined {
  const poolIds = new Set(pools.map((p) => p.pool.IdentityPoolId));
  if (poolIds.size !== pools.length) return "an IdentityPoolId appears twice";
  if (pools.some((p, i) => p.sequence > lastSequence || (i > 0 && p.sequence <= pools[i - 1]!.sequence)))
    return "pool sequence numbers are out of order";
  if (new Set(identities.map((i) => i.IdentityId)).size !== identities.length) return "an IdentityId appears twice";
  if (
    identities.some(
      (identity, i) => identity.sequence > lastIdentitySequence || (i > 0 && identity.sequence <= identities[i - 1]!.sequence),
    )
  )
    return "identity sequence numbers are out of order";
  const logins = new Set<string>();
  for (const [i, identity] of identities.entries()) {
    const where = `identities.${i}`;
    if (!poolIds.has(identity.IdentityPoolId)) return `${where}: its pool ${identity.IdentityPoolId} does not exist`;
    if (regionOfId(identity.IdentityId) !== regionOfId(identity.IdentityPoolId)) return `${where}: not in the region of its pool`;
    if (identity.disabled && identity.logins.length > 0) return `${where}: disabled, yet it has logins`;
    for (const { provider, user } of identity.logins) {
      const key = JSON.stringify([identity.IdentityPoolId, provider, user]);
      if (logins.has(key)) return `${where}: a login of ${provider} is linked to two identities`;
      logins.add(key);
    }
  }
  return undefined;
}

function regionOfId(id: string): string {
  return id.slice(0, id.indexOf(":"));
}

/** The rules on roles the schema cannot state (roles.ts), as SetIdentityPoolRoles enforces them. */
function rolesProblemIn(pools: readonly StoredPool[]): string | undefined {
  for (const [i, { roles }] of pools.entries()) {
    const problem = roles && rolesProblem(roles);
    if (problem) return `pools.${i}.roles: ${problem.message}`;
  }
  return undefined;
}

function corrupt(file: string, detail: string): Error {
  return new Error(
    `The sandbox data file ${file} is corrupt (${detail}). It was left as it is: restore it, or move it away to start with no pools.`,
  );
}

/** Create only, never through a symlink (O_NOFOLLOW does not exist on Windows). */
const createNew = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Replaces `file` so that a crash at any point leaves either the old or the new contents:
 * write a temporary file beside it, flush it to disk, rename it over the target, then flush
 * the directory so the rename itself survives. The temporary file's name is random and it is
 * created exclusively, so nothing planted in the directory can redirect the write.
 */
async function writeDurably(file: string, text: string): Promise<void> {
  const directory = dirname(file);
  const temporary = join(directory, `.${basename(file)}.${randomBytes(16).toString("hex")}.tmp`);
  const handle = await open(temporary, createNew, 0o600);
  try {
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  // Windows cannot open a directory to flush it: there the rename is as durable as NTFS makes it.
  if (process.platform === "win32") return;
  const dir = await open(directory, "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
