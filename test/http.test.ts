/** The Streamable HTTP transport: the SDK's Client over loopback HTTP, the guards in front of it, and its sessions. */
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { connect as connectSocket } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import { serverFactory } from "../src/server.js";
import { httpTokenEnv, serverFlagsHelp, type ServerConfig } from "../src/config.js";
import { serveHttp, type HttpOptions, type HttpServerHandle } from "../src/transports/http.js";
import { fakeAwsEnv } from "./support/aws-env.js";
import { reportWhenMotoIsMissing, resetMoto, useOwnMoto } from "./support/moto.js";
import { startRecorder } from "./support/recorder.js";
import { defaultToolNames } from "./support/client.js";
import { startFaultServer } from "./support/fault-servers.js";

// Its own moto: these tests reset it and count its pools, while other files share the common one.
const motoAvailable = inject("motoUrl") !== null;
const moto = useOwnMoto(motoAvailable);

Object.assign(process.env, fakeAwsEnv);

const quiet = () => {};

/** A server on 127.0.0.1 that the test stops when it ends. */
async function start(
  options: HttpOptions = {},
  config: ServerConfig = { endpointUrl: moto.url || undefined, region: "us-east-1" },
): Promise<HttpServerHandle> {
  const handle = await serveHttp(serverFactory(config), { host: "127.0.0.1", port: 0, ...options }, quiet);
  onTestFinished(() => handle.close());
  return handle;
}

async function connect(handle: HttpServerHandle, fetch?: FetchLike): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL(handle.url), {
    requestInit: { headers: { authorization: `Bearer ${handle.token}` } },
    fetch,
  });
  const client = new Client({ name: "http-test", version: "0" });
  await client.connect(transport);
  onTestFinished(() => client.close());
  return { client, transport };
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch, which will not send a Host header of our choosing. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; chunked?: boolean } = {},
): Promise<RawResponse> {
  const { body, chunked } = options;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    ...options.headers,
  };
  if (body !== undefined && !chunked) headers["content-length"] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "POST", headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Opens a connection and writes data as is: for what node:http and fetch will not send. Resolves with all it received once the server closes it. */
function socket(handle: HttpServerHandle, data: string): Promise<string> {
  const connection = connectSocket(Number(new URL(handle.url).port), "127.0.0.1");
  onTestFinished(() => void connection.destroy());
  return new Promise((resolve, reject) => {
    let received = "";
    connection.setEncoding("utf8");
    connection.on("data", (chunk: string) => (received += chunk));
    connection.on("error", reject);
    connection.on("close", () => resolve(received));
    connection.write(data);
  });
}

const initialize = (padding = "") =>
  JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: padding } },
  });

const auth = (handle: HttpServerHandle) => ({ authorization: `Bearer ${handle.token}` });

async function poolsInMoto(region = "us-east-1"): Promise<string[]> {
  const aws = new CognitoIdentityClient({ endpoint: moto.url, region });
  const { IdentityPools = [] } = await aws.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
  return IdentityPools.map((pool) => pool.IdentityPoolName!);
}

describe("start-up", () => {
  it("generates a token on loopback and logs it, with the URL", async () => {
    const lines: string[] = [];
    const handle = await serveHttp(serverFactory({}), { port: 0 }, (line) => lines.push(line));
    onTestFinished(() => handle.close());
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(handle.token).toMatch(/^[\w-]{43}$/);
    expect(lines.join("\n")).toContain(handle.token);
    expect(lines.join("\n")).toContain(handle.url);
  });

  it("--help says --token can be read by other local users and to set the environment variable instead", () => {
    const entry = /^ {2}--token [\s\S]*?(?=^ {2}--)/m.exec(serverFlagsHelp)?.[0] ?? "";
    expect(entry).toMatch(/other local users/i);
    expect(entry).toMatch(/\(ps\)/);
    expect(entry).toContain(`set ${httpTokenEnv} instead`);
  });

  it("refuses a non-loopback host without a token, a token-free server off loopback, and a short token", async () => {
    await expect(serveHttp(serverFactory({}), { host: "0.0.0.0", port: 0 }, quiet)).rejects.toThrow(
      /Refusing to listen on 0\.0\.0\.0 without a token/,
    );
    await expect(serveHttp(serverFactory({}), { host: "0.0.0.0", port: 0, requireToken: false }, quiet)).rejects.toThrow(
      /only allowed on a loopback host/,
    );
    await expect(serveHttp(serverFactory({}), { port: 0, token: "short" }, quiet)).rejects.toThrow(/at least 16 characters/);
  });
});

