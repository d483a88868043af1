#!/usr/bin/env node
/**
 * `npm run bench` (builds first): start-up, per-call cost and memory of the built server
 * (dist/index.js), side by side with baselines measured in the same run, interleaved
 * (A B A B …) so that the machine's drift hits every subject alike. A benchmark, not a test:
 * it prints a table, writes bench/results/latest.json, checks the budget of issue 8 as ratios
 * from this run, and exits 1 if a budget line fails.
 *
 *   node bench/run.mjs [--quick] [--only startup|calls|memory]
 *     --quick  fewer repetitions: a smoke run, its figures are noisier
 *     --only   one part: start-up alone (no moto or AWS CLI needed), the calls alone, or the
 *              calls' memory alone
 *
 * Needs moto_server (pip install 'moto[server]') and the AWS CLI v1 (`aws`) on PATH; it starts
 * moto on a free loopback port and stops it at the end.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
if (only !== undefined && !["startup", "calls", "memory"].includes(only)) {
  console.error("bench: --only takes startup, calls or memory");
  process.exit(2);
}
const plan = quick
  ? { startupRounds: 10, latencyPairs: 60, throughputRounds: 1, throughputCreates: 10, dryRunRounds: 2, dryRunCalls: 1000, inFlight: 8, memoryRounds: 1 }
  : { startupRounds: 40, latencyPairs: 300, throughputRounds: 3, throughputCreates: 30, dryRunRounds: 5, dryRunCalls: 2000, inFlight: 8, memoryRounds: 3 };
const warmUp = { startup: 3, latency: 20, dryRun: 200 };
const requestTimeoutMs = 30_000;

const budget = {
  startupVsNode: 2, // spawn → tools/list at most 2× `node -e 0`
  startupVsMinimal: 1, // … and no slower than a minimal SDK server
  callOverheadMs: 2, // create_identity_pool over a direct CreateIdentityPoolCommand, at the median
  throughputVsCli: 50, // creates through one (warm) MCP session vs AWS CLI v1 runs
  dryRunPerSecond: 2000,
  memoryGrowth: 1.2, // peak RSS after 1,000 calls / after 10
};

const serverBin = path.join(root, "dist", "index.js");
if (!existsSync(serverBin)) {
  console.error("bench: dist/index.js is missing: run `npm run build` first (`npm run bench` does).");
  process.exit(2);
}
/**
 * The server is started as its users start it: with the Node flags of `npm start`, which the
 * README's client configurations repeat (test/quick-start.test.ts checks that they agree).
 */
const startScript = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.start;
const launchFlags = /^node ((?:--\S+ )*)dist\/index\.js$/.exec(startScript)?.[1].trim().split(" ").filter(Boolean);
if (!launchFlags) {
  console.error(`bench: cannot read the Node flags from npm start (${JSON.stringify(startScript)}): expected "node [--flag …] dist/index.js"`);
  process.exit(2);
}
const serverArgs = [...launchFlags, serverBin];

// ---------------------------------------------------------------------------------------------
// Processes: everything this run starts is tracked and stopped, also on Ctrl-C.

const children = new Set();
function track(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}
function stopAll() {
  for (const child of children) child.kill("SIGKILL");
}
process.once("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });

const exited = (child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve)));

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

async function startMoto() {
  const port = await freePort();
  const child = track(spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "ignore", "pipe"] }));
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const failed = new Promise((_, reject) => child.once("error", reject));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await Promise.race([fetch(`${url}/moto-api/reset`, { method: "POST" }), failed]);
      if (res.ok) return { url, reset: () => fetch(`${url}/moto-api/reset`, { method: "POST" }), stop: () => (child.kill("SIGTERM"), exited(child)) };
    } catch (error) {
      if (error?.code === "ENOENT") throw new Error("moto_server is not installed (pip install 'moto[server]')");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`moto_server did not answer on ${url} within 30 s: ${stderr}`);
}

// ---------------------------------------------------------------------------------------------
// A bare JSON-RPC client over stdio: newline-delimited frames, no validation of its own, so
// what is timed is the server (the SDK's Client would add its zod parsing to every call).

