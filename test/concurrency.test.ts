/**
 * Agents calling in parallel: guarded creates of one name and writes to one pool run one at a
 * time within a server process (stdio's one session, or every HTTP session), so each sees what
 * the one before it did; unguarded creates and other names are not held up.
 */
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { randomUUID } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import { createServer, serverFactory } from "../src/server.js";
import type { ServerConfig } from "../src/config.js";
import { processControls, type ProcessControls } from "../src/policy/gate.js";
import { KeyedLocks, writeLockKey } from "../src/policy/locks.js";
import { serveHttp } from "../src/transports/http.js";
import { fakeAwsEnv } from "./support/aws-env.js";
import { reportWhenMotoIsMissing } from "./support/moto.js";
import { resultText as text } from "./support/results.js";

Object.assign(process.env, fakeAwsEnv);
// The shared moto: each test uses a name of its own and counts only the pools with that name.
const motoUrl = inject("motoUrl");
reportWhenMotoIsMissing("guarded creates against moto");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const uniqueName = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;

type Call = (name: string, args: Record<string, unknown>) => Promise<CallToolResult>;

/** One in-memory session (as stdio's one), with the process controls it shares given back to the test. */
async function session(
  config: ServerConfig,
  options: { controls?: ProcessControls; consent?: () => "accept" | "decline" } = {},
): Promise<{ call: Call; controls: ProcessControls }> {
  const controls = options.controls ?? processControls(config);
  const server = createServer(config, controls);
  const client = new Client({ name: "test", version: "0" }, { capabilities: options.consent ? { elicitation: { form: {} } } : {} });
  if (options.consent) {
    const answer = options.consent;
    client.setRequestHandler(ElicitRequestSchema, async () =>
      answer() === "accept" ? { action: "accept", content: {} } : { action: "decline" },
    );
  }
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(b), client.connect(a)]);
  onTestFinished(() => client.close());
  return { call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult, controls };
}

/** The ids of moto's pools with this name, every page read. */
async function motoPoolsNamed(name: string): Promise<string[]> {
  const aws = new CognitoIdentityClient({ endpoint: motoUrl!, region: "us-east-1" });
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await aws.send(new ListIdentityPoolsCommand({ MaxResults: 60, NextToken }));
    ids.push(...(page.IdentityPools ?? []).filter((p) => p.IdentityPoolName === name).map((p) => p.IdentityPoolId!));
    NextToken = page.NextToken;
  } while (NextToken);
  return ids;
}

const poolId = (result: CallToolResult) => (result.structuredContent as { IdentityPoolId?: string } | undefined)?.IdentityPoolId;

describe("KeyedLocks", () => {
  it("runs one key's work one at a time, in order, and other keys alongside", async () => {
    const locks = new KeyedLocks();
    const log: string[] = [];
    const job = (key: string, label: string, ms: number) =>
      locks.run(key, async () => {
        log.push(`${label} start`);
        await sleep(ms);
        log.push(`${label} end`);
        return label;
      });
    const results = await Promise.all([job("a", "a1", 40), job("a", "a2", 10), job("b", "b1", 10), job("a", "a3", 0)]);
    expect(results).toEqual(["a1", "a2", "b1", "a3"]);
    expect(log.filter((l) => l.startsWith("a"))).toEqual(["a1 start", "a1 end", "a2 start", "a2 end", "a3 start", "a3 end"]);
    // b1 did not wait for a1.
    expect(log.indexOf("b1 end")).toBeLessThan(log.indexOf("a1 end"));
    expect(locks.size).toBe(0);
  });

  it("releases on a throw and on a rejection, and the next holder still runs; idle keys leave the map", async () => {
    const locks = new KeyedLocks();
    const thrown = locks.run("k", () => {
      throw new Error("sync");
    });
    const rejected = locks.run("k", async () => {
      await sleep(5);
      throw new Error("async");
    });
    const next = locks.run("k", async () => "ran");
    expect(locks.size).toBe(1);
    await expect(thrown).rejects.toThrow("sync");
    await expect(rejected).rejects.toThrow("async");
    await expect(next).resolves.toBe("ran");
    expect(locks.size).toBe(0);
    for (let i = 0; i < 100; i++) await locks.run(`key ${i}`, async () => i);
    expect(locks.size).toBe(0);
  });
});

describe("writeLockKey", () => {
  const target = { region: "us-east-1", endpoint: "https://cognito-identity.us-east-1.amazonaws.com/", profile: "default" };
  const key = (overrides: object = {}, connection: object = {}, subject = "Pool") =>
    writeLockKey("name", connection, { ...target, ...overrides }, subject);

  it("is one key for the same place, identity and name, and another when any of them differs", () => {
    expect(key()).toBe(key());
    const others = [
      key({ region: "eu-west-1" }),
      key({ endpoint: "http://127.0.0.1:5000/" }),
      key({ profile: "other" }),
      key({}, { placeholderCredentials: true }),
      key({}, { noSignRequest: true }),
      key({}, {}, "Other"),
      writeLockKey("state", {}, target, "Pool"),
    ];
    expect(new Set([key(), ...others]).size).toBe(others.length + 1);
  });
});

