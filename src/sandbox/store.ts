/**
 * The sandbox's identity pools. In memory; with a data file, every change is on disk before
 * anyone can see it or is answered, so a crash never loses or corrupts acknowledged state.
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
}

export interface PoolState {
  lastSequence: number;
  /** In `sequence` order. A pool's region is the prefix of its id. */
  pools: readonly StoredPool[];
}

/**
 * Format 2 adds each pool's `roles` ({Roles, RoleMappings?}, as SetIdentityPoolRoles sent them).
 * Format 1 (no roles) still loads: its pools simply have none, and the next change writes format 2.
 */
const format = "cognito-identity-mcp sandbox 2";
const formatWithoutRoles = "cognito-identity-mcp sandbox 1";
const emptyState: PoolState = { lastSequence: 0, pools: [] };

// Each pool is held to the model, so a hand-edited file cannot serve what AWS never would.
const storedPoolWithoutRoles = z.strictObject({ sequence: z.number().int().positive(), pool: modelSchema("IdentityPool") });
const storedPool = storedPoolWithoutRoles.extend({
  roles: z.strictObject({ Roles: modelSchema("RolesMap"), RoleMappings: modelSchema("RoleMappingMap").optional() }).optional(),
});
const lastSequenceSchema = z.number().int().nonnegative();

const dataFileSchema = z.discriminatedUnion("format", [
  z.strictObject({ format: z.literal(format), lastSequence: lastSequenceSchema, pools: z.array(storedPool) }),
  z.strictObject({ format: z.literal(formatWithoutRoles), lastSequence: lastSequenceSchema, pools: z.array(storedPoolWithoutRoles) }),
]);

export class PoolStore {
  private pending: Promise<unknown> = Promise.resolve();

  private constructor(
    private current: PoolState,
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
  get state(): PoolState {
    return this.current;
  }

  /**
   * Applies changes one at a time. `apply` returns the next state (or throws to refuse the
   * change); it becomes visible only once written. A state the loader would refuse is refused
   * here, so an acknowledged change can never keep the sandbox from starting again.
   */
  change<T>(apply: (state: PoolState) => { state: PoolState; result: T }): Promise<T> {
    const run = this.pending.then(async () => {
      const { state, result } = apply(this.current);
      // The loader's checks on what it would read. Only pools new to this state go through the
      // schema (the others passed it when loaded or added): every pool at every change made
      // 1,000 creates take seconds.
      const known = new Set(this.current.pools);
      const added = state.pools.filter((p) => !known.has(p));
      const problem = schemaProblem(JSON.parse(serialize({ ...state, pools: added }))) ?? orderProblem(state) ?? rolesProblemIn(added);
      if (problem !== undefined) throw new Error(`Refused a change the data file could not hold (${problem}); nothing was changed.`);
      if (this.dataFile) await writeDurably(this.dataFile, serialize(state));
      this.current = state;
      return result;
    });
    this.pending = run.catch(() => undefined);
    return run;
  }
}

function serialize(state: PoolState): string {
  return `${JSON.stringify({ format, ...state }, null, 2)}\n`;
}

async function load(file: string): Promise<PoolState | undefined> {
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
  const problem = schemaProblem(json) ?? orderProblem(json as PoolState) ?? rolesProblemIn((json as PoolState).pools);
  if (problem !== undefined) throw corrupt(file, problem);
  const { lastSequence, pools } = json as PoolState;
  return { lastSequence, pools };
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

/** What the schema cannot say about a state: ids are unique, and sequence numbers increase up to lastSequence. */
function orderProblem({ lastSequence, pools }: PoolState): string | undefined {
  if (new Set(pools.map((p) => p.pool.IdentityPoolId)).size !== pools.length) return "an IdentityPoolId appears twice";
  if (pools.some((p, i) => p.sequence > lastSequence || (i > 0 && p.sequence <= pools[i - 1]!.sequence)))
    return "pool sequence numbers are out of order";
  return undefined;
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
