// A bare JSON-RPC client over stdio (newline-delimited frames, no validation of its own), so what
// is timed is the server, not a client library's parsing. With the environment a server is given,
// the arguments of a create, and a process's VmRSS.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { exited, sleep, track } from "./processes.mjs";
import { root } from "./subjects.mjs";

export const protocolVersion = "2025-06-18";
const requestTimeoutMs = 60_000;
/**
 * What an MCP client passes a server (the SDK's StdioClientTransport: HOME, LOGNAME, PATH, SHELL,
 * TERM, USER), plus the AWS settings a user's configuration adds; never the bench's own NODE_*
 * variables, which change what starting Node costs.
 */
export const baseEnv = Object.fromEntries(
  ["HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER"].filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]),
);
export const awsEnv = (endpointUrl) => ({
  ...baseEnv,
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  AWS_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  AWS_ENDPOINT_URL: endpointUrl,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
});

export class Session {
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
export const createArgs = () => ({ IdentityPoolName: `bench_${process.pid}_${++poolCounter}`, AllowUnauthenticatedIdentities: true });

export const vmRssMb = (pid) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;
