// HTTP (report only): many sessions at once over Streamable HTTP, their throughput, latency and
// memory.
import { spawn } from "node:child_process";
import { awsEnv, protocolVersion, vmRssMb } from "./client.mjs";
import { sleep, track } from "./processes.mjs";
import { root, serverArgs } from "./subjects.mjs";

/**
 * HTTP (report only): `--http` with `sessions` sessions open at once, each making `callsEach` dry
 * runs one after another; every answer is checked against the first. VmRSS with the sessions
 * open and after each is closed with DELETE; then SIGTERM, which must exit 0.
 */
export async function benchHttp(endpoint, sessions, callsEach) {
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
