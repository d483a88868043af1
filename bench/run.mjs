#!/usr/bin/env node
/**
 * `npm run bench` (builds first): the built server (`node dist/index.js`, launched as the README
 * launches it) against the baselines of its budget, each line a figure or ratio from this one
 * run, compared subjects interleaved, medians. Prints a table, writes bench/results/latest.json,
 * exits 1 if a budget line fails (2 if the bench itself cannot run).
 *
 *   node bench/run.mjs [--quick] [--only startup,first-call,overhead,dry-runs,memory,cli,http] [--server FILE]
 *
 * Baselines: bench/plain-server.mjs (what a user would otherwise write: McpServer, zod, the AWS
 * SDK imported at start), a CreateIdentityPoolCommand sent directly from this process, and the
 * AWS CLI v1. Floors, shown beside lines 2 and 3: bench/floor-server.mjs (the least a server on
 * the same parts can do, bundled with the build's options) and a new SDK client's first send in this process.
 * Endpoints: an instant loopback endpoint (a child process answering every request at once, so
 * the server's own cost shows) and, for the AWS CLI line, moto_server. Every process listens on
 * 127.0.0.1 and is stopped by the bench.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { createServer as createHttpServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** `--server FILE` measures another build of the server (an alternative, for bench/RESULTS.md). */
const serverAt = process.argv.indexOf("--server");
const serverArgs = [serverAt === -1 ? path.join(root, "dist", "index.js") : path.resolve(process.argv[serverAt + 1])];
const plainArgs = [path.join(root, "bench", "plain-server.mjs")];
const sections = ["startup", "first-call", "overhead", "dry-runs", "memory", "cli", "http"];

const budget = {
  listVsPlain: 1.0, // 1. spawn → tools/list, ours / plain
  firstCreateVsPlain: 0.5, // 2. spawn → first create answered, ours / plain
  lateFirstCreateExtraMs: 5, // 3. a create 1 s after tools/list, minus the next create
  overheadMs: 1.0, // 4. warm create over a direct CreateIdentityPoolCommand, medians
  dryRunsPerSecond: 5000, // 5.
  memoryGrowth: 1.1, // 6. RSS after 20,000 creates / after 5,000
  memoryVsPlain: 1.0, // 6. RSS after 1,000 creates, ours / plain
  cliSpeedup: 50, // 7. AWS CLI v1 per create / ours per create, against moto
};

// ---------------------------------------------------------------------------------------------
// Processes: everything this run starts is tracked and stopped, also on Ctrl-C.

