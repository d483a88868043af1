/**
 * The requests a transport has read and not yet answered, so that an orderly stop can let them
 * finish and answer those still running (src/effects/unfinished.ts words the answer). Shared by
 * stdio and HTTP; `T` is where an answer must go when the transport needs to know (an HTTP
 * response). Keyed by the request's id as JSON text, so 1 and "1" differ; a reused id has one
 * entry per request, settled in order.
 */
import { cutOffRequest, type CutOffRequest } from "../effects/unfinished.js";

export interface Unanswered<T> {
  request: CutOffRequest;
  reply: T;
}

export class InFlight<T = undefined> {
  private readonly byId = new Map<string, Unanswered<T>[]>();
  private count = 0;
  private idle: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  /** A request read; what it returns identifies this one entry for forget(). */
  add(id: string | number, method: string, params: Record<string, unknown> | undefined, reply: T): Unanswered<T> {
    const entry = { request: cutOffRequest(id, method, params), reply };
    const key = JSON.stringify(id);
    this.byId.set(key, [...(this.byId.get(key) ?? []), entry]);
    this.count++;
    return entry;
  }

  /** The oldest request with this id is answered (or cancelled); unknown ids change nothing. */
  settle(id: unknown): void {
    const entry = this.byId.get(JSON.stringify(id))?.[0];
    if (entry) this.forget(entry);
  }

  /** This entry needs no answer from a stop any more (answered, refused, or its client gone); done twice, nothing changes. */
  forget(entry: Unanswered<T>): void {
    const key = JSON.stringify(entry.request.id);
    const entries = this.byId.get(key);
    if (!entries?.includes(entry)) return;
    const rest = entries.filter((e) => e !== entry);
    if (rest.length) this.byId.set(key, rest);
    else this.byId.delete(key);
    if (--this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Resolves once nothing is in flight (at once if nothing is). */
  whenIdle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  /** Every request still unanswered, forgotten here: the caller answers them. */
  takeAll(): Unanswered<T>[] {
    const all = [...this.byId.values()].flat();
    this.byId.clear();
    this.count = 0;
    for (const resolve of this.idle.splice(0)) resolve();
    return all;
  }
}