const protocolVersion = "2025-06-18";
/**
 * Every process is started with this environment, not the bench's own: an MCP client passes a
 * server little of its environment (the SDK's StdioClientTransport: HOME, LOGNAME, PATH, SHELL,
 * TERM, USER), and variables such as NODE_EXTRA_CA_CERTS or NODE_OPTIONS change the cost of
 * starting Node itself. Start-up is also measured with the bench's own environment when it has
 * NODE_* variables (figures for information; the budget uses this one).
 */
const baseEnv = Object.fromEntries(["HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER"].filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
const nodeVariables = Object.keys(process.env).filter((k) => k.startsWith("NODE_"));

class Session {
  constructor(args, env = baseEnv) {
    this.child = track(spawn(process.execPath, args, { stdio: ["pipe", "pipe", "pipe"], env }));
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
        if (line.trim()) this.onFrame(JSON.parse(line));
      }
    });
    this.child.stderr.on("data", (chunk) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    this.child.stdin.on("error", () => {});
    this.child.once("exit", (code, signal) => {
      for (const { reject } of this.pending.values()) reject(new Error(`server exited (${code ?? signal}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  onFrame(frame) {
    const waiter = frame.id !== undefined && !frame.method ? this.pending.get(frame.id) : undefined;
    if (!waiter) return; // notifications (logging) are not timed
    this.pending.delete(frame.id);
    clearTimeout(waiter.timer);
    if (frame.error) waiter.reject(new Error(`${frame.error.code}: ${frame.error.message}`));
    else waiter.resolve(frame.result);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer within ${requestTimeoutMs} ms`));
      }, requestTimeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    });
  }

  notify(method, params) {
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method, params })}\n`);
  }

  /** What an MCP client does before it can call a tool: initialize, initialized, tools/list. */
  async handshake() {
    await this.request("initialize", { protocolVersion, capabilities: {}, clientInfo: { name: "bench", version: "1" } });
    this.notify("notifications/initialized");
    const listed = await this.request("tools/list", {});
    if (!Array.isArray(listed?.tools) || listed.tools.length === 0) throw new Error(`tools/list listed no tool: ${JSON.stringify(listed)}`);
    return listed.tools;
  }

  async callTool(name, args) {
    const result = await this.request("tools/call", { name, arguments: args });
    if (result.isError) throw new Error(`${name} failed: ${result.content?.map((c) => c.text).join("\n")}`);
    return result;
  }

  async close() {
    this.child.kill("SIGTERM");
    await exited(this.child);
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length };
}
const round = (value, digits = 1) => Number(value.toFixed(digits));
const fmt = (value, digits = 1) => value.toFixed(digits);
const range = (s, digits = 1) => `${fmt(s.min, digits)}–${fmt(s.max, digits)}`;
const progress = (message) => process.stderr.write(`bench: ${message}\n`);

// ---------------------------------------------------------------------------------------------
// 1. Start-up: spawn → tools/list answered

/** The minimal server and, as a floor, a module that only imports the SDK's protocol schemas (every SDK-based server loads them before answering). */
async function buildBaselines(dir) {
  const [{ build }, { sharedBundleOptions }] = await Promise.all([import("esbuild"), import("../scripts/lib/esbuild-options.mjs")]);
  await writeFile(path.join(dir, "sdk-types.mjs"), 'import "@modelcontextprotocol/sdk/types.js";\n');
  // ESM output in .js files: without a package.json saying so, Node would first try each file
  // as CommonJS.
  await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
  await build({
    entryPoints: { index: path.join(root, "bench", "minimal-server.mjs"), "sdk-types": path.join(dir, "sdk-types.mjs") },
    nodePaths: [path.join(root, "node_modules")],
    outdir: dir,
    ...sharedBundleOptions,
    logLevel: "warning",
  });
  return { minimalBin: path.join(dir, "index.js"), sdkTypesBin: path.join(dir, "sdk-types.js") };
}

async function startupOnce(subject, env) {
  const started = performance.now();
  if (!subject.mcp) {
    const child = track(spawn(process.execPath, subject.args, { stdio: "ignore", env }));
    await exited(child);
    if (child.exitCode !== 0) throw new Error(`${subject.label} exited with ${child.exitCode ?? child.signalCode}`);
    return performance.now() - started;
  }
  const session = new Session(subject.args, env);
  try {
    await session.handshake();
    return performance.now() - started;
  } finally {
    await session.close();
  }
}

async function benchStartup(minimalBin, sdkTypesBin) {
  const subjects = [
    { key: "node", label: "`node -e 0` (spawn → exit)", args: ["-e", "0"] },
    { key: "server", label: `cognito-identity-mcp (node ${serverArgs.map((a) => path.relative(root, a) || a).join(" ")})`, args: serverArgs, mcp: true },
    { key: "minimal", label: "minimal SDK McpServer, esbuild bundle", args: [minimalBin], mcp: true },
    { key: "sdkTypes", label: "import of the SDK's protocol schemas alone (spawn → exit)", args: [sdkTypesBin] },
  ];
  const envs = { clean: baseEnv };
  if (nodeVariables.length) envs.inherited = process.env;
  const runs = Object.keys(envs).flatMap((env) => subjects.map((subject) => ({ env, subject })));
  const times = new Map(runs.map((run) => [run, []]));
  for (let r = 0; r < warmUp.startup + plan.startupRounds; r++) {
    // Rotate the order too, so no subject always runs right after the same one.
    for (let i = 0; i < runs.length; i++) {
      const run = runs[(i + r) % runs.length];
      const ms = await startupOnce(run.subject, envs[run.env]);
      if (r >= warmUp.startup) times.get(run).push(ms);
    }
  }
  const result = {};
  for (const run of runs) (result[run.env] ??= {})[run.subject.key] = { label: run.subject.label, ms: stats(times.get(run)) };
  if (envs.inherited) result.inherited.variables = nodeVariables;
  return result;
}

// ---------------------------------------------------------------------------------------------
// 2.–5. Calls against moto

const awsEnv = (motoUrl) => ({
  ...baseEnv,
  AWS_ACCESS_KEY_ID: "x",
  AWS_SECRET_ACCESS_KEY: "y",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  AWS_ENDPOINT_URL: motoUrl,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
});

let poolCounter = 0;
const poolName = (prefix) => `bench_${prefix}_${process.pid}_${++poolCounter}`;
const createArgs = (prefix) => ({ IdentityPoolName: poolName(prefix), AllowUnauthenticatedIdentities: true });

async function benchCallLatency(moto) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const { CognitoIdentityClient, CreateIdentityPoolCommand } = await import("@aws-sdk/client-cognito-identity");
  const direct = new CognitoIdentityClient({ region: "us-east-1", endpoint: moto.url, credentials: { accessKeyId: "x", secretAccessKey: "y" } });
  const session = new Session(serverArgs, awsEnv(moto.url));
  const mcp = [];
  const sdk = [];
  try {
    await session.handshake();
    for (let i = 0; i < warmUp.latency + plan.latencyPairs; i++) {
      let started = performance.now();
      await session.callTool("create_identity_pool", createArgs("mcp"));
      const mcpMs = performance.now() - started;
      started = performance.now();
      await direct.send(new CreateIdentityPoolCommand(createArgs("sdk")));
      const sdkMs = performance.now() - started;
      if (i >= warmUp.latency) mcp.push(mcpMs), sdk.push(sdkMs);
    }
  } finally {
    await session.close();
    direct.destroy();
  }
  const paired = mcp.map((ms, i) => ms - sdk[i]);
  return { mcp: stats(mcp), direct: stats(sdk), overheadMs: stats(mcp).median - stats(sdk).median, pairedOverhead: stats(paired) };
}

function runCli(moto, name) {
  const env = { ...baseEnv, AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_DEFAULT_REGION: "us-east-1", AWS_CONFIG_FILE: "/dev/null" };
  const args = ["cognito-identity", "create-identity-pool", "--identity-pool-name", name, "--allow-unauthenticated-identities", "--endpoint-url", moto.url];
  return new Promise((resolve, reject) => {
    const child = track(spawn("aws", args, { env, stdio: ["ignore", "pipe", "pipe"] }));
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.once("error", (error) => reject(error.code === "ENOENT" ? new Error("the AWS CLI (`aws`) is not installed") : error));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`aws exited with ${code}: ${out}`))));
  });
}

async function benchThroughput(moto) {
  const n = plan.throughputCreates;
  const rounds = [];
  for (let r = 0; r < plan.throughputRounds; r++) {
    await moto.reset();
    // A: one fresh MCP session (spawn and handshake included), N creates one after another.
    const started = performance.now();
    const session = new Session(serverArgs, awsEnv(moto.url));
    let ready, firstMs, mcpMs;
    try {
      await session.handshake();
      ready = performance.now();
      await session.callTool("create_identity_pool", createArgs("tp"));
      firstMs = performance.now() - ready;
      for (let i = 1; i < n; i++) await session.callTool("create_identity_pool", createArgs("tp"));
      mcpMs = performance.now() - started;
    } finally {
      await session.close();
    }
    const mcpCallsMs = started + mcpMs - ready;
    const mcpSteadyMs = mcpCallsMs - firstMs;
    // B: N runs of the AWS CLI v1.
    const cliStarted = performance.now();
    for (let i = 0; i < n; i++) await runCli(moto, poolName("cli"));
    const cliMs = performance.now() - cliStarted;
    rounds.push({ mcpMs, mcpCallsMs, mcpSteadyMs, firstMs, cliMs });
    progress(`  round ${r + 1}/${plan.throughputRounds}: MCP ${fmt(mcpMs, 0)} ms (session start included), AWS CLI ${fmt(cliMs, 0)} ms`);
  }
  const perSecond = (ms, creates = n) => (creates * 1000) / ms;
  return {
    creates: n,
    mcpSteadyPerSecond: stats(rounds.map((x) => perSecond(x.mcpSteadyMs, n - 1))),
    mcpPerSecond: stats(rounds.map((x) => perSecond(x.mcpMs))),
    mcpCallsOnlyPerSecond: stats(rounds.map((x) => perSecond(x.mcpCallsMs))),
    firstCallMs: stats(rounds.map((x) => x.firstMs)),
    cliPerSecond: stats(rounds.map((x) => perSecond(x.cliMs))),
    cliMsPerRun: stats(rounds.map((x) => x.cliMs / n)),
  };
}

async function benchDryRun(moto) {
  const session = new Session(serverArgs, awsEnv(moto.url));
  const args = { IdentityPoolName: "bench_dry_run", AllowUnauthenticatedIdentities: true, generateCliSkeleton: "output", region: "us-east-1" };
  const rates = [];
  try {
    await session.handshake();
    const burst = async (calls) => {
      let issued = 0;
      const worker = async () => {
        while (issued < calls) {
          issued++;
          await session.callTool("create_identity_pool", args);
        }
      };
      await Promise.all(Array.from({ length: plan.inFlight }, worker));
    };
    await burst(warmUp.dryRun);
    for (let r = 0; r < plan.dryRunRounds; r++) {
      const started = performance.now();
      await burst(plan.dryRunCalls);
      rates.push((plan.dryRunCalls * 1000) / (performance.now() - started));
    }
  } finally {
    await session.close();
  }
  return { inFlight: plan.inFlight, callsPerRound: plan.dryRunCalls, perSecond: stats(rates) };
}

const memoryMarks = [10, 1000];
const readMemory = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return { peakMb: kb("VmHWM") / 1024, currentMb: kb("VmRSS") / 1024 };
};

/**
 * The reference for memory: a Node process that only sends CreateIdentityPoolCommand (the same
 * SDK, no MCP), run as `node bench/run.mjs --direct-sdk-child URL`; prints its peak RSS at each mark.
 */
async function directSdkChild(endpoint) {
  const { CognitoIdentityClient, CreateIdentityPoolCommand } = await import("@aws-sdk/client-cognito-identity");
  const client = new CognitoIdentityClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "x", secretAccessKey: "y" } });
  const marks = {};
  for (let i = 1; i <= memoryMarks.at(-1); i++) {
    await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: `bench_direct_${process.pid}_${i}`, AllowUnauthenticatedIdentities: true }));
    if (memoryMarks.includes(i)) marks[i] = readMemory(process.pid);
  }
  client.destroy();
  process.stdout.write(JSON.stringify(marks));
}

async function benchMemory(moto) {
  const rounds = [];
  for (let r = 0; r < plan.memoryRounds; r++) {
    // A: the server, 1,000 creates through one session.
    await moto.reset();
    const session = new Session(serverArgs, awsEnv(moto.url));
    const server = {};
    try {
      await session.handshake();
      server.start = readMemory(session.child.pid);
      for (let i = 1; i <= memoryMarks.at(-1); i++) {
        await session.callTool("create_identity_pool", createArgs("mem"));
        if (memoryMarks.includes(i)) server[i] = readMemory(session.child.pid);
      }
    } finally {
      await session.close();
    }
    // B: the same creates from a process using the SDK directly.
    await moto.reset();
    const child = track(spawn(process.execPath, [...launchFlags, fileURLToPath(import.meta.url), "--direct-sdk-child", moto.url], { env: awsEnv(moto.url), stdio: ["ignore", "pipe", "pipe"] }));
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    await exited(child);
    if (child.exitCode !== 0) throw new Error(`the direct-SDK process failed: ${err}`);
    rounds.push({ server, direct: JSON.parse(out) });
    progress(`  round ${r + 1}/${plan.memoryRounds}: peak RSS after 10 / 1,000 creates: server ${fmt(server[10].peakMb)} / ${fmt(server[1000].peakMb)} MB, direct SDK ${fmt(rounds.at(-1).direct[10].peakMb)} / ${fmt(rounds.at(-1).direct[1000].peakMb)} MB`);
  }
  const of = (who, mark) => stats(rounds.map((x) => x[who][mark].peakMb));
  return {
    peakAfterStartMb: of("server", "start"),
    peakAfter10Mb: of("server", 10),
    peakAfter1000Mb: of("server", 1000),
    rssAfter1000Mb: stats(rounds.map((x) => x.server[1000].currentMb)),
    growth: stats(rounds.map((x) => x.server[1000].peakMb / x.server[10].peakMb)),
    directPeakAfter10Mb: of("direct", 10),
    directPeakAfter1000Mb: of("direct", 1000),
    directGrowth: stats(rounds.map((x) => x.direct[1000].peakMb / x.direct[10].peakMb)),
  };
}

// ---------------------------------------------------------------------------------------------

function machine() {
  const packageVersion = (name) => {
    try {
      return JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      return "unknown";
    }
  };
  return {
    cpu: os.cpus()[0]?.model?.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    versions: {
      "cognito-identity-mcp": JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version,
      "@modelcontextprotocol/sdk": packageVersion("@modelcontextprotocol/sdk"),
      "@aws-sdk/client-cognito-identity": packageVersion("@aws-sdk/client-cognito-identity"),
      zod: packageVersion("zod"),
      esbuild: packageVersion("esbuild"),
    },
  };
}

async function main() {
  const env = machine();
  progress(`${env.cpu}, ${env.cores} cores, Node ${env.node}${quick ? " (--quick: fewer repetitions)" : ""}`);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "cognito-identity-mcp-bench-"));
  let moto;
  const results = {};
  try {
    if (only === undefined || only === "startup") {
      progress("building the baselines (minimal SDK server, SDK protocol schemas) into a temporary directory");
      const { minimalBin, sdkTypesBin } = await buildBaselines(tmp);
      progress(`start-up: ${plan.startupRounds} interleaved rounds (+${warmUp.startup} warm-up)`);
      results.startup = await benchStartup(minimalBin, sdkTypesBin);
    }
    if (only !== "startup") {
      moto = await startMoto();
      progress(`moto on ${moto.url}`);
    }
    if (only === undefined || only === "calls") {
      progress(`per-call latency: ${plan.latencyPairs} interleaved pairs (+${warmUp.latency} warm-up)`);
      results.callLatency = await benchCallLatency(moto);
      progress(`throughput: ${plan.throughputRounds} rounds of ${plan.throughputCreates} creates, MCP session vs AWS CLI v1`);
      results.throughput = await benchThroughput(moto);
      progress(`dry runs: ${plan.dryRunRounds} rounds of ${plan.dryRunCalls} calls, ${plan.inFlight} in flight`);
      results.dryRun = await benchDryRun(moto);
    }
    if (only === undefined || only === "calls" || only === "memory") {
      progress(`memory: ${plan.memoryRounds} rounds of 1,000 creates, server vs a direct-SDK process`);
      results.memory = await benchMemory(moto);
    }
  } finally {
    await moto?.stop();
    await rm(tmp, { recursive: true, force: true });
  }

  const { startup, callLatency, throughput, dryRun, memory } = results;
  const rows = [];
  const checks = [];
  if (startup) {
    const { clean, inherited } = startup;
    rows.push(
      ["Start-up, spawn → tools/list answered (client's default environment)"],
      ["`node -e 0` (spawn → exit)", clean.node.ms, "ms"],
      ["cognito-identity-mcp", clean.server.ms, "ms"],
      ["minimal SDK McpServer (esbuild bundle)", clean.minimal.ms, "ms"],
      ["SDK protocol schemas imported, nothing else (spawn → exit)", clean.sdkTypes.ms, "ms"],
    );
    if (inherited)
      rows.push(
        [`Start-up with the bench's own environment (${inherited.variables.join(", ")})`],
        ["`node -e 0` (spawn → exit)", inherited.node.ms, "ms"],
        ["cognito-identity-mcp", inherited.server.ms, "ms"],
        ["minimal SDK McpServer (esbuild bundle)", inherited.minimal.ms, "ms"],
        ["SDK protocol schemas imported, nothing else (spawn → exit)", inherited.sdkTypes.ms, "ms"],
      );
    checks.push(
      {
        line: "spawn → tools/list ≤ 2× `node -e 0`",
        value: clean.server.ms.median / clean.node.ms.median,
        pass: (v) => v <= budget.startupVsNode,
        limit: budget.startupVsNode,
        shown: (v) =>
          `${fmt(v, 2)}× (${fmt(clean.server.ms.median)} / ${fmt(clean.node.ms.median)} ms)` +
          (inherited ? `; own environment: ${fmt(inherited.server.ms.median / inherited.node.ms.median, 2)}×` : ""),
      },
      {
        line: "spawn → tools/list ≤ minimal SDK server",
        value: clean.server.ms.median / clean.minimal.ms.median,
        pass: (v) => v <= budget.startupVsMinimal,
        limit: budget.startupVsMinimal,
        shown: (v) =>
          `${fmt(v, 2)}× (${fmt(clean.server.ms.median)} / ${fmt(clean.minimal.ms.median)} ms)` +
          (inherited ? `; own environment: ${fmt(inherited.server.ms.median / inherited.minimal.ms.median, 2)}×` : ""),
      },
    );
  }
  if (callLatency) {
    rows.push(
      ["Calls against moto"],
      ["create_identity_pool via MCP (stdio), per call", callLatency.mcp, "ms"],
      ["CreateIdentityPoolCommand direct (same process), per call", callLatency.direct, "ms"],
      ["  paired difference (MCP − direct)", callLatency.pairedOverhead, "ms"],
      [`${throughput.creates} creates through one MCP session, after its first`, throughput.mcpSteadyPerSecond, "creates/s"],
      ["  its first call (loads the call code and the AWS SDK)", throughput.firstCallMs, "ms"],
      [`  all ${throughput.creates}, from tools/list answered`, throughput.mcpCallsOnlyPerSecond, "creates/s"],
      [`  all ${throughput.creates}, from spawn (session start included)`, throughput.mcpPerSecond, "creates/s"],
      [`${throughput.creates} runs of aws cognito-identity create-identity-pool`, throughput.cliPerSecond, "creates/s"],
      [`dry runs over one stdio session, ${dryRun.inFlight} in flight`, dryRun.perSecond, "calls/s"],
    );
    checks.push(
      {
        line: "tool-call overhead over direct SDK call ≤ 2 ms (medians)",
        value: callLatency.overheadMs,
        limit: budget.callOverheadMs,
        shown: (v) => `${fmt(v, 2)} ms (${fmt(callLatency.mcp.median, 2)} − ${fmt(callLatency.direct.median, 2)} ms)`,
        pass: (v) => v <= budget.callOverheadMs,
      },
      {
        // Per create, once the session is warm: its one-time costs are the start-up line (spawn
        // → tools/list) and the first call (loading the call code and the AWS SDK), shown apart.
        line: "per-create throughput ≥ 50× AWS CLI v1",
        value: throughput.mcpSteadyPerSecond.median / throughput.cliPerSecond.median,
        limit: budget.throughputVsCli,
        shown: (v) =>
          `${fmt(v, 0)}× (${fmt(throughput.mcpSteadyPerSecond.median)} / ${fmt(throughput.cliPerSecond.median, 2)} creates/s); ` +
          `all ${throughput.creates} from tools/list: ${fmt(throughput.mcpCallsOnlyPerSecond.median / throughput.cliPerSecond.median, 0)}×, from spawn: ${fmt(throughput.mcpPerSecond.median / throughput.cliPerSecond.median, 0)}×`,
        pass: (v) => v >= budget.throughputVsCli,
      },
      {
        line: "dry-run calls/s ≥ 2,000",
        value: dryRun.perSecond.median,
        limit: budget.dryRunPerSecond,
        shown: (v) => `${fmt(v, 0)}/s (${fmt(v / budget.dryRunPerSecond, 2)}× the floor)`,
        pass: (v) => v >= budget.dryRunPerSecond,
      },
    );
  }
  if (memory) {
    rows.push(
      ["Memory, 1,000 creates against moto"],
      ["peak RSS of the server after its handshake", memory.peakAfterStartMb, "MB"],
      ["peak RSS of the server after 10 creates", memory.peakAfter10Mb, "MB"],
      ["peak RSS of the server after 1,000 creates", memory.peakAfter1000Mb, "MB"],
      ["peak RSS, direct-SDK process, after 10 creates", memory.directPeakAfter10Mb, "MB"],
      ["peak RSS, direct-SDK process, after 1,000 creates", memory.directPeakAfter1000Mb, "MB"],
    );
    checks.push({
      line: "peak RSS after 1,000 calls ≤ 1.2× after 10",
      value: memory.peakAfter1000Mb.median / memory.peakAfter10Mb.median,
      limit: budget.memoryGrowth,
      shown: (v) =>
        `${fmt(v, 2)}× (${fmt(memory.peakAfter1000Mb.median)} / ${fmt(memory.peakAfter10Mb.median)} MB); direct SDK: ${fmt(memory.directPeakAfter1000Mb.median / memory.directPeakAfter10Mb.median, 2)}×`,
      pass: (v) => v <= budget.memoryGrowth,
    });
  }

  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${env.cpu} (${env.cores} cores, ${env.memoryGb} GB), ${env.os}, Node ${env.node}`);
  console.log(`${"".padEnd(width)}  ${"median".padStart(9)}  ${"min–max".padStart(17)}  ${"n".padStart(4)}`);
  for (const [label, s, unit] of rows) {
    if (!s) console.log(`\n${label}`);
    else console.log(`${label.padEnd(width)}  ${fmt(s.median, 2).padStart(9)}  ${range(s, 2).padStart(17)}  ${String(s.n).padStart(4)}  ${unit}`);
  }
  console.log("\nBudget (issue 8), ratios from this run:");
  const budgetResults = checks.map((c) => ({ line: c.line, value: round(c.value, 3), limit: c.limit, pass: c.pass(c.value), shown: c.shown(c.value) }));
  for (const b of budgetResults) console.log(`  ${b.pass ? "PASS" : "FAIL"}  ${b.line.padEnd(60)} ${b.shown}`);

  const report = { date: new Date().toISOString(), quick, only: only ?? null, machine: env, plan, warmUp, environment: Object.keys(baseEnv), results, budget: budgetResults };
  await mkdir(path.join(root, "bench", "results"), { recursive: true });
  const out = path.join(root, "bench", "results", "latest.json");
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nFigures: ${path.relative(process.cwd(), out)}`);
  return budgetResults.every((b) => b.pass) ? 0 : 1;
}

if (process.argv[2] === "--direct-sdk-child") {
  await directSdkChild(process.argv[3]);
} else {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`bench: ${error.stack ?? error}`);
      stopAll();
      process.exit(2);
    },
  );
}