describe("the SDK client over HTTP", () => {
  it("lists the tool, and DELETE ends the session", async () => {
    const handle = await start();
    const { client, transport } = await connect(handle);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(defaultToolNames);
    const sessionId = transport.sessionId!;
    await transport.terminateSession();
    const after = await raw(handle.url, {
      headers: { ...auth(handle), "mcp-session-id": sessionId },
      body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }),
    });
    expect(after.status).toBe(404);
  });

  it("close() ends every session, open event streams included", async () => {
    const handle = await start();
    const clients = await Promise.all([1, 2, 3].map(() => connect(handle)));
    await Promise.all(clients.map(({ client }) => client.listTools()));
    const started = Date.now();
    await handle.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(clients[0]!.client.listTools()).rejects.toThrow();
  });
});

describe("abandoned sessions", () => {
  it("end sessionIdleMs after their last request, while a busy one stays", async () => {
    const handle = await start({ sessionIdleMs: 300 });
    // A session made by hand: initialized, then never heard from again (no DELETE, no stream).
    const opened = await raw(handle.url, { headers: auth(handle), body: initialize() });
    const abandoned = String(opened.headers["mcp-session-id"]);
    expect(opened.status).toBe(200);
    const ping = JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" });
    const pingAbandoned = () =>
      raw(handle.url, { headers: { ...auth(handle), "mcp-session-id": abandoned, "mcp-protocol-version": "2025-06-18" }, body: ping });
    expect((await pingAbandoned()).status).toBe(200);
    const busy = await connect(handle);
    for (let i = 0; i < 8; i++) {
      await busy.client.listTools();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await pingAbandoned()).status).toBe(404);
    expect((await busy.client.listTools()).tools.map((t) => t.name)).toEqual(defaultToolNames);
  });
});

describe("refusals", () => {
  it("401 with a Bearer challenge without the right token", async () => {
    const handle = await start();
    for (const authorization of [undefined, "Bearer wrong-token-of-enough-length", `Basic ${handle.token}`, `Bearer ${handle.token}x`]) {
      const res = await raw(handle.url, { headers: authorization ? { authorization } : {}, body: initialize() });
      expect(res.status, authorization).toBe(401);
      expect(res.headers["www-authenticate"], authorization).toMatch(/^Bearer\b/);
    }
    expect((await raw(handle.url, { headers: auth(handle), body: initialize() })).status).toBe(200);
  });

  it("403 for a foreign Origin or a Host that does not name the server", async () => {
    const handle = await start({ allowedOrigins: ["https://app.example.com"] });
    const port = new URL(handle.url).port;
    const status = async (headers: Record<string, string>) =>
      (await raw(handle.url, { headers: { ...auth(handle), ...headers }, body: initialize() })).status;
    expect(await status({ origin: "http://evil.example.com" })).toBe(403);
    expect(await status({ origin: `http://evil.example.com:${port}` })).toBe(403);
    expect(await status({ origin: "null" })).toBe(403);
    expect(await status({ host: `evil.example.com:${port}` })).toBe(403);
    expect(await status({ host: "evil.example.com" })).toBe(403);
    expect(await status({ host: `127.0.0.1:${Number(port) + 1}` })).toBe(403);
    // The server's own names, on its port, and the operator's allowed origin.
    expect(await status({ host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe(200);
    expect(await status({ origin: `http://127.0.0.1:${port}` })).toBe(200);
    expect(await status({ origin: "https://app.example.com" })).toBe(200);
  });

  it("403 for an Origin that is more than scheme://host[:port]: user-info, a path", async () => {
    const handle = await start({ allowedOrigins: ["https://app.example.com"] });
    const port = new URL(handle.url).port;
    const status = async (origin: string) => (await raw(handle.url, { headers: { ...auth(handle), origin }, body: initialize() })).status;
    for (const origin of [
      `http://evil@localhost:${port}`,
      `http://user:pw@127.0.0.1:${port}`,
      "https://evil@app.example.com",
      `http://localhost:${port}/evil`,
    ])
      expect(await status(origin), origin).toBe(403);
    expect(await status(`http://localhost:${port}`)).toBe(200);
  });

  it("413 for a body over maxBodyBytes, declared or streamed, and serves on", async () => {
    const handle = await start({ maxBodyBytes: 1024 });
    const big = initialize("x".repeat(4096));
    expect((await raw(handle.url, { headers: auth(handle), body: big })).status).toBe(413);
    expect((await raw(handle.url, { headers: auth(handle), body: big, chunked: true })).status).toBe(413);
    expect((await raw(handle.url, { headers: auth(handle), body: initialize() })).status).toBe(200);
  });

  it("a client that disconnects mid-call leaves the server serving others", async () => {
    const stall = await startFaultServer("stall");
    const recorder = await startRecorder();
    onTestFinished(() => recorder.stop());
    const handle = await start();
    const other = await connect(handle);
    const abort = new AbortController();
    const leaving = await connect(handle, (url, init) => fetch(url, { ...init, signal: abort.signal }));

    const call = leaving.client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "Stalled", AllowUnauthenticatedIdentities: false, endpointUrl: stall.url },
    });
    await expect.poll(() => stall.requests, { timeout: 10_000 }).toBe(1);
    abort.abort();
    // Without resumable streams the SDK client does not notice the lost reply by itself.
    await leaving.client.close();
    await expect(call).rejects.toThrow();
    // The abandoned call now fails on the server side; its reply has nowhere to go.
    await stall.stop();

    const args = { IdentityPoolName: "AfterTheDisconnect", AllowUnauthenticatedIdentities: false, endpointUrl: recorder.url };
    const fromOther = await other.client.callTool({ name: "create_identity_pool", arguments: args });
    expect(fromOther.isError).toBeFalsy();
    const newcomer = await connect(handle);
    expect((await newcomer.client.listTools()).tools.map((t) => t.name)).toEqual(defaultToolNames);
    expect(recorder.requests).toHaveLength(1);
  });
});

