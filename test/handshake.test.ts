/**
 * The handshake answered before the SDK loads (src/handshake.ts, issue 8). What it answers must
 * be what the SDK's Server answers, frame for frame, and the Server it hands over to must end up
 * as if it had answered the handshake itself.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { JSONRPCMessageSchema, LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { createServer } from "../src/server.js";
import { EarlyHandshake, protocolVersions, type ProtocolVersions } from "../src/handshake.js";
import { listTools } from "../src/tools/create-identity-pool.js";
import { StdioTransport } from "../src/transports/stdio.js";
import type { ServerConfig } from "../src/config.js";
import { spawnServer } from "./support/stdio-child.js";

const earlyHandshake = (config: ServerConfig = {}, versions: () => Promise<ProtocolVersions> = protocolVersions) =>
  new EarlyHandshake({ protocolVersions: versions, listTools: () => listTools(config) });

/** What the SDK's Server alone answers to one frame, after the check our transport makes first. */
async function sdkAnswer(frame: unknown, config: ServerConfig = {}): Promise<JSONRPCMessage | "invalid request" | "refused" | undefined> {
  const parsed = JSONRPCMessageSchema.safeParse(frame);
  if (!parsed.success) return "invalid request";
  let answer: (message: JSONRPCMessage) => void = () => {};
  const sent = new Promise<JSONRPCMessage>((resolve) => (answer = resolve));
  const transport: Transport = { start: async () => {}, close: async () => {}, send: async (message) => answer(message) };
  const server = createServer(config);
  // The Server answers no notification; one it refuses (bad params) is reported here.
  let refused = false;
  server.onerror = () => (refused = true);
  await server.connect(transport);
  transport.onmessage!(parsed.data);
  if ("id" in parsed.data) return sent;
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
  return refused ? "refused" : undefined;
}

const initialize = (params: Record<string, unknown> = {}) => ({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "client", version: "1.0" }, ...params },
});

