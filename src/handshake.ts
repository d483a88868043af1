/**
 * The MCP handshake, answered before the SDK is loaded (issue 8: start-up).
 *
 * Loading the SDK's Server and its protocol schemas (zod) takes longer than starting Node
 * itself, and a client waits for `initialize` and `tools/list` before it offers the tool. So the
 * stdio transport asks this module first: it answers a well-formed `initialize`, `ping` or
 * `tools/list` exactly as the SDK's Server would (test/handshake.test.ts compares the two over
 * generated frames) and keeps `notifications/initialized`. Anything else, or anything it is
 * unsure of, gets no answer here and waits for the Server. Before that Server sees a frame, it
 * receives `replay()`: the initialize request again (its answer compared with ours, not sent)
 * and the initialized notification, so it knows the client's capabilities as if it had answered.
 */
import { isJsonObject } from "./json-object.js";
import { serverName, serverVersion } from "./versions.js";

/** What this server offers; the SDK's Server is created with the same object (src/server.ts). */
export const serverCapabilities = { tools: {}, logging: {} };

export interface ProtocolVersions {
  /** What the server answers when it does not support the version the client asked for. */
  latest: string;
  supported: readonly string[];
}

/**
 * In the bundle, scripts/build.mjs replaces this with the SDK's LATEST_PROTOCOL_VERSION and
 * SUPPORTED_PROTOCOL_VERSIONS as JSON text; undefined when running the sources.
 */
declare const __MCP_PROTOCOL_VERSIONS__: string | undefined;

/** The protocol versions of the installed SDK, without loading it in the bundle. */
export function protocolVersions(): Promise<ProtocolVersions> {
  // One expression, so that the bundle's constant folds the import away.
  return typeof __MCP_PROTOCOL_VERSIONS__ === "string"
    ? Promise.resolve(JSON.parse(__MCP_PROTOCOL_VERSIONS__) as ProtocolVersions)
    : import("@modelcontextprotocol/sdk/types.js").then((sdk) => ({ latest: sdk.LATEST_PROTOCOL_VERSION, supported: sdk.SUPPORTED_PROTOCOL_VERSIONS }));
}

type Frame = Record<string, unknown>;
type RequestId = string | number;
export type JsonRpcResponse = { jsonrpc: "2.0"; id: RequestId; result: object };

const hasOnly = (value: Record<string, unknown>, keys: readonly string[]) => Object.keys(value).every((key) => keys.includes(key));
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const isString = (value: unknown) => typeof value === "string";
const objectOf = (check: (v: unknown) => boolean) => (value: unknown) => isJsonObject(value) && Object.values(value).every(check);

/** Params every one of these requests may take: none, or an object without `_meta` (the Server checks that). */
const isPlainParams = (params: unknown) => optional(params, (p) => isJsonObject(p) && !("_meta" in p));

/**
 * The client capabilities the Server would accept, checked for the keys it knows; `tasks` and
 * anything unusual in a known key is left to the Server. Unknown keys the Server ignores too.
 */
const capabilityChecks: Record<string, (value: unknown) => boolean> = {
  roots: (v) => isJsonObject(v) && hasOnly(v, ["listChanged"]) && optional(v.listChanged, (b) => typeof b === "boolean"),
  sampling: (v) => isJsonObject(v) && hasOnly(v, ["context", "tools"]) && Object.values(v).every(isJsonObject),
  elicitation: (v) =>
    isJsonObject(v) &&
    hasOnly(v, ["form", "url"]) &&
    optional(v.form, (form) => isJsonObject(form) && optional(form.applyDefaults, (b) => typeof b === "boolean")) &&
    optional(v.url, isJsonObject),
  experimental: objectOf(isJsonObject),
  extensions: objectOf(isJsonObject),
  tasks: () => false,
};

function isInitializeParams(params: unknown): params is { protocolVersion: string } {
  if (!isJsonObject(params) || "_meta" in params || typeof params.protocolVersion !== "string") return false;
  const { capabilities, clientInfo } = params;
  if (!isJsonObject(capabilities) || !Object.entries(capabilities).every(([key, value]) => !Object.hasOwn(capabilityChecks, key) || capabilityChecks[key]!(value))) return false;
  return (
    isJsonObject(clientInfo) &&
    !("icons" in clientInfo) &&
    isString(clientInfo.name) &&
    isString(clientInfo.version) &&
    ["title", "websiteUrl", "description"].every((key) => optional(clientInfo[key], isString))
  );
}

/** A request or notification as the SDK's JSON-RPC schemas accept it: no other top-level keys. */
function jsonRpcFrame(frame: unknown): (Frame & { method: string }) | undefined {
  if (!isJsonObject(frame) || frame.jsonrpc !== "2.0" || typeof frame.method !== "string") return undefined;
  if (!hasOnly(frame, ["jsonrpc", "id", "method", "params"])) return undefined;
  if ("id" in frame && !(typeof frame.id === "string" || Number.isSafeInteger(frame.id))) return undefined;
  return frame as Frame & { method: string };
}

export class EarlyHandshake {
  /** The initialize request answered here, and the result sent for it. */
  private initializeRequest?: { frame: Frame; result: object };
  private initializedNotification?: Frame;
  /** Set once tools/list is answered: the client can call the tool from then on. */
  toolsListed = false;

  constructor(
    private readonly answers: {
      protocolVersions: () => Promise<ProtocolVersions>;
      /** The tools/list result, the same function the Server's handler calls. */
      listTools: () => Promise<object>;
    },
  ) {}

  /**
   * The response to `frame`; null for a notification kept for the Server; undefined when only
   * the Server may answer (it must get `replay()` first).
   */
  async answer(frame: unknown): Promise<JsonRpcResponse | null | undefined> {
    const message = jsonRpcFrame(frame);
    if (!message) return undefined;
    if (!("id" in message)) {
      if (message.method !== "notifications/initialized" || !this.initializeRequest || this.initializedNotification || !isPlainParams(message.params)) return undefined;
      this.initializedNotification = message;
      return null;
    }
    const id = message.id as RequestId;
    switch (message.method) {
      case "initialize": {
        // A second initialize is the Server's to answer: it would need the first one replayed.
        if (this.initializeRequest || !isInitializeParams(message.params)) return undefined;
        const result = await this.initializeResult(message.params.protocolVersion);
        this.initializeRequest = { frame: message, result };
        return { jsonrpc: "2.0", id, result };
      }
      case "ping":
        return isPlainParams(message.params) ? { jsonrpc: "2.0", id, result: {} } : undefined;
      case "tools/list": {
        const params = message.params as { cursor?: unknown } | undefined;
        if (!isPlainParams(params) || !optional(params?.cursor, isString)) return undefined;
        const result = await this.answers.listTools();
        this.toolsListed = true;
        return { jsonrpc: "2.0", id, result };
      }
      default:
        return undefined;
    }
  }

  /** What the SDK's Server answers to an initialize request asking for `requested`. */
  private async initializeResult(requested: string): Promise<object> {
    const { latest, supported } = await this.answers.protocolVersions();
    return {
      protocolVersion: supported.includes(requested) ? requested : latest,
      capabilities: serverCapabilities,
      serverInfo: { name: serverName, version: serverVersion },
    };
  }

  /** The frames the Server must receive before any other, in order; `sent` is the result already sent for one. */
  replay(): { frame: Frame; sent?: object }[] {
    return [
      ...(this.initializeRequest ? [{ frame: this.initializeRequest.frame, sent: this.initializeRequest.result }] : []),
      ...(this.initializedNotification ? [{ frame: this.initializedNotification }] : []),
    ];
  }
}
