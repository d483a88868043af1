/**
 * The operator's credentials go only where the operator sends calls, and no credential ever
 * reaches a result, a log notification or stderr, even when an endpoint echoes it back.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LoggingMessageNotificationSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectAnswering, connectInMemory } from "./support/client.js";
import { isolateAwsEnvironment } from "./support/aws-env.js";
import { recordedPoolId, startRecorder, type Recorder } from "./support/recorder.js";
import { tempDir } from "./support/temp-dir.js";
import type { ServerConfig } from "../src/config.js";

// Credentials as a shared credentials file holds them (not the environment): the SDK resolves them.
const keyId = "ASIAFILEKEYID0000001";
const secret = "fileSecretKeyThatMustNeverAppear/0123456789";
const token = "FileSessionTokenThatMustNeverAppear+abcdefghijklmnopqrstuvwxyz==";

/** How the listener echoes what it was sent: in an error message, or in a created pool's tags. */
let mode: "error" | "tags" = "error";

/** A loopback listener that echoes the credentials it was sent, as `mode` says. */
function startEchoListener(): Promise<Recorder> {
  return startRecorder({
    answer: ({ headers, body }) => {
      const echoed = `${headers["x-amz-security-token"] ?? ""} ${headers.authorization ?? ""}`;
      if (mode === "error") return { status: 400, body: { __type: "ValidationException", message: `rejected ${echoed}` } };
      return {
        body: {
          ...(body ?? {}),
          IdentityPoolId: recordedPoolId,
          IdentityPoolTags: { token: String(headers["x-amz-security-token"]), [echoed.slice(0, 120)]: "key" },
        },
      };
    },
  });
}

/** The headers of each request the listener received. */
const seen = () => listener.requests.map((r) => r.headers);

const pool = { IdentityPoolName: "EchoPool", AllowUnauthenticatedIdentities: false };
let listener: Recorder;
const dir = tempDir("cim-credentials-");

beforeAll(async () => {
  listener = await startEchoListener();
  writeFileSync(
    join(dir, "credentials"),
    `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\naws_session_token = ${token}\n`,
  );
});
afterAll(() => listener.stop());

beforeEach(() => {
  // Credentials from the shared file alone, none in the environment.
  const restore = isolateAwsEnvironment({
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
  });
  listener.requests.length = 0;
  return restore;
});
afterEach(() => vi.restoreAllMocks());

/** One call with debug on; returns the result, the log notifications and what went to stderr. */
async function callWithDebug(config: ServerConfig, args: Record<string, unknown>) {
  const stderr: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void stderr.push(parts.map(String).join(" ")));
  const { client, close } = await connectInMemory({ region: "us-east-1", ...config });
  const logs: unknown[] = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push(n.params));
  await client.setLoggingLevel("debug");
  try {
    const result = (await client.callTool({
      name: "create_identity_pool",
      arguments: { ...pool, debug: true, ...args },
    })) as CallToolResult;
    await new Promise((r) => setTimeout(r, 50));
    return { result, logs, stderr: stderr.join("\n") };
  } finally {
    await close();
  }
}

function expectNoSecret(text: string) {
  for (const value of [keyId, secret, token]) expect(text).not.toContain(value);
}

describe("what a write carries between calls never holds a credential an endpoint echoed into the pool", () => {
  it("the consent question and a plan's confirm code (signed, not encrypted) mask the echoed session token", async () => {
    mode = "tags";
    const config: ServerConfig = { region: "us-east-1", endpointUrl: listener.url, tools: "all", confirmWrites: true, consent: true };
    const { client, asked, close } = await connectAnswering(config, "accept");
    try {
      const update = { IdentityPoolId: recordedPoolId, IdentityPoolName: "EchoPool", AllowUnauthenticatedIdentities: true };
      const plan = (await client.callTool({ name: "update_identity_pool", arguments: update })) as CallToolResult;
      const code = (plan.structuredContent as { confirm: string }).confirm;
      // The tags the listener answered with hold the real token (the pool read before the plan).
      expect(seen().at(-1)!["x-amz-security-token"]).toBe(token);
      const payload = Buffer.from(code.split(".")[1]!, "base64url").toString("utf8");
      expect(payload).toContain("[REDACTED]");
      expectNoSecret(payload);
      await client.callTool({ name: "update_identity_pool", arguments: { ...update, confirm: code } });
      expect(asked).toHaveLength(1);
      expect(asked[0]).toContain("[REDACTED]");
      expectNoSecret(asked[0]!);
    } finally {
      await close();
    }
  });
});

describe("an endpoint chosen by a call gets placeholder credentials", () => {
  for (const echo of ["error", "tags"] as const) {
    it(`never receives the operator's credentials (listener echoing them as ${echo === "error" ? "an error" : "a pool's tags"})`, async () => {
      mode = echo;
      const { result, logs, stderr } = await callWithDebug({}, { endpointUrl: listener.url });
      expect(seen()).toHaveLength(1);
      const [headers] = seen();
      expect(headers!["x-amz-security-token"]).toBeUndefined();
      expect(headers!.authorization).toMatch(/Credential=test\//);
      expectNoSecret(JSON.stringify(seen()));
      expectNoSecret(JSON.stringify(result) + JSON.stringify(logs) + stderr);
      expect(result._meta?.target).toMatchObject({ credentials: expect.stringMatching(/^placeholders/) });
    });
  }

  it("even when --allow-endpoints is *, which lets a call name any endpoint but not receive the credentials", async () => {
    mode = "tags";
    const { result } = await callWithDebug({ allowEndpoints: "*" }, { endpointUrl: listener.url });
    expect(result.isError).toBeFalsy();
    expect(seen()[0]!.authorization).toMatch(/Credential=test\//);
  });
});

describe("an endpoint the operator chose gets the operator's credentials, and nothing echoed shows", () => {
  // Set up when the test runs: the listener's port is known only then.
  const operatorChoices: [string, () => { config: ServerConfig; args: Record<string, unknown> }][] = [
    ["--endpoint-url", () => ({ config: { endpointUrl: listener.url }, args: {} })],
    ["AWS_ENDPOINT_URL_COGNITO_IDENTITY", () => ((process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY = listener.url), { config: {}, args: {} })],
    ["--allow-endpoints naming it", () => ({ config: { allowEndpoints: [listener.url] }, args: { endpointUrl: `${listener.url}/` } })],
  ];
  for (const [how, choose] of operatorChoices)
    for (const echo of ["error", "tags"] as const)
      it(`${how}: the credentials from the shared file are sent, and masked when echoed as ${echo === "error" ? "an error" : "tags"}`, async () => {
        mode = echo;
        const { config, args } = choose();
        const { result, logs, stderr } = await callWithDebug(config, args);
        // The secrets really travelled, so the masking below is what keeps them out.
        expect(seen()[0]!["x-amz-security-token"]).toBe(token);
        expect(Boolean(result.isError)).toBe(echo === "error");
        expect(JSON.stringify(result)).toContain("[REDACTED]");
        expect(logs.length).toBeGreaterThanOrEqual(2);
        expect(JSON.stringify(logs)).toContain("[REDACTED]");
        expectNoSecret(JSON.stringify(result) + JSON.stringify(logs) + stderr);
        expect(result._meta?.target).toMatchObject({ credentials: "profile" });
      });
});