describe("the early handshake answers as the SDK's Server does", () => {
  it("initialize from clients as they are (plain, roots, sampling, elicitation old and new, experimental), each protocol version", async () => {
    const capabilities = [
      {},
      { roots: { listChanged: true } },
      { roots: {}, sampling: {} },
      { elicitation: {} },
      { elicitation: { form: { applyDefaults: true }, url: {} }, sampling: { context: {}, tools: {} } },
      { experimental: { "vendor/feature": {} }, extensions: { "io.example/ext": {} }, somethingNew: 1 },
      JSON.parse('{"__proto__": {"listChanged": true}, "roots": {}}'),
    ];
    for (const protocolVersion of [...SUPPORTED_PROTOCOL_VERSIONS, "2099-01-01", ""])
      for (const caps of capabilities) {
        const frame = initialize({ protocolVersion, capabilities: caps, clientInfo: { name: "c", title: "C", version: "9", websiteUrl: "https://c.example", description: "d" } });
        const early = await earlyHandshake().answer(frame);
        expect(early, JSON.stringify(frame)).toBeDefined();
        expect(early).toEqual(await sdkAnswer(frame));
      }
    expect(((await earlyHandshake().answer(initialize({ protocolVersion: "2099-01-01" }))) as { result: { protocolVersion: string } }).result.protocolVersion).toBe(LATEST_PROTOCOL_VERSION);
  });

  it("tools/list (with and without a cursor, read-only or not) and ping", async () => {
    for (const config of [{}, { readOnly: true, consent: true }] satisfies ServerConfig[])
      for (const frame of [
        { jsonrpc: "2.0", id: 2, method: "tools/list" },
        { jsonrpc: "2.0", id: "s", method: "tools/list", params: { cursor: "x" } },
        { jsonrpc: "2.0", id: 3, method: "ping" },
        { jsonrpc: "2.0", id: 4, method: "ping", params: {} },
      ]) {
        const early = await earlyHandshake(config).answer(frame);
        expect(early, JSON.stringify(frame)).toBeDefined();
        expect(early).toEqual(await sdkAnswer(frame, config));
      }
  });

  it("generated frames, valid and broken: whatever it answers, the Server answers the same; what the Server refuses, it leaves alone", async () => {
    const anyJson = fc.jsonValue({ maxDepth: 2 });
    const text = fc.string({ maxLength: 6 });
    const some = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const empty = fc.constant({});
    // Valid frames, as clients send them (all optional parts sometimes there) …
    const capabilities = fc.record(
      {
        roots: fc.record({ listChanged: fc.boolean() }, { requiredKeys: [] }),
        sampling: fc.record({ context: empty, tools: empty }, { requiredKeys: [] }),
        elicitation: fc.record({ form: fc.oneof(empty, fc.record({ applyDefaults: fc.boolean() })), url: empty }, { requiredKeys: [] }),
        experimental: fc.dictionary(text, empty, { maxKeys: 2 }),
        extensions: fc.dictionary(text, empty, { maxKeys: 2 }),
        somethingNew: anyJson,
      },
      { requiredKeys: [] },
    );
    const clientInfo = fc.record({ name: text, version: text, title: text, websiteUrl: text, description: text }, { requiredKeys: ["name", "version"] });
    const initializeParams = fc.record({ protocolVersion: fc.oneof(fc.constantFrom(...SUPPORTED_PROTOCOL_VERSIONS), text), capabilities, clientInfo });
    const id = fc.oneof(fc.integer(), text);
    const valid = fc.oneof(
      fc.record({ jsonrpc: fc.constant("2.0"), id, method: fc.constant("initialize"), params: initializeParams }),
      fc.record({ jsonrpc: fc.constant("2.0"), id, method: fc.constant("ping"), params: some(empty) }),
      fc.record({ jsonrpc: fc.constant("2.0"), id, method: fc.constant("tools/list"), params: some(fc.record({ cursor: text }, { requiredKeys: [] })) }),
      fc.record({ jsonrpc: fc.constant("2.0"), method: fc.constant("notifications/initialized"), params: some(empty) }),
    );
    // … and the same with one part broken: a value replaced by any JSON, a key removed, or one added.
    const change = fc.oneof(
      fc.record({ kind: fc.constant("replace" as const), value: anyJson }),
      fc.record({ kind: fc.constant("remove" as const) }),
      fc.record({ kind: fc.constant("add" as const), key: fc.constantFrom("_meta", "icons", "tasks", "extra", "listChanged", "form", "url", "cursor", "id", "__proto__"), value: anyJson }),
    );
    const frame = fc.oneof(
      valid,
      fc.tuple(valid, fc.nat(), change).map(([base, at, { kind, ...edit }]) => {
        const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        const places: [Record<string, unknown>, string][] = [];
        const visit = (node: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(node)) {
            places.push([node, key]);
            if (typeof value === "object" && value !== null && !Array.isArray(value)) visit(value as Record<string, unknown>);
          }
        };
        visit(copy);
        const objects = [copy, ...places.map(([node, key]) => node[key]).filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v))];
        if (kind === "add") {
          const { key, value } = edit as { key: string; value: unknown };
          Object.defineProperty(objects[at % objects.length]!, key, { value, enumerable: true, configurable: true, writable: true });
        } else {
          const [node, key] = places[at % places.length]!;
          if (kind === "remove") delete node[key];
          else node[key] = (edit as { value: unknown }).value;
        }
        return copy;
      }),
    ).map((f) => JSON.parse(JSON.stringify(f)) as unknown);
    let answered = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(frame, fc.boolean(), async (f, afterInitialize) => {
        runs++;
        const early = earlyHandshake();
        // notifications/initialized is kept only after an initialize the handshake answered.
        if (afterInitialize) expect(await early.answer(initialize())).toBeDefined();
        const answer = await early.answer(f);
        if (answer === undefined) return;
        answered++;
        const sdk = await sdkAnswer(f);
        if (answer === null) expect(sdk, "a kept notification must be one the Server accepts").toBeUndefined();
        else expect(sdk).toEqual(answer);
      }),
      { seed: 8_020_008, numRuns: 20_000 },
    );
    // Not vacuous: a good share of the generated frames (9,563 of 20,000 with this seed) were answered early and compared.
    expect(answered).toBeGreaterThan(runs / 3);
  });

  it("leaves to the Server: a second initialize, _meta, icons, tasks, other methods, other top-level keys", async () => {
    const early = earlyHandshake();
    expect(await early.answer(initialize())).toBeDefined();
    for (const frame of [
      initialize(),
      { jsonrpc: "2.0", id: 2, method: "tools/list", params: { _meta: { progressToken: 1 } } },
      { jsonrpc: "2.0", id: 3, method: "prompts/list" },
      { jsonrpc: "2.0", id: 4, method: "ping", extra: true },
      { jsonrpc: "2.0", id: 5.5, method: "ping" },
      { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 1 } },
    ])
      expect(await early.answer(frame), JSON.stringify(frame)).toBeUndefined();
    expect(await earlyHandshake().answer(initialize({ clientInfo: { name: "c", version: "1", icons: [] } }))).toBeUndefined();
    expect(await earlyHandshake().answer(initialize({ capabilities: { tasks: {} } }))).toBeUndefined();
  });
});

