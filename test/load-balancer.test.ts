/**
 * A real load balancer: nginx, run with deploy/nginx.conf as shipped (its ports and paths
 * replaced), in front of two replicas that share COGNITO_IDENTITY_MCP_STATE_KEY, against moto.
 * A 2026-07-28 client's requests go round-robin, its consent question and answer included; a
 * 2025-era client keeps its session on one replica. .ci/run installs nginx; without it under
 * CI=true this file fails.
 */
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

import { connectModernHttp } from "./support/modern-client.js";
import { startHttpCommand } from "./support/http-command.js";
import { motoClient, poolsNamed as namedPools } from "./support/moto-pools.js";
import { freePort, reportWhenMotoIsMissing } from "./support/moto.js";

const motoUrl = inject("motoUrl");
const token = "load-balancer-token-0123456789";
/** Debian puts nginx in /usr/sbin, which a non-root PATH may leave out. */
const nginx = ["nginx", "/usr/sbin/nginx"].find((command) => spawnSync(command, ["-v"], { stdio: "ignore" }).status === 0);
const nginxAvailable = nginx !== undefined;
if (!nginxAvailable && process.env.CI === "true") throw new Error("CI=true requires nginx (.ci/run installs Debian's nginx-light)");

/** deploy/nginx.conf with this test's ports, run in the foreground with its files under `prefix`; resolves once it listens. */
async function startNginx(listen: number, replicas: [number, number]): Promise<{ prefix: string; accessLog(): string[] }> {
  const prefix = mkdtempSync(path.join(tmpdir(), "mcp-nginx-"));
  onTestFinished(() => rmSync(prefix, { recursive: true, force: true }));
  const shipped = readFileSync("deploy/nginx.conf", "utf8");
  const conf = shipped
    .replaceAll("127.0.0.1:8765", `127.0.0.1:${replicas[0]}`)
    .replaceAll("127.0.0.1:8766", `127.0.0.1:${replicas[1]}`)
    .replaceAll("127.0.0.1:8080", `127.0.0.1:${listen}`);
  // Every address of the shipped file was replaced: nothing listens or proxies anywhere else.
  expect(conf).not.toMatch(/127\.0\.0\.1:(8765|8766|8080)\b/);
  writeFileSync(path.join(prefix, "nginx.conf"), conf);
  mkdirSync(path.join(prefix, "logs"));
  const child = spawn(
    nginx!,
    ["-p", `${prefix}/`, "-c", "nginx.conf", "-g", `daemon off; master_process off; pid ${prefix}/nginx.pid; error_log stderr;`],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
    const listening = await fetch(`http://127.0.0.1:${listen}/`).then(
      () => true,
      () => false,
    );
    if (listening) break;
    if (Date.now() > deadline) throw new Error(`nginx did not listen within 10 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    prefix,
    accessLog: () =>
      readFileSync(path.join(prefix, "logs", "mcp-access.log"), "utf8")
        .trim()
        .split("\n"),
  };
}

describe("nginx round-robin in front of two replicas (deploy/nginx.conf)", () => {
  reportWhenMotoIsMissing("the load balancer, against moto");
  if (!motoUrl) return;
  if (!nginxAvailable) {
    it("did not run: nginx is not installed (apt-get install nginx-light; .ci/run does)", () => expect(nginxAvailable).toBe(false));
    return;
  }
  const aws = motoClient(motoUrl);
  const poolsNamed = async (name: string) => (await namedPools(aws, name)).length;

  it("serves one 2026-07-28 client whose requests alternate between the replicas, consent included; a 2025 client keeps its session", async () => {
    const listen = await freePort();
    const ports: [number, number] = [await freePort(), await freePort()];
    const key = { COGNITO_IDENTITY_MCP_STATE_KEY: randomBytes(32).toString("base64") };
    const flags = (port: number) => [
      ...["--port", String(port), "--allow-hosts", `127.0.0.1:${listen}`],
      ...["--endpoint-url", motoUrl, "--region", "us-east-1", "--tools", "all", "--consent"],
    ];
    await Promise.all(ports.map((port) => startHttpCommand(token, flags(port), key)));
    const balancer = await startNginx(listen, ports);
    const url = `http://127.0.0.1:${listen}/mcp`;

    const modern = await connectModernHttp(url, token, { answer: "accept" });
    onTestFinished(() => modern.close());
    const name = `balanced-${randomBytes(4).toString("hex")}`;
    const created = await modern.call("create_identity_pool", { IdentityPoolName: name, AllowUnauthenticatedIdentities: false });
    expect(created.isError).toBeFalsy();
    const IdentityPoolId = (created.structuredContent as { IdentityPoolId: string }).IdentityPoolId;
    const described = await modern.call("describe_identity_pool", { IdentityPoolId });
    expect(described.structuredContent).toMatchObject({ IdentityPoolId, IdentityPoolName: name });
    const updated = await modern.call("update_identity_pool", {
      IdentityPoolId,
      IdentityPoolName: name,
      AllowUnauthenticatedIdentities: true,
    });
    expect(updated.isError).toBeFalsy();
    const deleted = await modern.call("delete_identity_pool", { IdentityPoolId });
    expect(deleted.isError).toBeFalsy();
    // Three writes, each asked once and done once.
    expect(modern.asked).toHaveLength(3);
    expect(await poolsNamed(name)).toBe(0);

    const calls = balancer.accessLog().filter((line) => line.includes("method=tools/call"));
    const upstreams = calls.map((line) => /upstream=(\S+)/.exec(line)![1]);
    expect(calls.every((line) => line.includes("era=stateless") && / 200 /.test(line))).toBe(true);
    // Round-robin: every call took both replicas, and each write's question and answer went to different ones.
    expect(new Set(upstreams).size).toBe(2);
    for (let i = 1; i < upstreams.length; i++) expect(upstreams[i]).not.toBe(upstreams[i - 1]);

    const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
    const legacy = new Client({ name: "legacy-behind-nginx", version: "0" });
    await legacy.connect(transport);
    onTestFinished(() => legacy.close());
    const listed = await legacy.callTool({ name: "list_identity_pools", arguments: { MaxResults: 5 } });
    expect(listed.isError).toBeFalsy();
    const sessionLines = balancer.accessLog().filter((line) => line.includes('"POST /mcp') && line.includes("era=sessions"));
    expect(sessionLines.length).toBeGreaterThanOrEqual(3);
    expect(new Set(sessionLines.map((line) => /upstream=(\S+)/.exec(line)![1])).size).toBe(1);
  });
});