describe("request targets", () => {
  /**
   * A POST with target as its request line's target, over a raw socket (fetch sends only paths).
   * Its session does not exist, so the MCP endpoint answers 404 "Session not found" in JSON and the
   * connection closes at once (an event stream would be kept alive).
   */
  async function post(
    handle: HttpServerHandle,
    target: string,
    host = new URL(handle.url).host,
  ): Promise<{ status: number; message: string }> {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" });
    const request = [
      `POST ${target} HTTP/1.1`,
      `Host: ${host}`,
      `Authorization: Bearer ${handle.token}`,
      "Mcp-Session-Id: no-such-session",
      "Content-Type: application/json",
      "Accept: application/json, text/event-stream",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      body,
    ].join("\r\n");
    const answer = await socket(handle, request);
    // The JSON-RPC error body, whether or not it came in chunks.
    const error = JSON.parse(answer.slice(answer.indexOf("{"), answer.lastIndexOf("}") + 1)) as {
      jsonrpc: string;
      error: { message: string };
    };
    expect(error.jsonrpc).toBe("2.0");
    return { status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(answer)?.[1]), message: error.error.message };
  }

  const served = { status: 404, message: expect.stringMatching(/^Session not found/) };

  it("403 for an absolute-form target naming another host, or not the host the Host header names", async () => {
    const handle = await start();
    const port = new URL(handle.url).port;
    for (const target of [
      "http://evil.example/mcp",
      `http://evil.example:${port}/mcp`,
      `http://localhost:${port}/mcp`,
      `http://evil@127.0.0.1:${port}/mcp`,
      `ftp://127.0.0.1:${port}/mcp`,
    ]) {
      expect(await post(handle, target), target).toEqual({ status: 403, message: expect.stringMatching(/^Forbidden: request target/) });
    }
    // The same request naming this server as its Host does reaches the endpoint, so the refusals were the target's doing.
    expect(await post(handle, `http://127.0.0.1:${port}/mcp`)).toEqual(served);
    expect(await post(handle, `http://LOCALHOST:${port}/mcp`, `localhost:${port}`)).toEqual(served);
    expect(await post(handle, "/mcp")).toEqual(served);
  });

  it("a target starting with // is a path, not another host", async () => {
    const handle = await start();
    expect(await post(handle, "//evil.example/mcp")).toEqual({
      status: 404,
      message: expect.stringMatching(/^Not found: the MCP endpoint is \/mcp/),
    });
  });
});

