/**
 * stdio: newline-delimited JSON-RPC, stdout for JSON-RPC alone, everything else on stderr.
 *
 * The SDK's serveStdio decides each connection's protocol era (2025-11-25 from `initialize`,
 * 2026-07-28 from a request's envelope) over our own transport rather than the SDK's, because the
 * SDK's stays silent on a line that is not JSON or not JSON-RPC (JSON-RPC 2.0 requires a parse
 * error / invalid request answer), closes for good after one oversized frame, and aborts the
 * requests in flight when stdin ends. Here each bad frame gets its answer and the
 * session goes on; a frame over the limit is skipped without being buffered, and answered under
 * its id when its first or last bytes show it.
 *
 * It also knows which requests are still unanswered, so that a stop (stdin closed, SIGTERM) can
 * let them finish, and answer those still running at the bound itself instead of dropping them.
 */
import type { Readable, Writable } from "node:stream";
import { parseJSONRPCMessage, type JSONRPCMessage, type Transport } from "@modelcontextprotocol/server";
import { serveStdio as serveEitherEra } from "@modelcontextprotocol/server/stdio";
import { overlongFrameId, type Id } from "./frame-id.js";
import { InFlight, isAnswer, type CutOffRequest, type Served } from "./in-flight.js";
import { stopGraceMs } from "./shutdown.js";

/** The same limit as the SDK's stdio transport: a frame may carry a 10 MB argument. */
export const maxFrameBytes = 10 * 1024 * 1024;

/** How much of an over-long frame is kept to find its id: this many bytes of its start, and of its end. */
export const idWindowBytes = 64 * 1024;

/** JSON-RPC 2.0's error codes (§5.1). */
const parseError = -32700;
const invalidRequest = -32600;

/** The transport itself, over any pair of streams (tests use in-memory ones); serveStdio runs it on the process's. */
export class StdioTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;
  /** The client is gone: stdin ended, or stdout broke. Without a handler the transport closes. */
  onend?: () => void;

  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Set while skipping the rest of an over-long frame: its first bytes, and a sliding window of its last. */
  private overlong?: { head: Buffer; tail: Buffer };
  private closed = false;
  /** Set once stopping: only what finishes the calls in flight is read. */
  private stopping?: Promise<number>;
  /** Set once a stop answered what was still running: a late answer would be a second one. */
  private sealed = false;
  private outputBroken = false;
  private readonly inFlight = new InFlight();
  /** Ends a stop's wait at once (endWait). */
  private wake?: () => void;

  constructor(
    private readonly input: Readable = process.stdin,
    private readonly output: Writable = process.stdout,
  ) {}

  /** Requests read and not answered yet. */
  get callsInFlight(): number {
    return this.inFlight.size;
  }

  /** Called by the Server's connect(). */
  async start(): Promise<void> {
    this.input.on("data", this.onData);
    this.input.on("error", this.onInputError);
    this.input.once("end", this.onInputEnd);
    this.output.on("error", this.onOutputError);
  }

  private readonly onInputError = (error: Error) => this.onerror?.(error);

  private readonly onInputEnd = () => {
    // A last frame without its newline is still a frame the client sent.
    if (this.pendingBytes > 0 || this.overlong) this.endFrame();
    this.clientGone();
  };

  private readonly onOutputError = (error: Error) => {
    if (this.outputBroken) return;
    this.outputBroken = true;
    this.onerror?.(new Error(`stdout: ${error.message}`));
    this.clientGone();
  };

  private clientGone(): void {
    if (this.onend) this.onend();
    else void this.close();
  }

  private readonly onData = (chunk: Buffer) => {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1 && !this.closed; newline = chunk.indexOf(10, start)) {
      this.take(chunk.subarray(start, newline));
      this.endFrame();
      start = newline + 1;
    }
    if (start < chunk.length && !this.closed) this.take(chunk.subarray(start));
  };

  private take(part: Buffer): void {
    if (part.length === 0) return;
    if (this.overlong) {
      this.overlong.tail = lastBytes([this.overlong.tail, part], idWindowBytes);
      return;
    }
    this.pendingBytes += part.length;
    if (this.pendingBytes > maxFrameBytes) {
      const parts = [...this.pending, part];
      // Buffer.concat with a length copies only that much: the head does not pin the 10 MiB read so far.
      this.overlong = { head: Buffer.concat(parts, idWindowBytes), tail: lastBytes(parts, idWindowBytes) };
      this.pending = [];
      this.pendingBytes = 0;
      return;
    }
    this.pending.push(part);
  }

  private endFrame(): void {
    if (this.overlong) {
      const { head, tail } = this.overlong;
      this.overlong = undefined;
      if (this.stopping) return;
      return this.reject(overlongFrameId(head, tail), invalidRequest, `Invalid Request: a frame is limited to ${maxFrameBytes} bytes`);
    }
    const line = Buffer.concat(this.pending).toString("utf8").replace(/\r$/, "");
    this.pending = [];
    this.pendingBytes = 0;
    if (line.trim() === "") return;
    let frame: unknown;
    try {
      frame = JSON.parse(line);
    } catch (error) {
      if (this.stopping) return;
      return this.reject(null, parseError, `Parse error: ${(error as Error).message}`);
    }
    const message = parseMessage(frame);
    if (this.stopping) {
      // Nothing new once stopping; but a call in flight may wait for the client's answer (consent), or be cancelled.
      if (message.success && (isAnswer(message.data) || isCancellation(message.data))) this.deliver(message.data);
      return;
    }
    if (!message.success)
      return this.reject(readableId(frame), invalidRequest, "Invalid Request: not a JSON-RPC 2.0 request, notification or response");
    this.deliver(message.data);
  }

  private deliver(message: JSONRPCMessage): void {
    const m = message as { id?: string | number; method?: string; params?: Record<string, unknown> };
    if (m.method !== undefined && m.id !== undefined) this.inFlight.add(m.id, m.method, m.params, undefined);
    else if (isCancellation(message))
      // The SDK sends nothing for a cancelled request: it is not owed an answer any more.
      this.inFlight.settle((m.params as { requestId?: unknown } | undefined)?.requestId);
    this.onmessage?.(message);
  }

  /** Answers a frame the SDK never sees; written directly, so an in-flight request with the same id stays owed. */
  private reject(id: Id, code: number, message: string): void {
    this.onerror?.(new Error(message));
    void this.write({ jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage);
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.sealed) return Promise.resolve();
    if (isAnswer(message)) this.inFlight.settle(message.id);
    return this.write(message);
  }

  private write(message: JSONRPCMessage): Promise<void> {
    if (this.outputBroken) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.output.once("drain", resolve);
    });
  }

  /**
   * Stops taking new work, waits for the requests in flight to be answered (at most `graceMs`
   * in all, or until endWait()), answers those still running itself, and resolves with their
   * number once everything written has been handed to the output. Later calls get the same promise.
   */
  stop(
    reason: string,
    cutOffAnswer: (request: CutOffRequest, reason: string) => JSONRPCMessage,
    graceMs: number = stopGraceMs,
  ): Promise<number> {
    this.stopping ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.inFlight.whenIdle(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
          this.wake = resolve;
        }),
      ]);
      clearTimeout(timer);
      const unfinished = this.inFlight.takeAll();
      this.sealed = true;
      for (const { request } of unfinished) void this.write(cutOffAnswer(request, reason));
      await this.flushed();
      return unfinished.length;
    })();
    return this.stopping;
  }

  /** Ends a stop's wait now. */
  endWait(): void {
    this.wake?.();
  }

  private flushed(): Promise<void> {
    if (this.outputBroken || !this.output.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.output.off("drain", done);
        this.output.off("error", done);
        this.output.off("close", done);
        resolve();
      };
      this.output.once("drain", done);
      this.output.once("error", done);
      this.output.once("close", done);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off("data", this.onData);
    this.input.off("error", this.onInputError);
    this.input.off("end", this.onInputEnd);
    this.pending = [];
    this.overlong = undefined;
    this.onclose?.();
  }
}

