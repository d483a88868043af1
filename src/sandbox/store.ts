/**
 * The sandbox's identity pools. In memory; with a data file, every change is on disk before
 * anyone can see it or is answered, so a crash never loses or corrupts acknowledged state.
 */
import { open, readFile, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import type { IdentityPool } from "../operation/model.js";
import { modelSchema } from "../operation/schema.js";

export interface StoredPool {
  /** Creation order across all regions; never reused, so paging tokens stay valid across deletes. */
  sequence: number;
  pool: IdentityPool;
}

export interface PoolState {
  lastSequence: number;
  /** In `sequence` order. A pool's region is the prefix of its id. */
  pools: readonly StoredPool[];
}

const format = "cognito-identity-mcp sandbox 1";
const emptyState: PoolState = { lastSequence: 0, pools: [] };

const dataFileSchema = z.strictObject({
  format: z.literal(format),
  lastSequence: z.number().int().nonnegative(),
  // Each pool is held to the model, so a hand-edited file cannot serve what AWS never would.
  pools: z.array(z.strictObject({ sequence: z.number().int().positive(), pool: modelSchema("IdentityPool") })),
});

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
   * change); it becomes visible only once written.
   */
  change<T>(apply: (state: PoolState) => { state: PoolState; result: T }): Promise<T> {
    const run = this.pending.then(async () => {
      const { state, result } = apply(this.current);
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
    throw new Error(`Cannot read the sandbox data file ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `not JSON: ${(error as Error).message}`);
  }
  const parsed = dataFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`);
    throw corrupt(file, first.join("; "));
  }
  const { lastSequence } = parsed.data;
  const pools = parsed.data.pools as StoredPool[];
  if (new Set(pools.map((p) => p.pool.IdentityPoolId)).size !== pools.length) throw corrupt(file, "an IdentityPoolId appears twice");
  if (pools.some((p, i) => p.sequence > lastSequence || (i > 0 && p.sequence <= pools[i - 1]!.sequence)))
    throw corrupt(file, "pool sequence numbers are out of order");
  return { lastSequence, pools };
}

function corrupt(file: string, detail: string): Error {
  return new Error(`The sandbox data file ${file} is corrupt (${detail}). It was left as it is: restore it, or move it away to start with no pools.`);
}

/**
 * Replaces `file` so that a crash at any point leaves either the old or the new contents:
 * write a temporary file beside it, flush it to disk, rename it over the target, then flush
 * the directory so the rename itself survives.
 */
async function writeDurably(file: string, text: string): Promise<void> {
  const directory = dirname(file);
  const temporary = join(directory, `.${basename(file)}.tmp`);
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  // Windows cannot open a directory to flush it: there the rename is as durable as NTFS makes it.
  if (process.platform === "win32") return;
  const dir = await open(directory, "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