const children = new Set();
function track(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}
const stopAll = () => children.forEach((child) => child.kill("SIGKILL"));
process.once("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
const exited = (child) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (message) => process.stderr.write(`bench: ${message}\n`);

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The instant endpoint, run as `node bench/run.mjs --instant-endpoint`: answers every
 * CreateIdentityPool at once with the request and an id (what AWS answers), nothing stored. A
 * child process, so its work never lands on the bench's event loop while it times a call.
 */
function serveInstantEndpoint() {
  let next = 0;
  const server = createHttpServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.stringify({
        IdentityPoolId: `us-east-1:00000000-0000-4000-8000-${String(++next).padStart(12, "0")}`,
        ...JSON.parse(Buffer.concat(chunks).toString() || "{}"),
      });
      res.writeHead(200, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-requestid": `bench-${next}`,
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
  process.stdin.on("end", () => process.exit(0)).resume();
}

async function startInstantEndpoint() {
  const child = track(
    spawn(process.execPath, [fileURLToPath(import.meta.url), "--instant-endpoint"], { stdio: ["pipe", "pipe", "inherit"] }),
  );
  const port = await new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim())));
    child.once("exit", (code) => reject(new Error(`the instant endpoint exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => (child.stdin.end(), exited(child)) };
}

async function startMoto() {
  const port = await freePort();
  const child = track(spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "ignore", "pipe"] }));
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const failed = new Promise((_, reject) => child.once("error", reject));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await Promise.race([fetch(`${url}/moto-api/reset`, { method: "POST" }), failed]);
      if (res.ok) return { url, stop: () => (child.kill("SIGTERM"), exited(child)) };
    } catch (error) {
      if (error?.code === "ENOENT") throw new Error("moto_server is not installed (pip install 'moto[server]')", { cause: error });
    }
    await sleep(100);
  }
  throw new Error(`moto_server did not answer on ${url} within 30 s: ${stderr}`);
}

// ---------------------------------------------------------------------------------------------
// A bare JSON-RPC client over stdio (newline-delimited frames, no validation of its own), so what
// is timed is the server, not a client library's parsing.

const protocolVersion = "2025-06-18";
const requestTimeoutMs = 60_000;
/**
 * What an MCP client passes a server (the SDK's StdioClientTransport: HOME, LOGNAME, PATH, SHELL,
 * TERM, USER), plus the AWS settings a user's configuration adds; never the bench's own NODE_*
 * variables, which change what starting Node costs.
 */
const baseEnv = Object.fromEntries(
  ["HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER"].filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]),
);
const awsEnv = (endpointUrl) => ({
  ...baseEnv,
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  AWS_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  AWS_ENDPOINT_URL: endpointUrl,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
});

class Session {
  constructor(args, env) {
    this.started = performance.now();
    this.child = track(spawn(process.execPath, args, { cwd: root, stdio: ["pipe", "pipe", "pipe"], env }));
    this.pending = new Map();
    this.nextId = 1;
    this.stderr = "";
    let buffered = "";
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk) => {
      buffered += chunk;
      for (let newline = buffered.indexOf("\n"); newline !== -1; newline = buffered.indexOf("\n")) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.trim()) this.onFrame(JSON.parse(line), line);
      }
    });
    this.child.stderr.on("data", (chunk) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    this.child.stdin.on("error", () => {});
    this.child.once("exit", (code, signal) => {
      for (const { reject } of this.pending.values()) reject(new Error(`server exited (${code ?? signal}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  get pid() {
    return this.child.pid;
  }

  onFrame(frame, line) {
    const waiter = frame.id !== undefined && !frame.method ? this.pending.get(frame.id) : undefined;
    if (!waiter) return; // notifications (logging) are not timed
    this.pending.delete(frame.id);
    clearTimeout(waiter.timer);
    if (frame.error) waiter.reject(new Error(`${frame.error.code}: ${frame.error.message}`));
    else waiter.resolve({ result: frame.result, bytes: Buffer.byteLength(line) });
  }

  async request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer within ${requestTimeoutMs} ms: ${this.stderr}`));
      }, requestTimeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    });
  }

  /** What a client does before it can call a tool; resolves with spawn → tools/list answered (ms). */
  async handshake() {
    await this.request("initialize", { protocolVersion, capabilities: {}, clientInfo: { name: "bench", version: "1" } });
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
    const { result, bytes } = await this.request("tools/list", {});
    if (!result?.tools?.some((t) => t.name === "create_identity_pool"))
      throw new Error(`tools/list has no create_identity_pool: ${JSON.stringify(result)}`);
    this.toolsListBytes = Buffer.byteLength(JSON.stringify(result));
    this.toolsListFrameBytes = bytes;
    return performance.now() - this.started;
  }

  async call(args) {
    const { result } = await this.request("tools/call", { name: "create_identity_pool", arguments: args });
    if (result.isError) throw new Error(`create_identity_pool failed: ${result.content?.map((c) => c.text).join("\n")}`);
    return result;
  }

  /** One create, timed (ms). */
  async timedCreate() {
    const started = performance.now();
    await this.call(createArgs());
    return performance.now() - started;
  }

  async close() {
    this.child.stdin.end();
    const stopped = await Promise.race([exited(this.child).then(() => true), sleep(2000)]);
    if (!stopped) {
      this.child.kill("SIGKILL");
      await exited(this.child);
    }
  }
}

let poolCounter = 0;
const createArgs = () => ({ IdentityPoolName: `bench_${process.pid}_${++poolCounter}`, AllowUnauthenticatedIdentities: true });

const vmRssMb = (pid) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;

// ---------------------------------------------------------------------------------------------
// Statistics

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length };
}
const fmt = (value, digits = 1) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------
// The measurements

/**
 * bench/floor-server.mjs bundled with the build's options (scripts/lib/bundle-options.mjs: the
 * options and the SDK's Ajv stub that scripts/build.mjs uses), into a temporary directory removed
 * when the bench exits; resolves with its node arguments.
 */
async function buildFloorServer() {
  const [{ build }, { bundleOptions, sdkAjvStub }] = await Promise.all([import("esbuild"), import("../scripts/lib/bundle-options.mjs")]);
  const outdir = await mkdtemp(path.join(os.tmpdir(), "cim-bench-floor-"));
  process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    ...bundleOptions(root),
    entryPoints: { floor: path.join(root, "bench", "floor-server.mjs") },
    outdir,
    plugins: [sdkAjvStub],
  });
  return [path.join(outdir, "floor.js")];
}

/**
 * Lines 1 and 2, and line 2's floor: per round one session of each server, rotating which goes
 * first; the create is sent the moment tools/list is answered.
 */
async function benchStartup(endpoint, rounds) {
  const subjects = { ours: serverArgs, plain: plainArgs, floor: await buildFloorServer() };
  const names = Object.keys(subjects);
  const times = Object.fromEntries(names.map((who) => [who, { list: [], create: [] }]));
  let toolsListBytes;
  const env = awsEnv(endpoint.url);
  for (let r = 0; r < rounds + 1; r++) {
    for (const who of [...names.slice(r % names.length), ...names.slice(0, r % names.length)]) {
      const session = new Session(subjects[who], env);
      try {
        const list = await session.handshake();
        await session.call(createArgs());
        const create = performance.now() - session.started;
        if (who === "ours") toolsListBytes = { result: session.toolsListBytes, frame: session.toolsListFrameBytes };
        // The first round warms the file cache and is not counted.
        if (r > 0) {
          times[who].list.push(list);
          times[who].create.push(create);
        }
      } finally {
        await session.close();
      }
    }
  }
  return {
    ...Object.fromEntries(names.map((who) => [who, { listMs: stats(times[who].list), firstCreateMs: stats(times[who].create) }])),
    toolsListBytes,
  };
}

/** A client of the AWS SDK in this process, sending to `endpoint` with placeholder keys. */
async function directClient(endpoint) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const { CognitoIdentityClient, CreateIdentityPoolCommand } = await import("@aws-sdk/client-cognito-identity");
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    endpoint: endpoint.url,
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
  });
  const timedCreate = async () => {
    const started = performance.now();
    await client.send(new CreateIdentityPoolCommand(createArgs()));
    return performance.now() - started;
  };
  return { client, timedCreate };
}

/**
 * Line 3's floor: what the SDK itself adds to a new client's first send (its settings, signer and
 * connection) over its next, with the SDK's code already warm in this process. A server's first
 * call after a warm-up uses a client that has not sent yet, so no server can do better.
 */
async function newClientFirstSendExtra(endpoint, { clients, warmSends }) {
  const warm = await directClient(endpoint);
  const extra = [];
  try {
    for (let i = 0; i < warmSends; i++) await warm.timedCreate();
    for (let i = 0; i < clients; i++) {
      const fresh = await directClient(endpoint);
      try {
        extra.push((await fresh.timedCreate()) - (await fresh.timedCreate()));
      } finally {
        fresh.client.destroy();
      }
    }
  } finally {
    warm.client.destroy();
  }
  return stats(extra);
}

/**
 * Line 3: sessions whose first create is sent 1 s after tools/list; that create against the next two.
 * `floor` sizes line 3's floor (newClientFirstSendExtra): how many new clients, after how many warm sends.
 */
async function benchLateFirstCall(endpoint, rounds, floor) {
  const first = [];
  const second = [];
  const third = [];
  for (let r = 0; r < rounds; r++) {
    const session = new Session(serverArgs, awsEnv(endpoint.url));
    try {
      await session.handshake();
      await sleep(1000);
      first.push(await session.timedCreate());
      second.push(await session.timedCreate());
      third.push(await session.timedCreate());
    } finally {
      await session.close();
    }
  }
  return {
    firstMs: stats(first),
    secondMs: stats(second),
    thirdMs: stats(third),
    extraMs: stats(first.map((ms, i) => ms - second[i])),
    sdkNewClientExtraMs: await newClientFirstSendExtra(endpoint, floor),
  };
}

/** Line 4: one warm session and a direct SDK client in this process, call by call, alternating which goes first. */
async function benchOverhead(endpoint, pairs) {
  const { client: direct, timedCreate: directCreate } = await directClient(endpoint);
  const session = new Session(serverArgs, awsEnv(endpoint.url));
  const ours = [];
  const sdk = [];
  try {
    await session.handshake();
    const warmUp = Math.min(500, pairs);
    for (let i = 0; i < warmUp + pairs; i++) {
      const [a, b] = i % 2 ? [await directCreate(), await session.timedCreate()] : [await session.timedCreate(), await directCreate()];
      if (i >= warmUp) {
        sdk.push(i % 2 ? a : b);
        ours.push(i % 2 ? b : a);
      }
    }
  } finally {
    await session.close();
    direct.destroy();
  }
  return {
    oursMs: stats(ours),
    directMs: stats(sdk),
    overheadMs: stats(ours).median - stats(sdk).median,
    pairedMs: stats(ours.map((ms, i) => ms - sdk[i])),
  };
}

/** Line 5: dry runs through one session, a fixed number in flight. */
async function benchDryRuns(endpoint, rounds, callsPerRound, inFlight = 8) {
  const session = new Session(serverArgs, awsEnv(endpoint.url));
  const args = { IdentityPoolName: "bench_dry_run", AllowUnauthenticatedIdentities: true, generateCliSkeleton: "output" };
  const rates = [];
  try {
    await session.handshake();
    const burst = async (calls) => {
      let issued = 0;
      const worker = async () => {
        while (issued < calls) {
          issued++;
          await session.call(args);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    };
    await burst(1000);
    for (let r = 0; r < rounds; r++) {
      const started = performance.now();
      await burst(callsPerRound);
      rates.push((callsPerRound * 1000) / (performance.now() - started));
    }
  } finally {
    await session.close();
  }
  return { inFlight, callsPerRound, perSecond: stats(rates) };
}

/** Line 6: VmRSS of a session after 1,000, 5,000 and 20,000 creates, and the plain server's after 1,000; alternating. */
async function benchMemory(endpoint, rounds, marks) {
  const runs = { ours: [], plain: [] };
  const last = marks.at(-1);
  for (let r = 0; r < rounds; r++) {
    for (const who of r % 2 ? ["plain", "ours"] : ["ours", "plain"]) {
      const session = new Session(who === "ours" ? serverArgs : plainArgs, awsEnv(endpoint.url));
      const rss = { listed: 0 };
      try {
        await session.handshake();
        rss.listed = vmRssMb(session.pid);
        const upTo = who === "ours" ? last : marks[0];
        for (let i = 1; i <= upTo; i++) {
          await session.call(createArgs());
          if (marks.includes(i)) rss[i] = vmRssMb(session.pid);
        }
      } finally {
        await session.close();
      }
      runs[who].push(rss);
    }
    const [ours, plain] = [runs.ours.at(-1), runs.plain.at(-1)];
    progress(
      `  memory round ${r + 1}/${rounds}: ours ${marks.map((m) => `${fmt(ours[m])} MB after ${m}`).join(", ")}; plain ${fmt(plain[marks[0]])} MB after ${marks[0]}`,
    );
  }
  const at = (who, mark) => stats(runs[who].map((x) => x[mark]));
  return {
    marks,
    oursMb: Object.fromEntries(["listed", ...marks].map((m) => [m, at("ours", m)])),
    plainMb: { listed: at("plain", "listed"), [marks[0]]: at("plain", marks[0]) },
    growth: stats(runs.ours.map((x) => x[last] / x[marks[1]])),
    vsPlain: stats(runs.ours.map((x, i) => x[marks[0]] / runs.plain[i][marks[0]])),
  };
}

/**
 * HTTP (report only): `--http` with `sessions` sessions open at once, each making `callsEach` dry
 * runs one after another; every answer is checked against the first. VmRSS with the sessions
 * open and after each is closed with DELETE; then SIGTERM, which must exit 0.
 */
async function benchHttp(endpoint, sessions, callsEach) {
  const token = "bench-token-0123456789abcdef";
  const child = track(
    spawn(process.execPath, [...serverArgs, "--http", "--port", "0", "--token", token, "--max-sessions", String(sessions)], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: awsEnv(endpoint.url),
    }),
  );
  let stderr = "";
  const url = await new Promise((resolve, reject) => {
    child.stderr.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
      const found = /serving Streamable HTTP on (\S+)/.exec(stderr);
      if (found) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`the HTTP server exited with ${code}: ${stderr}`)));
  });
  const headers = (session) => ({
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    ...(session ? { "mcp-session-id": session, "mcp-protocol-version": protocolVersion } : {}),
  });
  // The transport answers a request as one server-sent event, or as JSON.
  const rpc = async (session, message) => {
    const res = await fetch(url, { method: "POST", headers: headers(session), body: JSON.stringify(message) });
    const text = await res.text();
    if (message.id === undefined) return { res };
    const data = /^data: (.*)$/m.exec(text)?.[1] ?? text;
    const frame = JSON.parse(data);
    if (frame.id !== message.id || frame.error) throw new Error(`${message.method} answered ${res.status}: ${text.slice(0, 300)}`);
    return { res, result: frame.result };
  };
  const args = { IdentityPoolName: "bench_http", AllowUnauthenticatedIdentities: true, generateCliSkeleton: "output" };
  const latencies = [];
  let reference;
  let wrong = 0;
  try {
    const baselineMb = vmRssMb(child.pid);
    const ids = await Promise.all(
      Array.from({ length: sessions }, async (_, i) => {
        const { res } = await rpc(undefined, {
          jsonrpc: "2.0",
          id: 0,
          method: "initialize",
          params: { protocolVersion, capabilities: {}, clientInfo: { name: `bench-${i}`, version: "1" } },
        });
        const id = res.headers.get("mcp-session-id");
        await rpc(id, { jsonrpc: "2.0", method: "notifications/initialized" });
        return id;
      }),
    );
    const started = performance.now();
    await Promise.all(
      ids.map(async (session) => {
        for (let call = 1; call <= callsEach; call++) {
          const t0 = performance.now();
          const { result } = await rpc(session, {
            jsonrpc: "2.0",
            id: call,
            method: "tools/call",
            params: { name: "create_identity_pool", arguments: args },
          });
          latencies.push(performance.now() - t0);
          const answer = JSON.stringify(result);
          reference ??= answer;
          if (result.isError || answer !== reference) wrong++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const openMb = vmRssMb(child.pid);
    await Promise.all(ids.map(async (session) => (await fetch(url, { method: "DELETE", headers: headers(session) })).text()));
    await sleep(500);
    const closedMb = vmRssMb(child.pid);
    const sorted = [...latencies].sort((a, b) => a - b);
    const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
    child.kill("SIGTERM");
    const code = await new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));
    if (wrong) throw new Error(`${wrong} of ${latencies.length} HTTP dry runs answered wrongly`);
    if (code !== 0) throw new Error(`SIGTERM: the HTTP server exited with ${code}: ${stderr}`);
    return {
      sessions,
      callsEach,
      calls: latencies.length,
      wrong,
      perSecond: latencies.length / seconds,
      p50Ms: pct(50),
      p99Ms: pct(99),
      rssMb: { baseline: baselineMb, open: openMb, closed: closedMb },
    };
  } finally {
    child.kill("SIGKILL");
  }
}

function awsCliVersion() {
  const run = spawnSync("aws", ["--version"], { encoding: "utf8", env: baseEnv });
  if (run.error?.code === "ENOENT") throw new Error("the AWS CLI (`aws`) is not installed");
  const version = `${run.stdout}${run.stderr}`.trim();
  if (!/^aws-cli\/1\./.test(version)) throw new Error(`line 7 compares with the AWS CLI v1; \`aws --version\` says ${version}`);
  return version;
}

function runCli(moto) {
  const env = { ...awsEnv(moto.url), AWS_DEFAULT_REGION: "us-east-1" };
  const args = [
    "cognito-identity",
    "create-identity-pool",
    "--identity-pool-name",
    createArgs().IdentityPoolName,
    "--allow-unauthenticated-identities",
    "--endpoint-url",
    moto.url,
  ];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = track(spawn("aws", args, { env, stdio: ["ignore", "pipe", "pipe"] }));
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`aws exited with ${code}: ${out}`)),
    );
  });
}

