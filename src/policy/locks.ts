/**
 * Writes that must not interleave within one server process: guarded creates of one name, and
 * the writes to one pool (each reads the pool first, and its change report must describe the
 * state it actually replaced). Across processes there is nothing to lock: CreateIdentityPool has
 * no idempotency token.
 */
import type { Connection, Target } from "../operation/types.js";

/** A mutex per key: a key's calls run one after another, in the order they asked; different keys run freely. */
export class KeyedLocks {
  /** Each key's last holder or waiter settles this when done; the entry goes once no one is queued, so the map stays small. */
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    // The chain only ever resolves, so one holder's failure never skips or breaks the next.
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    try {
      await previous;
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys held or waited for now. */
  get size(): number {
    return this.tails.size;
  }
}

/**
 * Who a call acts as, as far as the process knows without asking AWS: the same profile (or the
 * same signing mode that uses no profile) gives the same identity within one process.
 */
function identity(connection: Connection, target: Target): string {
  if (connection.sandbox) return "sandbox";
  if (connection.noSignRequest) return "unsigned";
  if (connection.placeholderCredentials) return "placeholders";
  return `profile ${target.profile ?? "default"}`;
}

/**
 * The lock for a guarded create of `name` ("name") or for writes to the pool `id` ("pool"):
 * where the call goes (resolved region and endpoint), as whom, and what it names.
 */
export function writeLockKey(kind: "name" | "state", connection: Connection, target: Target, subject: string): string {
  return JSON.stringify([kind, target.region ?? "", target.endpoint ?? "", identity(connection, target), subject]);
}
