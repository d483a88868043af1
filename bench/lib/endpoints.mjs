// The endpoints the server sends to: the instant loopback endpoint (lines 1-6 and HTTP) and
// moto_server (line 7, beside the AWS CLI).
import { spawn } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import path from "node:path";
import { exited, freePort, sleep, track } from "./processes.mjs";
import { root } from "./subjects.mjs";

/**
 * The instant endpoint, run as `node bench/run.mjs --instant-endpoint`: answers every
 * CreateIdentityPool at once with the request and an id (what AWS answers), nothing stored. A
 * child process, so its work never lands on the bench's event loop while it times a call.
 */
export function serveInstantEndpoint() {
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

export async function startInstantEndpoint() {
  const child = track(
    spawn(process.execPath, [path.join(root, "bench", "run.mjs"), "--instant-endpoint"], { stdio: ["pipe", "pipe", "inherit"] }),
  );
  const port = await new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim())));
    child.once("exit", (code) => reject(new Error(`the instant endpoint exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => (child.stdin.end(), exited(child)) };
}

export async function startMoto() {
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