describe("CORS for allowed origins", () => {
  const app = "https://app.example.com";
  const preflight = (origin: string) => ({
    origin,
    "access-control-request-method": "POST",
    "access-control-request-headers": "authorization, content-type, mcp-session-id, mcp-protocol-version",
  });
  const list = (value: string | string[] | undefined) =>
    String(value ?? "")
      .split(",")
      .map((item) => item.trim().toLowerCase());
  const corsHeaders = (headers: IncomingHttpHeaders) => Object.keys(headers).filter((name) => name.startsWith("access-control-"));

  it("answers a preflight from an allowed origin without the token", async () => {
    const handle = await start({ allowedOrigins: [app] });
    const port = new URL(handle.url).port;
    for (const origin of [app, `http://localhost:${port}`]) {
      const res = await raw(handle.url, { method: "OPTIONS", headers: preflight(origin) });
      expect(res.status, origin).toBe(204);
      expect(res.headers["access-control-allow-origin"], origin).toBe(origin);
      expect(list(res.headers.vary), origin).toContain("origin");
      expect(list(res.headers["access-control-allow-methods"]).sort(), origin).toEqual(["delete", "get", "options", "post"]);
      expect(list(res.headers["access-control-allow-headers"]), origin).toEqual(
        expect.arrayContaining(["authorization", "content-type", "mcp-session-id", "mcp-protocol-version", "last-event-id"]),
      );
      expect(Number(res.headers["access-control-max-age"]), origin).toBeGreaterThan(0);
    }
  });

  it("refuses a preflight from any other origin, with no CORS headers", async () => {
    const handle = await start({ allowedOrigins: [app] });
    const port = new URL(handle.url).port;
    for (const origin of ["https://evil.example.com", `http://evil@localhost:${port}`, "null"]) {
      const res = await raw(handle.url, { method: "OPTIONS", headers: preflight(origin) });
      expect(res.status, origin).toBe(403);
      expect(corsHeaders(res.headers), origin).toEqual([]);
    }
  });

  it("an initialize from an allowed origin lets the page read Mcp-Session-Id; without Origin no CORS headers", async () => {
    const handle = await start({ allowedOrigins: [app] });
    const fromPage = await raw(handle.url, { headers: { ...auth(handle), origin: app }, body: initialize() });
    expect(fromPage.status).toBe(200);
    expect(fromPage.headers["mcp-session-id"]).toBeTruthy();
    expect(fromPage.headers["access-control-allow-origin"]).toBe(app);
    expect(list(fromPage.headers.vary)).toContain("origin");
    expect(list(fromPage.headers["access-control-expose-headers"])).toEqual(
      expect.arrayContaining(["mcp-session-id", "mcp-protocol-version"]),
    );
    const fromTool = await raw(handle.url, { headers: auth(handle), body: initialize() });
    expect(fromTool.status).toBe(200);
    expect(corsHeaders(fromTool.headers)).toEqual([]);
  });
});