/** The stdio transport on in-memory streams, with a Server that is created only when the transport asks for it. */
function stdioSession(config: ServerConfig = {}, options: { versions?: () => Promise<ProtocolVersions>; load?: () => Promise<void> } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  let partial = "";
  output.on("data", (chunk: Buffer) => {
    partial += chunk.toString("utf8");
    for (let n = partial.indexOf("\n"); n !== -1; n = partial.indexOf("\n")) {
      lines.push(JSON.parse(partial.slice(0, n)) as Record<string, unknown>);
      partial = partial.slice(n + 1);
    }
  });
  const session: { server?: Server; closed: boolean; errors: string[]; lines: typeof lines; send(frame: object): void; end(): void } = {
    closed: false,
    errors: [],
    lines,
    send: (frame) => void input.write(`${JSON.stringify(frame)}\n`),
    end: () => void input.end(),
  };
  const transport = new StdioTransport(
    earlyHandshake(config, options.versions),
    async () => {
      await options.load?.();
      session.server = createServer(config);
      return { server: session.server, messageSchema: JSONRPCMessageSchema };
    },
    input,
    output,
  );
  transport.onerror = (error) => session.errors.push(error.message);
  transport.onclose = () => (session.closed = true);
  transport.listen();
  return session;
}

const answered = (lines: Record<string, unknown>[], id: unknown) => lines.some((line) => line.id === id);

