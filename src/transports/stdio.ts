/**
 * stdio: newline-delimited JSON-RPC, stdout for JSON-RPC alone, everything else on stderr.
 *
 * Our own transport rather than the SDK's, because the SDK's stays silent on a line that is not
 * JSON or not JSON-RPC (JSON-RPC 2.0 requires a parse error / invalid request answer) and stops
 * reading for good after one oversized frame. Here each bad frame gets its answer and the
 * session goes on; a frame over the limit is skipped without being buffered.
 *
 * It also starts before the SDK is loaded: until a frame needs the SDK's Server, the handshake
 * is answered by src/handshake.ts, and the Server is loaded once the client has listed the tools
 * (or sooner, when a frame needs it). Frames are handled one after another, in order.
 */
import { isDeepStrictEqual } from "node:util";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { EarlyHandshake } from "../handshake.js";
import { isJsonObject } from "../json-object.js";

/** The same limit as the SDK's stdio transport: a frame may carry a 10 MB argument. */
export const maxFrameBytes = 10 * 1024 * 1024;

/** JSON-RPC 2.0's error codes (§5.1). */
const parseError = -32700;
const invalidRequest = -32600;
const internalError = -32603;
const notJsonRpc = "Invalid Request: not a JSON-RPC 2.0 request, notification or response";

type Id = string | number | null;
type MessageSchema = (typeof import("@modelcontextprotocol/sdk/types.js"))["JSONRPCMessageSchema"];

/** The SDK's Server, loaded when first needed, with the SDK's schema of JSON-RPC messages. */
export interface LoadedServer {
  server: Server;
  messageSchema: MessageSchema;
}