/** Line 7: against moto, one AWS CLI run, then `perCli` creates through a warm session, repeated. */
async function benchCli(rounds, perCli) {
  const version = awsCliVersion();
  const moto = await startMoto();
  const cli = [];
  const ours = [];
  try {
    const session = new Session(serverArgs, awsEnv(moto.url));
    try {
      await session.handshake();
      for (let i = 0; i < 50; i++) await session.call(createArgs());
      await runCli(moto);
      for (let r = 0; r < rounds; r++) {
        cli.push(await runCli(moto));
        for (let i = 0; i < perCli; i++) ours.push(await session.timedCreate());
      }
    } finally {
      await session.close();
    }
  } finally {
    await moto.stop();
  }
  return { awsCli: version, cliMs: stats(cli), oursMs: stats(ours), speedup: stats(cli).median / stats(ours).median };
}

// ---------------------------------------------------------------------------------------------

/** dist/ as built now: the files reachable from the entry points (earlier builds' chunks linger a while). */
function distSize() {
  const dist = path.join(root, "dist");
  const importsOf = (file, kinds) => {
    const text = readFileSync(file, "utf8");
    const found = [];
    if (kinds.static)
      for (const m of text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?"(\.{1,2}\/[^"]+)"/g)) found.push(m[1]);
    if (kinds.dynamic) for (const m of text.matchAll(/import\("(\.{1,2}\/[^"]+)"\)/g)) found.push(m[1]);
    return found.map((spec) => path.resolve(path.dirname(file), spec));
  };
  const reach = (entries, kinds) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file) || !existsSync(file)) return;
      seen.add(file);
      importsOf(file, kinds).forEach(visit);
    };
    entries.forEach(visit);
    return { files: seen.size, kb: [...seen].reduce((sum, f) => sum + statSync(f).size, 0) / 1024 };
  };
  const entries = ["index.js", "server.js", "transports/http.js"].map((f) => path.join(dist, f));
  return { all: reach(entries, { static: true, dynamic: true }), startup: reach([entries[0]], { static: true }) };
}

