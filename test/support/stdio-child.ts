/**
 * The built server (dist/index.js) as a child process spoken to in raw frames: what a hostile
 * or broken MCP client would write on its stdin. Records every stdout line, stderr, and the
 * child's peak resident memory (VmRSS from /proc/PID/status).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { childEnv, fakeAwsEnv } from "./aws-env.js";

export interface JsonRpcLine {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

export interface ServerChild {
  child: ChildProcessWithoutNullStreams;
  /** Every complete stdout line, in order, as written. */
  readonly stdoutLines: string[];
  readonly stderr: string;
  /** Peak VmRSS seen so far, in MB (sampled every 25 ms). */
  readonly peakRssMb: number;
  /** VmRSS now, in MB (0 once the process is gone). */
  rssMb(): number;
  /** Writes one frame: an object is serialized, a string is written as is; a newline is added. */
  send(frame: object | string): Promise<void>;
  /** stdout lines parsed (a line that is not JSON throws: stdout must carry JSON-RPC alone). */
  messages(): JsonRpcLine[];
  /** Responses (result or error) with this id. */
  responses(id: unknown): JsonRpcLine[];
  /** Waits, at most timeoutMs, until `ready()` holds; false if it never did. */
  waitFor(ready: () => boolean, timeoutMs: number): Promise<boolean>;
  /** Resolves with the exit code, or "timeout" if the child has not exited within timeoutMs. */
  waitForExit(timeoutMs: number): Promise<number | null | "timeout">;
  readonly exited: boolean;
  /** Kills the child if it is still running (test clean-up). */
  kill(): Promise<void>;
}

export function spawnServer(args: string[] = [], env: Record<string, string> = {}): ServerChild {
  const child = spawn(process.execPath, ["dist/index.js", ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    env: childEnv({ ...fakeAwsEnv, ...env }),
  });
  const stdoutLines: string[] = [];
  let partial = "";
  let stderr = "";
  let peakKb = 0;
  let exitCode: number | null | undefined;
  const exit = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    partial += chunk;
    let newline: number;
    while ((newline = partial.indexOf("\n")) !== -1) {
      stdoutLines.push(partial.slice(0, newline));
      partial = partial.slice(newline + 1);
    }
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    // Bounded: a hostile frame may be echoed in an error message.
    if (stderr.length < 1_000_000) stderr += chunk;
  });
  // Writes after the child closed its stdin end fail with EPIPE; the test sees that through its assertions.
  child.stdin.on("error", () => {});

  const sample = (): number => {
    try {
      const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (match) {
        peakKb = Math.max(peakKb, Number(match[1]));
        return Number(match[1]);
      }
    } catch {
      // the process is gone
    }
    return 0;
  };
  const sampler = setInterval(sample, 25);
  void exit.then(() => clearInterval(sampler));

  const parse = (line: string): JsonRpcLine => JSON.parse(line) as JsonRpcLine;
  const self: ServerChild = {
    child,
    stdoutLines,
    get stderr() {
      return stderr;
    },
    get peakRssMb() {
      sample();
      return peakKb / 1024;
    },
    rssMb: () => sample() / 1024,
    get exited() {
      return exitCode !== undefined;
    },
    send: (frame) =>
      new Promise<void>((resolve) => {
        const text = (typeof frame === "string" ? frame : JSON.stringify(frame)) + "\n";
        if (child.stdin.write(text)) resolve();
        else child.stdin.once("drain", () => resolve());
      }),
    messages: () => stdoutLines.filter((l) => l.length).map(parse),
    responses: (id) =>
      stdoutLines
        .filter((l) => l.length)
        .map(parse)
        .filter((m) => m.method === undefined && ("result" in m || "error" in m) && m.id === id),
    async waitFor(ready, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          if (ready()) return true;
        } catch {
          // not yet parseable: keep waiting
        }
        if (Date.now() > deadline || exitCode !== undefined) {
          try {
            return ready();
          } catch {
            return false;
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async waitForExit(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
      const result = await Promise.race([exit, timeout]);
      clearTimeout(timer);
      return result;
    },
    async kill() {
      clearInterval(sampler);
      if (exitCode !== undefined) return;
      child.kill("SIGKILL");
      await exit;
    },
  };
  return self;
}

/** The MCP handshake, as a client opens a session; resolves once initialize is answered. */
export async function initialize(server: ServerChild, id: string | number = "init"): Promise<void> {
  await server.send({
    jsonrpc: "2.0",
    id,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "frames-test", version: "0" } },
  });
  const answered = await server.waitFor(() => server.responses(id).length === 1, 15_000);
  if (!answered) throw new Error(`initialize was not answered; stderr: ${server.stderr}`);
  await server.send({ jsonrpc: "2.0", method: "notifications/initialized" });
}

/** Whether a parsed stdout line is a JSON-RPC 2.0 message (request, notification or response). */
export function isJsonRpcMessage(m: JsonRpcLine): boolean {
  if (m === null || typeof m !== "object" || Array.isArray(m) || m.jsonrpc !== "2.0") return false;
  if (typeof m.method === "string") return true;
  const idOk = typeof m.id === "string" || typeof m.id === "number" || (m.id === null && "error" in m);
  const oneOf = "result" in m !== "error" in m;
  const errorOk =
    !("error" in m) || (typeof m.error?.code === "number" && Number.isInteger(m.error.code) && typeof m.error.message === "string");
  return idOk && oneOf && errorOk;
}