export class StdioTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Set while skipping the rest of an oversized frame, up to its newline. */
  private skipping = false;
  private listening = false;
  private closed = false;
  /** Frames are handled in this chain, one at a time. */
  private chain: Promise<void> = Promise.resolve();
  /** Frames read and not handled yet. */
  private framesWaiting = 0;
  /** Set when the Server is connected: until then frames go to `early`. */
  private messageSchema?: MessageSchema;
  private serverConnected?: Promise<void>;
  /** The Server's copy of the initialize request, while its answer is awaited: checked, not sent. */
  private replayedInitialize?: { id: string; expected: object };

  /**
   * @param early answers the handshake until the Server is needed
   * @param loadServer loads the Server (called once, when a frame needs it or the handshake is done)
   */
  constructor(
    private readonly early: EarlyHandshake,
    private readonly loadServer: () => Promise<LoadedServer>,
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {}

  /** Starts reading frames, before any Server is connected. */
  listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.input.on("data", this.onData);
    this.input.on("error", this.onInputError);
    // Frames read before the end are still handed on (in order) before closing; a Server that is
    // only being loaded ahead of need is not waited for.
    this.input.once("end", () => (this.framesWaiting ? this.enqueue(() => this.close()) : void this.close()));
  }

  /** Called by the Server's connect(). */
  async start(): Promise<void> {
    this.listen();
  }

  private readonly onInputError = (error: Error) => this.onerror?.(error);

  private readonly onData = (chunk: Buffer) => {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
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
      this.enqueueFrame(async () => this.reject(null, invalidRequest, `Invalid Request: a frame is limited to ${maxFrameBytes} bytes`));
      return;
    }
    const line = Buffer.concat(this.pending).toString("utf8").replace(/\r$/, "");
    this.pending = [];
    this.pendingBytes = 0;
    if (line.trim() === "") return;
    let frame: unknown;
    try {
      frame = JSON.parse(line);
    } catch (error) {
      const message = `Parse error: ${(error as Error).message}`;
      this.enqueueFrame(async () => this.reject(null, parseError, message));
      return;
    }
    this.enqueueFrame(() => this.handle(frame));
  }

  private enqueueFrame(step: () => Promise<void>): void {
    this.framesWaiting++;
    this.enqueue(() => step().finally(() => this.framesWaiting--));
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain.then(step).catch((error: Error) => this.onerror?.(error));
  }

  private async handle(frame: unknown): Promise<void> {
    if (this.closed) return;
    // Never a JSON-RPC message, whatever the SDK says of objects: answered without loading it.
    if (!isJsonObject(frame)) return this.reject(null, invalidRequest, notJsonRpc);
    if (!this.messageSchema) {
      const answer = await this.early.answer(frame);
      if (answer !== undefined) {
        if (answer) await this.send(answer as JSONRPCMessage);
        // The client can use the tool now: load the Server while it is busy elsewhere.
        if (this.early.toolsListed && !this.serverConnected) setImmediate(() => this.enqueue(() => this.loadAhead()));
        return;
      }
      try {
        await this.serverReady();
      } catch (error) {
        // A broken install: say so to every request rather than leave it unanswered.
        const id = readableId(frame);
        if ("id" in frame && id !== null) this.reject(id, internalError, `Internal error: the MCP server could not be loaded (${(error as Error).message})`);
        return;
      }
    }
    this.deliver(frame);
  }

  /** Loads the Server before a frame needs it, unless the session has ended. */
  private async loadAhead(): Promise<void> {
    // A failure is logged by serverReady() and answered to each request that needs the Server.
    if (!this.closed) await this.serverReady().catch(() => {});
  }

  /** Validates a frame as the SDK's JSON-RPC schema does and hands it to the Server. */
  private deliver(frame: unknown): void {
    const message = this.messageSchema!.safeParse(frame);
    if (!message.success) this.reject(readableId(frame), invalidRequest, notJsonRpc);
    else this.onmessage?.(message.data);
  }

  /** Connects the Server (once), then gives it what the early handshake answered or kept. */
  private serverReady(): Promise<void> {
    if (this.serverConnected) return this.serverConnected;
    this.serverConnected = (async () => {
      const { server, messageSchema } = await this.loadServer();
      this.messageSchema = messageSchema;
      await server.connect(this);
      for (const { frame, sent } of this.early.replay()) {
        if (!sent) this.deliver(frame);
        else {
          // An id no client would pick, so that none of its requests is mistaken for this one
          // (not node:crypto: loading it would cost start-up).
          this.replayedInitialize = { id: `cognito-identity-mcp:initialize:${Math.random().toString(36).slice(2)}`, expected: sent };
          this.deliver({ ...frame, id: this.replayedInitialize.id });
        }
      }
    })();
    this.serverConnected.catch((error: Error) => this.onerror?.(new Error(`the MCP server could not be loaded: ${error.message}`)));
    return this.serverConnected;
  }

  private reject(id: Id, code: number, message: string): void {
    this.onerror?.(new Error(message));
    void this.send({ jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage);
  }

  send(message: JSONRPCMessage): Promise<void> {
    const replayed = this.replayedInitialize;
    if (replayed && "id" in message && message.id === replayed.id && ("result" in message || "error" in message)) {
      // The client has its answer already; the Server's must be the same.
      this.replayedInitialize = undefined;
      if (!("result" in message) || !isDeepStrictEqual(message.result, replayed.expected))
        this.onerror?.(new Error(`the MCP server's answer to initialize differs from the one sent early: ${JSON.stringify(message)}`));
      return Promise.resolve();
    }
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
 * Serves on stdio until the client closes stdin, then exits: calls still in flight are
 * abandoned, as a client that closed its end can no longer ask for them. The Server is loaded
 * by `loadServer` once the handshake is done or a frame needs it.
 */
export function serveStdio(early: EarlyHandshake, loadServer: () => Promise<LoadedServer>): void {
  const transport = new StdioTransport(early, loadServer);
  transport.onerror = (error) => console.error(`[stdio] ${error.message}`);
  transport.onclose = () => {
    if (process.stdout.writableNeedDrain) process.stdout.once("drain", () => process.exit(0));
    else process.exit(0);
  };
  transport.listen();
}