describe("slow headers", () => {
  const headersTimeoutMs = 300;
  const halfRequest = (handle: HttpServerHandle) => `POST /mcp HTTP/1.1\r\nHost: ${new URL(handle.url).host}\r\nContent-Type: appl`;

  it("a connection that has not finished its headers by the deadline is closed with 408", async () => {
    const handle = await start({ headersTimeoutMs });
    const started = Date.now();
    const answer = await socket(handle, halfRequest(handle));
    // Not at once, and within the deadline plus slack for a busy machine.
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(headersTimeoutMs / 2);
    expect(elapsed).toBeLessThan(headersTimeoutMs + 1500);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("50 slow connections, silent or half-sent, are all closed, and the server serves on", async () => {
    const handle = await start({ headersTimeoutMs });
    let closed = 0;
    const answers = Array.from({ length: 50 }, (_, i) => socket(handle, i % 2 ? halfRequest(handle) : "").finally(() => closed++));
    await expect.poll(() => closed, { timeout: headersTimeoutMs + 2500, interval: 50 }).toBe(50);
    for (const answer of await Promise.all(answers)) expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect((await raw(handle.url, { headers: auth(handle), body: initialize() })).status).toBe(200);
  });

  it("an open event stream outlives the deadline many times over", async () => {
    const handle = await start({ headersTimeoutMs });
    // By hand: the SDK client opens its own stream, and a session has only one.
    const session = {
      ...auth(handle),
      "mcp-session-id": String((await raw(handle.url, { headers: auth(handle), body: initialize() })).headers["mcp-session-id"]),
      "mcp-protocol-version": "2025-06-18",
    };
    const stream = await new Promise<IncomingMessage>((resolve, reject) => {
      httpRequest(handle.url, { method: "GET", headers: { ...session, accept: "text/event-stream" } }, resolve)
        .on("error", reject)
        .end();
    });
    onTestFinished(() => void stream.destroy());
    expect(stream.statusCode).toBe(200);
    let ended = false;
    stream.on("close", () => (ended = true));
    await new Promise((r) => setTimeout(r, headersTimeoutMs * 5));
    expect(ended).toBe(false);
    expect((await raw(handle.url, { headers: session, body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" }) })).status).toBe(200);
  });
});

describe.runIf(motoAvailable)("against moto", () => {
  it("lists and calls the tool", async () => {
    await resetMoto(moto.url);
    const handle = await start();
    const { client } = await connect(handle);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(defaultToolNames);
    const result = await client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "OverHttp", AllowUnauthenticatedIdentities: true },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ IdentityPoolName: "OverHttp", IdentityPoolId: expect.stringMatching(/^us-east-1:/) });
    expect(await poolsInMoto()).toEqual(["OverHttp"]);
  });

  it("a call in an open session without the right token gets 401 and creates nothing", async () => {
    await resetMoto(moto.url);
    const handle = await start();
    const { transport } = await connect(handle);
    const call = JSON.stringify({
      jsonrpc: "2.0",
      id: 7,
      method: "tools/call",
      params: { name: "create_identity_pool", arguments: { IdentityPoolName: "Intruder", AllowUnauthenticatedIdentities: true } },
    });
    const session = { "mcp-session-id": transport.sessionId!, "mcp-protocol-version": transport.protocolVersion! };
    for (const authorization of [undefined, "Bearer wrong-token-of-enough-length"]) {
      const res = await raw(handle.url, { headers: { ...session, ...(authorization ? { authorization } : {}) }, body: call });
      expect(res.status).toBe(401);
    }
    expect(await poolsInMoto()).toEqual([]);
    // The same request with the token goes through, so the 401s were the token's doing.
    const allowed = await raw(handle.url, { headers: { ...session, ...auth(handle) }, body: call });
    expect(allowed.status).toBe(200);
    expect(await poolsInMoto()).toEqual(["Intruder"]);
  });

  it("50 concurrent sessions each create their own pool and get their own result", async () => {
    await resetMoto(moto.url);
    const handle = await start();
    // Alternate regions per call, so a setting leaking between sessions would put a pool in the wrong region.
    const regionOf = (i: number) => (i % 2 ? "eu-west-1" : "us-east-1");
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const { client, transport } = await connect(handle);
        const name = `Concurrent_${i}`;
        const result = await client.callTool({
          name: "create_identity_pool",
          arguments: { IdentityPoolName: name, AllowUnauthenticatedIdentities: false, region: regionOf(i) },
        });
        return { i, name, sessionId: transport.sessionId, result };
      }),
    );
    for (const { i, name, result } of results) {
      expect(result.isError, name).toBeFalsy();
      expect(result.structuredContent, name).toMatchObject({
        IdentityPoolName: name,
        IdentityPoolId: expect.stringMatching(new RegExp(`^${regionOf(i)}:`)),
      });
    }
    expect(new Set(results.map((r) => r.sessionId)).size).toBe(50);
    expect(new Set(results.map((r) => (r.result.structuredContent as { IdentityPoolId: string }).IdentityPoolId)).size).toBe(50);
    const listed = [...(await poolsInMoto("us-east-1")), ...(await poolsInMoto("eu-west-1"))];
    expect(listed.sort()).toEqual(results.map((r) => r.name).sort());
  });
});

reportWhenMotoIsMissing("against moto");
