/** `cognito-identity-mcp --http` as an operator runs it: the built command, its flags and its controls. */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startHttpCommand } from "./support/http-command.js";
import { envelope, postModern } from "./support/modern-client.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { slowEndpoint } from "./support/slow-endpoint.js";
import { stopGraceEnvVar } from "../src/transports/shutdown.js";

const token = "test-token-0123456789abcdef";
let recorder: Recorder;
let url: string;
let stop: () => Promise<void>;

/** `node dist/index.js --http --port 0 --token … args` on 127.0.0.1; resolves once it serves. */
const startCommand = (args: string[], env: Record<string, string> = {}) => startHttpCommand(token, args, env);

beforeAll(async () => {
  recorder = await startRecorder();
  const command = await startCommand(["--endpoint-url", recorder.url, "--region", "us-east-1", "--max-writes-per-minute", "1"]);
  url = command.url;
  stop = async () => {
    command.signal("SIGTERM");
    await command.exited;
  };
});
afterAll(async () => {
  await stop();
  await recorder.stop();
});

async function session(withToken = true, at = url) {
  const client = new Client({ name: "t", version: "0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(at), { requestInit: { headers: withToken ? { authorization: `Bearer ${token}` } : {} } }),
  );
  return client;
}

describe("--http", () => {
  it("requires the token given with --token", async () => {
    await expect(session(false)).rejects.toThrow(/401|Unauthorized/);
  });

  it("holds --max-writes-per-minute for the whole process, across sessions", async () => {
    const [first, second] = [await session(), await session()];
    const created = await first.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "One", AllowUnauthenticatedIdentities: true },
    });
    const refused = await second.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "Two", AllowUnauthenticatedIdentities: true },
    });
    await Promise.all([first.close(), second.close()]);
    expect(created.isError).toBeFalsy();
    expect(refused.isError).toBe(true);
    expect((refused.content as { text: string }[])[0]!.text).toMatch(/allows 1 write per minute/);
    expect(recorder.requests.map((r) => (r.body as { IdentityPoolName: string }).IdentityPoolName)).toEqual(["One"]);
  });
});

describe("--http: SIGTERM and SIGINT stop in order", () => {
  const initialize = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "0" } },
  });
  const post = (at: string) =>
    fetch(at, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: initialize,
    });

  it("SIGTERM with a create in flight: its result reaches the client, new sessions get 503, the exit code is 0", async () => {
    const endpoint = await slowEndpoint(1000);
    const command = await startCommand(["--endpoint-url", endpoint.url, "--region", "us-east-1"]);
    onTestFinished(() => command.signal("SIGKILL"));
    const client = await session(true, command.url);
    onTestFinished(() => client.close().catch(() => {}));
    const call = client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "InFlightAtSigterm", AllowUnauthenticatedIdentities: false },
    });
    await expect.poll(() => endpoint.requests, { timeout: 10_000 }).toBe(1);
    command.signal("SIGTERM");
    await expect.poll(() => command.stderr, { timeout: 5000 }).toMatch(/SIGTERM: taking no new requests/);
    expect((await post(command.url)).status).toBe(503);
    const result = await call;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ IdentityPoolName: "InFlightAtSigterm", IdentityPoolId: expect.any(String) });
    expect(await command.exited).toBe(0);
    expect(command.stderr).toMatch(/stopped: 1 call\(s\) in flight finished/);
  });

  it(`SIGINT with a create that outlasts ${stopGraceEnvVar}: answered as outcome unknown, then exit 0`, async () => {
    const stalled = await slowEndpoint(null);
    const command = await startCommand(["--endpoint-url", stalled.url, "--region", "us-east-1"], { [stopGraceEnvVar]: "500" });
    onTestFinished(() => command.signal("SIGKILL"));
    const client = await session(true, command.url);
    onTestFinished(() => client.close().catch(() => {}));
    const call = client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "Stalled", AllowUnauthenticatedIdentities: false },
    });
    await expect.poll(() => stalled.requests, { timeout: 10_000 }).toBe(1);
    const started = Date.now();
    command.signal("SIGINT");
    const result = await call;
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toMatch(
      /^CreateIdentityPool failed: OutcomeUnknown: .*may or may not have been created.*"return-existing"/s,
    );
    expect(await command.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it(`the same for a 2026-07-28 client, which holds no session: its stalled create is answered as a complete result, outcome unknown`, async () => {
    const stalled = await slowEndpoint(null);
    const command = await startCommand(["--endpoint-url", stalled.url, "--region", "us-east-1"], { [stopGraceEnvVar]: "500" });
    onTestFinished(() => command.signal("SIGKILL"));
    const call = postModern(command.url, token, {
      id: 7,
      method: "tools/call",
      params: {
        name: "create_identity_pool",
        arguments: { IdentityPoolName: "Stalled", AllowUnauthenticatedIdentities: false },
        _meta: envelope(),
      },
    });
    await expect.poll(() => stalled.requests, { timeout: 10_000 }).toBe(1);
    command.signal("SIGTERM");
    const answer = await call;
    expect(answer.body.result).toMatchObject({ resultType: "complete", isError: true });
    expect(JSON.stringify(answer.body.result)).toMatch(
      /OutcomeUnknown: The server stopped \(SIGTERM\) before create_identity_pool finished/,
    );
    expect(await command.exited).toBe(0);
    expect(command.stderr).toMatch(/stopped: 0 call\(s\) in flight finished, 1 answered as unfinished/);
  });

  it("--max-sessions and --session-idle-minutes reach the server", async () => {
    const command = await startCommand(["--max-sessions", "1", "--session-idle-minutes", "0.01"]);
    onTestFinished(async () => void (command.signal("SIGTERM"), await command.exited));
    expect((await post(command.url)).status).toBe(200);
    const refused = await post(command.url);
    expect(refused.status).toBe(503);
    expect(await refused.text()).toMatch(/allows 1 session at once \(its operator's --max-sessions\)/);
    // 0.01 minutes: the idle session ends within a second or so, and makes room.
    await expect.poll(async () => (await post(command.url)).status, { timeout: 10_000, interval: 300 }).toBe(200);
  });
});