function parseMessage(frame: unknown): { success: true; data: JSONRPCMessage } | { success: false } {
  try {
    return { success: true, data: parseJSONRPCMessage(frame) };
  } catch {
    return { success: false };
  }
}

function isCancellation(message: JSONRPCMessage): boolean {
  return "method" in message && message.method === "notifications/cancelled" && !("id" in message);
}

/** The last `size` bytes of these buffers, copied (a slice would keep a whole chunk alive). */
function lastBytes(parts: Buffer[], size: number): Buffer {
  const kept: Buffer[] = [];
  let bytes = 0;
  for (let i = parts.length - 1; i >= 0 && bytes < size; i--) {
    kept.unshift(parts[i]!);
    bytes += parts[i]!.length;
  }
  const joined = Buffer.concat(kept);
  return joined.length > size ? Buffer.from(joined.subarray(joined.length - size)) : joined;
}

/** A request's id, when the frame has a usable one; null otherwise (as JSON-RPC 2.0 §5 says). */
function readableId(frame: unknown): Id {
  const id = (frame as { id?: unknown } | null)?.id;
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : null;
}

export interface StdioSession {
  /**
   * The orderly stop: nothing new is taken, the calls in flight finish (at most `graceMs` in all)
   * and their answers are written, those still running are answered as unfinished, then the
   * process exits with 0. Stdin closing calls it too; later calls change nothing.
   */
  stop(reason: string): void;
  /** Ends a stop's wait at once. */
  stopNow(): void;
}

/**
 * Serves a server from `served` on stdio, in the era the client opens with, until stdin closes
 * or stop() is called, then stops in order and exits.
 */
export function serveStdio(served: Served, options: { graceMs?: number; log?: (line: string) => void } = {}): StdioSession {
  const graceMs = options.graceMs ?? stopGraceMs;
  const log = options.log ?? ((line: string) => console.error(line));
  const transport = new StdioTransport();
  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    const waiting = transport.callsInFlight;
    if (waiting) log(`stopping (${reason}): waiting for ${waiting} call${waiting === 1 ? "" : "s"} in flight, at most ${graceMs} ms`);
    void transport.stop(reason, served.cutOffAnswer, graceMs).then((unfinished) => {
      if (unfinished) log(`stopped: ${unfinished} call${unfinished === 1 ? "" : "s"} still running answered as unfinished`);
      process.exit(0);
    });
  };
  transport.onend = () => stop("stdin closed");
  serveEitherEra(() => served(), { legacy: "serve", transport, onerror: (error) => console.error(`[stdio] ${error.message}`) });
  return { stop, stopNow: () => transport.endWait() };
}