describe.runIf(motoUrl)("guarded creates of one name against moto", () => {
  const pool = { AllowUnauthenticatedIdentities: false };

  it('12 concurrent creates with ifNameExists "return-existing" over one session: one pool, and every caller gets its id', async () => {
    const name = uniqueName("Parallel");
    const { call, controls } = await session({ endpointUrl: motoUrl! });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => call("create_identity_pool", { ...pool, IdentityPoolName: name, ifNameExists: "return-existing" })),
    );
    for (const result of results) expect(result.isError, text(result)).toBeFalsy();
    const ids = await motoPoolsNamed(name);
    expect(ids).toHaveLength(1);
    expect(results.map(poolId)).toEqual(Array(12).fill(ids[0]));
    expect(results.filter((r) => (r.structuredContent as { existing?: unknown }).existing)).toHaveLength(11);
    expect(controls.locks.size).toBe(0);
  });

  it('12 concurrent creates with ifNameExists "error": one created, 11 refused', async () => {
    const name = uniqueName("ParallelError");
    const { call } = await session({ endpointUrl: motoUrl! });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => call("create_identity_pool", { ...pool, IdentityPoolName: name, ifNameExists: "error" })),
    );
    const ids = await motoPoolsNamed(name);
    expect(ids).toHaveLength(1);
    const created = results.filter((r) => !r.isError);
    expect(created.map(poolId)).toEqual([ids[0]]);
    const refused = results.filter((r) => r.isError);
    expect(refused).toHaveLength(11);
    for (const result of refused)
      expect(text(result)).toContain(`Not created: an identity pool named "${name}" already exists (${ids[0]})`);
  });

  it('8 HTTP sessions of one server, the operator\'s --if-name-exists "return-existing": one pool, every caller gets its id', async () => {
    const name = uniqueName("ParallelHttp");
    const config: ServerConfig = { endpointUrl: motoUrl!, ifNameExists: "return-existing" };
    const controls = processControls(config);
    const handle = await serveHttp(serverFactory(config, controls), { host: "127.0.0.1", port: 0 }, () => {});
    onTestFinished(() => handle.close());
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const transport = new StreamableHTTPClientTransport(new URL(handle.url), {
          requestInit: { headers: { authorization: `Bearer ${handle.token}` } },
        });
        const client = new Client({ name: "http-test", version: "0" });
        await client.connect(transport);
        onTestFinished(() => client.close());
        return client;
      }),
    );
    const results = (await Promise.all(
      clients.map((client) => client.callTool({ name: "create_identity_pool", arguments: { ...pool, IdentityPoolName: name } })),
    )) as CallToolResult[];
    for (const result of results) expect(result.isError, text(result)).toBeFalsy();
    const ids = await motoPoolsNamed(name);
    expect(ids).toHaveLength(1);
    expect(results.map(poolId)).toEqual(Array(8).fill(ids[0]));
  });

  it("a declined consent releases the name: the next guarded create of it goes ahead", async () => {
    const name = uniqueName("Declined");
    const answers: ("accept" | "decline")[] = ["decline", "accept"];
    const { call, controls } = await session({ endpointUrl: motoUrl!, consent: true }, { consent: () => answers.shift() ?? "accept" });
    const args = { ...pool, IdentityPoolName: name, ifNameExists: "return-existing" };
    const declined = await call("create_identity_pool", args);
    expect(text(declined)).toContain("Not done: the user declined create_identity_pool");
    expect(controls.locks.size).toBe(0);
    const created = await call("create_identity_pool", args);
    expect(created.isError, text(created)).toBeFalsy();
    expect(await motoPoolsNamed(name)).toEqual([poolId(created)]);
  }, 10_000);
});

/**
 * A loopback Cognito Identity that answers each write late (`lateMs`), keeps one pool for
 * Describe/Update, lists no pools, and records how many writes were in flight at once.
 */
async function startSlowEndpoint(lateMs: number, pool: Record<string, unknown>) {
  const state = { pool: { ...pool }, inFlight: 0, mostInFlight: 0, writes: [] as string[] };
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const operation = String(req.headers["x-amz-target"]).split(".")[1];
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
      const answer = (value: unknown) => {
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify(value));
      };
      if (operation === "ListIdentityPools") return answer({ IdentityPools: [] });
      if (operation === "DescribeIdentityPool") return answer(state.pool);
      state.writes.push(operation!);
      state.inFlight++;
      state.mostInFlight = Math.max(state.mostInFlight, state.inFlight);
      setTimeout(() => {
        state.inFlight--;
        if (operation === "UpdateIdentityPool") state.pool = body;
        answer(operation === "CreateIdentityPool" ? { IdentityPoolId: `us-east-1:${randomUUID()}`, ...body } : body);
      }, lateMs);
    });
  });
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, state };
}

