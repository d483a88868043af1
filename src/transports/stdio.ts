/**
 * stdio: newline-delimited JSON-RPC, stdout for JSON-RPC alone, everything else on stderr.
 *
 * Our own transport rather than the SDK's, because the SDK's stays silent on a line that is not
 * JSON or not JSON-RPC (JSON-RPC 2.0 requires a parse error / invalid request answer) and stops
 * reading for good after one oversized frame. Here each bad frame gets its answer and the
 * session goes on; a frame over the limit is skipped without being buffered.
 */
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { JSONRPCMessageSchema, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** The same limit as the SDK's stdio transport: a frame may carry a 10 MB argument. */
export const maxFrameBytes = 10 * 1024 * 1024;

/** JSON-RPC 2.0's error codes (§5.1). */
const parseError = -32700;
const invalidRequest = -32600;

type Id = string | number | null;

export class StdioTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Set while skipping the rest of an oversized frame, up to its newline. */
  private skipping = false;
  private closed = false;

  constructor(
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {}

  /** Called by the Server's connect(). */
  async start(): Promise<void> {
    this.input.on("data", this.onData);
    this.input.on("error", this.onInputError);
    this.input.once("end", () => void this.close());
  }

  private readonly onInputError = (error: Error) => this.onerror?.(error);

  private readonly onData = (chunk: Buffer) => {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1 && !this.closed; newline = chunk.indexOf(10, start)) {
      this.take(chunk.subarray(start, newline));
      this.endFrame();
      start = newline + 1;
    }
    if (start < chunk.length) this.take(chunk.subarray(start));
  };

  private take(part: Buffer): void {
    if (this.skipping || part.length === 0) return;
    this.pendingBytes += part.length;
    if (this.pendingBytes > maxFrameBytes) {
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = true;
      return;
    }
    this.pending.push(part);
  }

  private endFrame(): void {
    if (this.skipping) {
      this.skipping = false;
      return this.reject(null, invalidRequest, `Invalid Request: a frame is limited to ${maxFrameBytes} bytes`);
    }
    const line = Buffer.concat(this.pending).toString("utf8").replace(/\r$/, "");
    this.pending = [];
    this.pendingBytes = 0;
    if (line.trim() === "") return;
    let frame: unknown;
    try {
      frame = JSON.parse(line);
    } catch (error) {
      return this.reject(null, parseError, `Parse error: ${(error as Error).message}`);
    }
    const message = JSONRPCMessageSchema.safeParse(frame);
    if (!message.success)
      return this.reject(readableId(frame), invalidRequest, "Invalid Request: not a JSON-RPC 2.0 request, notification or response");
    this.onmessage?.(message.data);
  }

  private reject(id: Id, code: number, message: string): void {
    this.onerror?.(new Error(message));
    void this.send({ jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage);
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.output.once("drain", resolve);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off("data", this.onData);
    this.input.off("error", this.onInputError);
    this.pending = [];
    this.onclose?.();
  }
}

/** A request's id, when the frame has a usable one; null otherwise (as JSON-RPC 2.0 §5 says). */
function readableId(frame: unknown): Id {
  const id = (frame as { id?: unknown } | null)?.id;
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : null;
}

/**
 * Serves `server` on stdio until the client closes stdin, then exits: calls still in flight are
 * abandoned, as a client that closed its end can no longer ask for them.
 */
export async function serveStdio(server: Server): Promise<void> {
  const transport = new StdioTransport();
  transport.onerror = (error) => console.error(`[stdio] ${error.message}`);
  transport.onclose = () => {
    if (process.stdout.writableNeedDrain) process.stdout.once("drain", () => process.exit(0));
    else process.exit(0);
  };
  // connect() keeps these handlers and calls them alongside the Server's own.
  await server.connect(transport);
}
