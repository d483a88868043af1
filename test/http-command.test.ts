/** `cognito-identity-mcp --http` as an operator runs it: the built command, its flags and its controls. */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { childEnv, fakeAwsEnv } from "./support/aws-env.js";
import { startRecorder, type Recorder } from "./support/recorder.js";

const token = "test-token-0123456789abcdef";
let recorder: Recorder;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  recorder = await startRecorder();
  const child = spawn(
    process.execPath,
    [
      "dist/index.js",
      "--http",
      "--port",
      "0",
      "--token",
      token,
      "--endpoint-url",
      recorder.url,
      "--region",
      "us-east-1",
      "--max-writes-per-minute",
      "1",
    ],
    {
      env: childEnv(fakeAwsEnv),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      const found = /serving Streamable HTTP on (\S+)/.exec(stderr);
      if (found) resolve(found[1]!);
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  stop = () => new Promise((resolve) => (child.once("exit", () => resolve()), child.kill("SIGTERM")));
});
afterAll(async () => {
  await stop();
  await recorder.stop();
});

async function session(withToken = true) {
  const client = new Client({ name: "t", version: "0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: withToken ? { authorization: `Bearer ${token}` } : {} } }),
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