describe("against a loopback endpoint that answers writes after 500 ms", () => {
  const create = { IdentityPoolName: "Slow", AllowUnauthenticatedIdentities: false };

  it("unguarded creates of one name are not serialised: they overlap, as AWS's own would", async () => {
    const endpoint = await startSlowEndpoint(500, {});
    const { call } = await session({ endpointUrl: endpoint.url });
    const results = await Promise.all([call("create_identity_pool", create), call("create_identity_pool", create)]);
    for (const result of results) expect(result.isError, text(result)).toBeFalsy();
    expect(endpoint.state.writes).toEqual(["CreateIdentityPool", "CreateIdentityPool"]);
    expect(endpoint.state.mostInFlight).toBe(2);
  });

  it("guarded creates of one name run one at a time; of different names, alongside", async () => {
    const endpoint = await startSlowEndpoint(500, {});
    const { call } = await session({ endpointUrl: endpoint.url, ifNameExists: "error" });
    // This endpoint lists no pools, so both creates go ahead: what counts is that they do not overlap.
    await Promise.all([call("create_identity_pool", create), call("create_identity_pool", create)]);
    expect(endpoint.state.writes).toHaveLength(2);
    expect(endpoint.state.mostInFlight).toBe(1);
    endpoint.state.mostInFlight = 0;
    await Promise.all([call("create_identity_pool", create), call("create_identity_pool", { ...create, IdentityPoolName: "Other" })]);
    expect(endpoint.state.mostInFlight).toBe(2);
  });

  it("two concurrent updates of one pool: the second's change report starts from the first's result", async () => {
    const IdentityPoolId = "us-east-1:11111111-2222-3333-4444-555555555555";
    const endpoint = await startSlowEndpoint(500, { IdentityPoolId, IdentityPoolName: "Original", AllowUnauthenticatedIdentities: false });
    const { call, controls } = await session({ endpointUrl: endpoint.url, tools: "all" });
    const update = (IdentityPoolName: string, AllowUnauthenticatedIdentities: boolean) =>
      call("update_identity_pool", { IdentityPoolId, IdentityPoolName, AllowUnauthenticatedIdentities });
    const results = await Promise.all([update("First", true), update("Second", false)]);
    for (const result of results) expect(result.isError, text(result)).toBeFalsy();
    const reports = results.map((r) =>
      Object.fromEntries(
        (r.structuredContent as { changes: { member: string; before?: unknown; after?: unknown }[] }).changes.map((c) => [
          c.member,
          { before: c.before, after: c.after },
        ]),
      ),
    );
    // Whichever ran first replaced the original; the other replaced what the first wrote.
    const [first, second] = reports[0]!.IdentityPoolName!.before === "Original" ? reports : [reports[1]!, reports[0]!];
    expect(first!.IdentityPoolName!.before).toBe("Original");
    expect(second!.IdentityPoolName!.before).toBe(first!.IdentityPoolName!.after);
    expect(second!.AllowUnauthenticatedIdentities!.before).toBe(first!.AllowUnauthenticatedIdentities!.after);
    expect(endpoint.state.mostInFlight).toBe(1);
    expect(controls.locks.size).toBe(0);
  });

  it("a dry run does not wait for a write to the same pool", async () => {
    const IdentityPoolId = "us-east-1:11111111-2222-3333-4444-555555555555";
    const endpoint = await startSlowEndpoint(1500, { IdentityPoolId, IdentityPoolName: "Original", AllowUnauthenticatedIdentities: false });
    const { call } = await session({ endpointUrl: endpoint.url, tools: "all" });
    const args = { IdentityPoolId, IdentityPoolName: "New", AllowUnauthenticatedIdentities: false };
    const writing = call("update_identity_pool", args);
    // The write has reached the endpoint (and holds the pool's lock) before the dry run starts.
    await expect.poll(() => endpoint.state.inFlight, { timeout: 10_000, interval: 5 }).toBe(1);
    const dryRun = await call("update_identity_pool", { ...args, dryRun: true });
    expect(dryRun.isError, text(dryRun)).toBeFalsy();
    // Answered while the write is still in flight: it did not wait for the write's lock. Nor did it write.
    expect(endpoint.state.inFlight).toBe(1);
    expect(endpoint.state.writes).toEqual(["UpdateIdentityPool"]);
    const written = await writing;
    expect(written.isError, text(written)).toBeFalsy();
  });
});