function machine() {
  const version = (name) => {
    try {
      return JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      return "unknown";
    }
  };
  return {
    cpu: os.cpus()[0]?.model?.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    versions: Object.fromEntries(
      ["@modelcontextprotocol/server", "@aws-sdk/client-cognito-identity", "zod", "esbuild"].map((n) => [n, version(n)]),
    ),
  };
}

async function main() {
  const quick = process.argv.includes("--quick");
  const onlyAt = process.argv.indexOf("--only");
  const only = onlyAt === -1 ? sections : (process.argv[onlyAt + 1]?.split(",") ?? []);
  if (!only.length || only.some((s) => !sections.includes(s))) {
    console.error(`bench: --only takes a comma-separated list of ${sections.join(", ")}`);
    return 2;
  }
  if (!existsSync(serverArgs[0])) {
    console.error("bench: dist/index.js is missing: run `npm run build` first (`npm run bench` does).");
    return 2;
  }
  const plan = quick
    ? {
        startupRounds: 6,
        lateRounds: 4,
        floorClients: 20,
        floorWarmSends: 100,
        overheadPairs: 300,
        dryRunRounds: 3,
        dryRunCalls: 2000,
        memoryRounds: 1,
        memoryMarks: [1000, 5000, 20000],
        cliRounds: 4,
        perCli: 5,
        httpSessions: 200,
        httpCallsEach: 10,
      }
    : {
        startupRounds: 20,
        lateRounds: 12,
        floorClients: 40, // line 3's floor: enough new clients for a stable median
        floorWarmSends: 200,
        overheadPairs: 3000,
        dryRunRounds: 5,
        dryRunCalls: 4000,
        memoryRounds: 2,
        memoryMarks: [1000, 5000, 20000],
        cliRounds: 12,
        perCli: 10,
        httpSessions: 200,
        httpCallsEach: 10,
      };
  const env = machine();
  progress(`${env.cpu}, ${env.cores} cores, Node ${env.node}${quick ? " (--quick: fewer repetitions, noisier)" : ""}`);

  const results = {};
  const endpoint = await startInstantEndpoint();
  try {
    if (only.includes("startup")) {
      progress(`start-up and first create: ${plan.startupRounds} rounds, ours, the plain server and the floor server in turn`);
      results.startup = await benchStartup(endpoint, plan.startupRounds);
    }
    if (only.includes("first-call")) {
      progress(
        `a create 1 s after tools/list: ${plan.lateRounds} sessions; its floor: ${plan.floorClients} new SDK clients after ${plan.floorWarmSends} warm sends`,
      );
      results.lateFirstCall = await benchLateFirstCall(endpoint, plan.lateRounds, {
        clients: plan.floorClients,
        warmSends: plan.floorWarmSends,
      });
    }
    if (only.includes("overhead")) {
      progress(`warm overhead: ${plan.overheadPairs} pairs, ours and a direct CreateIdentityPoolCommand alternating`);
      results.overhead = await benchOverhead(endpoint, plan.overheadPairs);
    }
    if (only.includes("dry-runs")) {
      progress(`dry runs: ${plan.dryRunRounds} rounds of ${plan.dryRunCalls}, 8 in flight`);
      results.dryRuns = await benchDryRuns(endpoint, plan.dryRunRounds, plan.dryRunCalls);
    }
    if (only.includes("memory")) {
      progress(
        `memory: ${plan.memoryRounds} rounds of ${plan.memoryMarks.at(-1)} creates (ours) and ${plan.memoryMarks[0]} (plain server)`,
      );
      results.memory = await benchMemory(endpoint, plan.memoryRounds, plan.memoryMarks);
    }
    if (only.includes("http")) {
      progress(`HTTP: ${plan.httpSessions} sessions at once, ${plan.httpCallsEach} dry runs each`);
      results.http = await benchHttp(endpoint, plan.httpSessions, plan.httpCallsEach);
    }
  } finally {
    await endpoint.stop();
  }
  if (only.includes("cli")) {
    progress(`against moto: ${plan.cliRounds} AWS CLI runs, each followed by ${plan.perCli} creates through one session`);
    results.cli = await benchCli(plan.cliRounds, plan.perCli);
  }
  results.dist = distSize();

  const { startup, lateFirstCall, overhead, dryRuns, memory, cli, http, dist } = results;
  const rows = [];
  const checks = [];
  const ms = (s) => `${fmt(s.median, 2)} ms (${fmt(s.min, 2)}–${fmt(s.max, 2)}, n=${s.n})`;
  const mb = (s) => `${fmt(s.median)} MB (${fmt(s.min)}–${fmt(s.max)}, n=${s.n})`;
  const check = (line, text, value, limit, pass, figure) =>
    checks.push({ line, text, value: Number(value.toFixed(4)), limit, pass, figure });
  /** What no server on these parts can beat, beside the budget line it bounds. */
  const floors = [];
  if (startup) {
    const { ours, plain, floor } = startup;
    rows.push(
      ["spawn → tools/list answered", ms(ours.listMs), ms(plain.listMs)],
      ["spawn → first create answered (sent once listed)", ms(ours.firstCreateMs), ms(plain.firstCreateMs)],
      ["  floor server: spawn → tools/list answered", ms(floor.listMs), ""],
      ["  floor server: spawn → first create answered", ms(floor.firstCreateMs), ""],
    );
    const list = ours.listMs.median / plain.listMs.median;
    const first = ours.firstCreateMs.median / plain.firstCreateMs.median;
    check(
      1,
      "spawn → tools/list ≤ 1.0× the plain server",
      list,
      budget.listVsPlain,
      list <= budget.listVsPlain,
      `${fmt(list, 2)}× (${fmt(ours.listMs.median)} / ${fmt(plain.listMs.median)} ms)`,
    );
    check(
      2,
      "spawn → first create ≤ 0.5× the plain server",
      first,
      budget.firstCreateVsPlain,
      first <= budget.firstCreateVsPlain,
      `${fmt(first, 2)}× (${fmt(ours.firstCreateMs.median)} / ${fmt(plain.firstCreateMs.median)} ms)`,
    );
    floors.push({
      line: 2,
      text: "the floor server, bundled with the build's options",
      figure: `${fmt(floor.firstCreateMs.median / plain.firstCreateMs.median, 2)}× (${fmt(floor.firstCreateMs.median)} / ${fmt(plain.firstCreateMs.median)} ms); ours ${fmt(ours.firstCreateMs.median / floor.firstCreateMs.median, 2)}× the floor`,
    });
  }
  if (lateFirstCall) {
    const { firstMs, secondMs, thirdMs, extraMs, sdkNewClientExtraMs } = lateFirstCall;
    rows.push(
      ["create sent 1 s after tools/list", ms(firstMs), ""],
      ["  the next create", ms(secondMs), ""],
      ["  the one after", ms(thirdMs), ""],
    );
    check(
      3,
      "create 1 s after tools/list ≤ next create + 5 ms",
      extraMs.median,
      budget.lateFirstCreateExtraMs,
      extraMs.median <= budget.lateFirstCreateExtraMs,
      `+${fmt(extraMs.median, 2)} ms (median of per-session differences, ${fmt(extraMs.min, 2)}–${fmt(extraMs.max, 2)})`,
    );
    floors.push({
      line: 3,
      text: "the SDK's own first send on a new client",
      figure: `+${fmt(sdkNewClientExtraMs.median, 2)} ms over its next (${fmt(sdkNewClientExtraMs.min, 2)}–${fmt(sdkNewClientExtraMs.max, 2)}, n=${sdkNewClientExtraMs.n}, code warm, this process)`,
    });
  }
  if (overhead) {
    rows.push(["warm create, instant endpoint (direct SDK in the right column)", ms(overhead.oursMs), ms(overhead.directMs)]);
    check(
      4,
      "warm overhead over a direct SDK call ≤ 1.0 ms",
      overhead.overheadMs,
      budget.overheadMs,
      overhead.overheadMs <= budget.overheadMs,
      `${fmt(overhead.overheadMs, 2)} ms (${fmt(overhead.oursMs.median, 2)} − ${fmt(overhead.directMs.median, 2)} ms; paired ${fmt(overhead.pairedMs.median, 2)})`,
    );
  }
  if (dryRuns) {
    rows.push([
      `dry runs, one session, ${dryRuns.inFlight} in flight (calls/s)`,
      `${fmt(dryRuns.perSecond.median, 0)} (${fmt(dryRuns.perSecond.min, 0)}–${fmt(dryRuns.perSecond.max, 0)}, n=${dryRuns.perSecond.n})`,
      "",
    ]);
    check(
      5,
      "dry runs ≥ 5,000/s",
      dryRuns.perSecond.median,
      budget.dryRunsPerSecond,
      dryRuns.perSecond.median >= budget.dryRunsPerSecond,
      `${fmt(dryRuns.perSecond.median, 0)}/s`,
    );
  }
  if (memory) {
    const [m1, m2, m3] = memory.marks;
    rows.push(
      ["VmRSS after tools/list", mb(memory.oursMb.listed), mb(memory.plainMb.listed)],
      ...memory.marks.map((m) => [`VmRSS after ${fmt(m, 0)} creates`, mb(memory.oursMb[m]), m === m1 ? mb(memory.plainMb[m1]) : ""]),
    );
    const growth = memory.oursMb[m3].median / memory.oursMb[m2].median;
    const vsPlain = memory.oursMb[m1].median / memory.plainMb[m1].median;
    check(
      6,
      `VmRSS after ${fmt(m3, 0)} creates ≤ 1.1× after ${fmt(m2, 0)}`,
      growth,
      budget.memoryGrowth,
      growth <= budget.memoryGrowth,
      `${fmt(growth, 2)}× (${fmt(memory.oursMb[m3].median)} / ${fmt(memory.oursMb[m2].median)} MB; per round ${fmt(memory.growth.min, 2)}–${fmt(memory.growth.max, 2)}×)`,
    );
    check(
      6,
      `VmRSS after ${fmt(m1, 0)} creates ≤ the plain server's`,
      vsPlain,
      budget.memoryVsPlain,
      vsPlain <= budget.memoryVsPlain,
      `${fmt(vsPlain, 2)}× (${fmt(memory.oursMb[m1].median)} / ${fmt(memory.plainMb[m1].median)} MB; per round ${fmt(memory.vsPlain.min, 2)}–${fmt(memory.vsPlain.max, 2)}×)`,
    );
  }
  if (cli) {
    rows.push(["per create against moto (AWS CLI v1 in the right column)", ms(cli.oursMs), ms(cli.cliMs)]);
    check(
      7,
      "per create against moto ≥ 50× faster than the AWS CLI v1",
      cli.speedup,
      budget.cliSpeedup,
      cli.speedup >= budget.cliSpeedup,
      `${fmt(cli.speedup, 0)}× (${fmt(cli.cliMs.median)} / ${fmt(cli.oursMs.median, 2)} ms)`,
    );
  }
  if (http) {
    const label = `HTTP, ${http.sessions} sessions × ${http.callsEach} dry runs`;
    rows.push(
      [`${label} (calls/s, ${http.wrong} wrong)`, fmt(http.perSecond, 0), ""],
      [`${label}: latency p50 / p99`, `${fmt(http.p50Ms, 2)} / ${fmt(http.p99Ms, 2)} ms`, ""],
      [
        `VmRSS: HTTP server started / ${http.sessions} sessions open / all closed`,
        `${fmt(http.rssMb.baseline)} / ${fmt(http.rssMb.open)} / ${fmt(http.rssMb.closed)} MB`,
        "",
      ],
    );
  }
  if (startup) rows.push(["tools/list result (JSON bytes)", fmt(startup.toolsListBytes.result, 0), ""]);
  rows.push([
    `dist/ (${dist.all.files} files; start-up loads ${dist.startup.files})`,
    `${fmt(dist.all.kb, 0)} KB (start-up ${fmt(dist.startup.kb, 0)} KB)`,
    "",
  ]);

  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length), 22)];
  console.log(`\n${env.cpu} (${env.cores} cores, ${env.memoryGb} GB), ${env.os}, Node ${env.node}\n`);
  console.log(`${"".padEnd(w[0])}  ${"cognito-identity-mcp".padEnd(w[1])}  baseline (plain server unless said)`);
  for (const [label, ours, base] of rows) console.log(`${label.padEnd(w[0])}  ${ours.padEnd(w[1])}  ${base}`);
  console.log("\nBudget, from this run:");
  for (const c of checks) console.log(`  ${c.pass ? "PASS" : "FAIL"}  ${c.line}. ${c.text.padEnd(58)} ${c.figure}`);
  if (floors.length) console.log("\nFloors (what no server on these parts can beat):");
  for (const f of floors) console.log(`  line ${f.line}: ${f.text.padEnd(52)} ${f.figure}`);

  const report = {
    date: new Date().toISOString(),
    quick,
    only,
    machine: env,
    plan,
    environment: Object.keys(awsEnv("")),
    results,
    budget: checks,
    floors,
  };
  await mkdir(path.join(root, "bench", "results"), { recursive: true });
  const out = path.join(root, "bench", "results", "latest.json");
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nFigures: ${path.relative(process.cwd(), out)}`);
  return checks.every((c) => c.pass) ? 0 : 1;
}

if (process.argv[2] === "--instant-endpoint") serveInstantEndpoint();
else
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`bench: ${error.stack ?? error}`);
      stopAll();
      process.exit(2);
    },
  );