describe("the stdio transport hands the session over to the Server", () => {
  it("loads no Server for the handshake, then loads it and replays initialize: it knows the client, and nothing extra is sent", async () => {
    const session = stdioSession();
    const clientInfo = { name: "editor", version: "2.1" };
    session.send(initialize({ capabilities: { elicitation: {}, roots: { listChanged: true } }, clientInfo }));
    session.send({ jsonrpc: "2.0", method: "notifications/initialized" });
    session.send({ jsonrpc: "2.0", id: "p", method: "ping" });
    await vi.waitFor(() => expect(answered(session.lines, "p")).toBe(true));
    expect(session.server, "the handshake alone must not load the Server").toBeUndefined();

    session.send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
    await vi.waitFor(() => expect(session.server).toBeDefined());
    // The Server parsed the replayed initialize itself (an empty elicitation means form, in the SDK).
    await vi.waitFor(() => expect(session.server!.getClientCapabilities()).toEqual({ elicitation: { form: {} }, roots: { listChanged: true } }));
    expect(session.server!.getClientVersion()).toEqual(clientInfo);

    session.send({ jsonrpc: "2.0", id: 3, method: "prompts/list" });
    await vi.waitFor(() => expect(answered(session.lines, 3)).toBe(true));
    expect(session.lines.map((line) => line.id)).toEqual([1, "p", 2, 3]);
    expect(session.lines[3]).toMatchObject({ error: { code: -32601 } });
    expect(session.errors).toEqual([]);
  });

  it("a frame only the Server can answer loads it at once, and later frames keep their order", async () => {
    const session = stdioSession();
    session.send(initialize());
    session.send({ jsonrpc: "2.0", id: 2, method: "resources/list" });
    session.send({ jsonrpc: "2.0", id: 3, method: "ping" });
    session.send({ jsonrpc: "2.0", id: 4, method: "tools/list" });
    await vi.waitFor(() => expect(answered(session.lines, 4)).toBe(true));
    expect(session.lines.map((line) => line.id)).toEqual([1, 2, 3, 4]);
    expect(session.server!.getClientVersion()).toEqual({ name: "client", version: "1.0" });
    expect(session.errors).toEqual([]);
  });

  it("answers frames that are not JSON objects (-32600) without loading the Server, in order with the rest", async () => {
    const session = stdioSession();
    session.send([1, 2] as unknown as object);
    session.send(initialize());
    session.send(5 as unknown as object);
    session.send({ jsonrpc: "2.0", id: "p", method: "ping" });
    await vi.waitFor(() => expect(answered(session.lines, "p")).toBe(true));
    expect(session.lines).toMatchObject([{ id: null, error: { code: -32600 } }, { id: 1, result: {} }, { id: null, error: { code: -32600 } }, { id: "p", result: {} }]);
    expect(session.server).toBeUndefined();
  });

  it("when the Server cannot be loaded, each request that needs it is answered with an internal error naming why", async () => {
    const session = stdioSession({}, { load: () => Promise.reject(new Error("Cannot find module './server.mjs'")) });
    session.send(initialize());
    session.send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "create_identity_pool", arguments: {} } });
    session.send({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 2 } });
    session.send({ jsonrpc: "2.0", id: 3, method: "prompts/list" });
    await vi.waitFor(() => expect(answered(session.lines, 3)).toBe(true));
    expect(session.lines).toMatchObject([
      { id: 1, result: {} },
      { id: 2, error: { code: -32603, message: expect.stringMatching(/could not be loaded \(Cannot find module/) } },
      { id: 3, error: { code: -32603 } },
    ]);
    expect(session.errors.filter((e) => /could not be loaded: Cannot find module/.test(e))).toHaveLength(1);
  });

  it("stdin closing ends the session at once, without waiting for a Server being loaded ahead of need", async () => {
    const session = stdioSession({}, { load: () => new Promise(() => {}) });
    session.send(initialize());
    session.send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
    await vi.waitFor(() => expect(answered(session.lines, 2)).toBe(true));
    session.end();
    await vi.waitFor(() => expect(session.closed).toBe(true));
  });

  it("frames read before stdin closed are still answered, in order, before the session ends", async () => {
    const session = stdioSession();
    session.send(initialize());
    session.send({ jsonrpc: "2.0", id: 2, method: "prompts/list" });
    session.send("not json" as unknown as object);
    session.end();
    await vi.waitFor(() => expect(session.closed).toBe(true));
    expect(session.lines.map((line) => line.id)).toEqual([1, 2, null]);
  });

  it("reports it when the Server's answer to the replayed initialize differs from the one sent early", async () => {
    const session = stdioSession({}, { versions: async () => ({ latest: "1999-01-01", supported: [] }) });
    session.send(initialize());
    session.send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
    await vi.waitFor(() => expect(session.errors.join("\n")).toMatch(/answer to initialize differs/));
    expect(session.lines.map((line) => line.id)).toEqual([1, 2]);
  });
});

describe("the built server", () => {
  it("asks for consent through elicitation the client declared in an initialize answered before the SDK loaded", async () => {
    const s = spawnServer(["--sandbox", "--consent"]);
    try {
      await s.send(initialize({ capabilities: { elicitation: {} } }));
      await s.send({ jsonrpc: "2.0", method: "notifications/initialized" });
      await s.send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
      await s.send({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "create_identity_pool", arguments: { IdentityPoolName: "Early", AllowUnauthenticatedIdentities: false } } });
      expect(await s.waitFor(() => s.messages().some((m) => m.method === "elicitation/create"), 20_000), s.stderr).toBe(true);
      const ask = s.messages().find((m) => m.method === "elicitation/create")!;
      await s.send({ jsonrpc: "2.0", id: ask.id, result: { action: "accept", content: {} } });
      expect(await s.waitFor(() => s.responses(3).length === 1, 20_000), s.stderr).toBe(true);
      const result = s.responses(3)[0]!.result as { isError?: boolean; structuredContent: { IdentityPoolName: string } };
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent.IdentityPoolName).toBe("Early");
      expect(s.stderr).not.toMatch(/differs/);
    } finally {
      await s.kill();
    }
  });
});
