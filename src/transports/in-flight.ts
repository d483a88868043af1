/**
 * The requests a transport has read and not yet answered, so that an orderly stop can let them
 * finish and answer those still running (the server's `cutOffAnswer` words the answer: the
 * transports know nothing of tools). Shared by stdio and HTTP; `T` is where an answer must go when
 * the transport needs to know (an HTTP response). Keyed by the request's id as JSON text, so 1 and
 * "1" differ; a reused id has one entry per request, settled in order.
 */
import { PROTOCOL_VERSION_META_KEY, type JSONRPCMessage, type Server } from "@modelcontextprotocol/server";

/** A request still running when the server stopped waiting for it: what it is, as the transport saw it. */
export interface CutOffRequest {
  id: string | number;
  method: string;
  /** tools/call: the tool's name, and whether the call sends nothing (a dry run or a skeleton). */
  tool?: string;
  sendsNothing?: boolean;
  /** Sent under MCP 2026-07-28, whose results say what they are (resultType). */
  modern?: boolean;
}

/** What a stop needs to know of a request, from its method and params. */
export function cutOffRequest(id: string | number, method: string, params: Record<string, unknown> | undefined): CutOffRequest {
  const modern = (params?._meta as Record<string, unknown> | undefined)?.[PROTOCOL_VERSION_META_KEY] !== undefined || undefined;
  if (method !== "tools/call") return { id, method, modern };
  const args = (params?.arguments ?? {}) as { dryRun?: unknown; generateCliSkeleton?: unknown };
  return {
    id,
    method,
    modern,
    tool: typeof params?.name === "string" ? params.name : undefined,
    sendsNothing: args.dryRun === true || (args.generateCliSkeleton !== undefined && args.generateCliSkeleton !== null),
  };
}

/** Whether a message answers a request (a result or an error, not a request or notification). */
export function isAnswer(message: JSONRPCMessage): message is JSONRPCMessage & { id: string | number } {
  return !("method" in message) && ("result" in message || "error" in message) && (message as { id?: unknown }).id !== undefined;
}

/** What a transport serves: a server per connection, session or request, and the answer to a request a stop cut short. */
export interface Served {
  (): Server;
  cutOffAnswer(request: CutOffRequest, reason: string): JSONRPCMessage;
}

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
