/**
 * Run as `node --expose-gc --import tsx test/support/http-sessions-child.ts`: opens and closes
 * rounds of 200 sessions on an in-process HTTP server and prints what stayed alive, as JSON.
 */
import { serverFactory } from "../../src/server.js";
import { serveHttp } from "../../src/transports/http.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const sessionsPerRound = 200;

const servers: WeakRef<object>[] = [];
const factory = serverFactory({ region: "us-east-1", endpointUrl: "http://127.0.0.1:9" });
const handle = await serveHttp(
  Object.assign(
    () => {
      const server = factory();
      servers.push(new WeakRef(server));
      return server;
    },
    { cutOffAnswer: factory.cutOffAnswer },
  ),
  { host: "127.0.0.1", port: 0, maxSessions: sessionsPerRound },
  () => {},
);
const headers = {
  authorization: `Bearer ${handle.token}`,
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
};
const post = (body: object, session?: string) =>
  fetch(handle.url, {
    method: "POST",
    headers: { ...headers, ...(session ? { "mcp-session-id": session, "mcp-protocol-version": "2025-06-18" } : {}) },
    body: JSON.stringify(body),
  });

async function openSession(): Promise<string> {
  const res = await post({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "gc", version: "0" } },
  });
  await res.text();
  const id = res.headers.get("mcp-session-id");
  if (!id) throw new Error(`initialize answered ${res.status}`);
  await (await post({ jsonrpc: "2.0", method: "notifications/initialized" }, id)).text();
  // A dry run makes each Server load and use the call code, as a real session would.
  const call = await post(
    {
      jsonrpc: "2.0",
      id: 2,
      method: "tools/call",
      params: {
        name: "create_identity_pool",
        arguments: { IdentityPoolName: "gc", AllowUnauthenticatedIdentities: true, generateCliSkeleton: "output" },
      },
    },
    id,
  );
  const text = await call.text();
  if (!text.includes("IdentityPoolId")) throw new Error(`dry run answered ${call.status}: ${text.slice(0, 200)}`);
  return id;
}

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 5; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function round() {
  const first = servers.length;
  const ids = await Promise.all(Array.from({ length: sessionsPerRound }, openSession));
  const open = { ...handle.counts(), heapMb: await settledHeap() };
  await Promise.all(
    ids.map(async (id) => (await fetch(handle.url, { method: "DELETE", headers: { ...headers, "mcp-session-id": id } })).text()),
  );
  const closed = { ...handle.counts(), heapMb: await settledHeap() };
  const alive = servers.slice(first).filter((ref) => ref.deref() !== undefined).length;
  return { open, closed, serversStillAlive: alive };
}

// The first rounds load and compile what sessions use and fill the caches that stay; the last is measured.
await round();
await round();
const before = await settledHeap();
const measured = await round();
await handle.close();
process.stdout.write(`${JSON.stringify({ before, ...measured })}\n`);
