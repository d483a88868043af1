/**
 * The operator's credentials go only where the operator sends calls, and no credential ever
 * reaches a result, a log notification or stderr, even when an endpoint echoes it back.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LoggingMessageNotificationSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectInMemory, isolateAwsEnvironment } from "./support/client.js";
import { listen } from "../src/listen.js";
import type { ServerConfig } from "../src/config.js";

// Credentials as a shared credentials file holds them (not the environment): the SDK resolves them.
const keyId = "ASIAFILEKEYID0000001";
const secret = "fileSecretKeyThatMustNeverAppear/0123456789";
const token = "FileSessionTokenThatMustNeverAppear+abcdefghijklmnopqrstuvwxyz==";

/** A loopback listener that echoes what it was sent: in an error message, or in a created pool's tags. */
interface EchoListener {
  url: string;
  seen: IncomingHttpHeaders[];
  mode: "error" | "tags";
  close(): Promise<void>;
}

async function startEchoListener(): Promise<EchoListener> {
  const listener: Partial<EchoListener> & { seen: IncomingHttpHeaders[]; mode: EchoListener["mode"] } = { seen: [], mode: "error" };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      listener.seen.push(req.headers);
      const echoed = `${req.headers["x-amz-security-token"] ?? ""} ${req.headers.authorization ?? ""}`;
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      res.writeHead(listener.mode === "error" ? 400 : 200, { "content-type": "application/x-amz-json-1.1" });
      res.end(
        JSON.stringify(
          listener.mode === "error"
            ? { __type: "ValidationException", message: `rejected ${echoed}` }
            : { ...body, IdentityPoolId: "us-east-1:11111111-2222-3333-4444-555555555555", IdentityPoolTags: { token: String(req.headers["x-amz-security-token"]), [echoed.slice(0, 120)]: "key" } },
        ),
      );
    });
  });
  const { port } = await listen(server, 0, "127.0.0.1");
  return Object.assign(listener, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  }) as EchoListener;
}

const pool = { IdentityPoolName: "EchoPool", AllowUnauthenticatedIdentities: false };
let listener: EchoListener;
let dir: string;

beforeAll(async () => {
  listener = await startEchoListener();
  dir = mkdtempSync(join(tmpdir(), "cim-credentials-"));
  writeFileSync(join(dir, "credentials"), `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\naws_session_token = ${token}\n`);
});
afterAll(async () => {
  await listener.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  const restore = isolateAwsEnvironment({ AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials") });
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
  listener.seen.length = 0;
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
    const result = (await client.callTool({ name: "create_identity_pool", arguments: { ...pool, debug: true, ...args } })) as CallToolResult;
    await new Promise((r) => setTimeout(r, 50));
    return { result, logs, stderr: stderr.join("\n") };
  } finally {
    await close();
  }
}

function expectNoSecret(text: string) {
  for (const value of [keyId, secret, token]) expect(text).not.toContain(value);
}

describe("an endpoint chosen by a call gets placeholder credentials", () => {
  for (const mode of ["error", "tags"] as const) {
    it(`never receives the operator's credentials (listener echoing them as ${mode === "error" ? "an error" : "a pool's tags"})`, async () => {
      listener.mode = mode;
      const { result, logs, stderr } = await callWithDebug({}, { endpointUrl: listener.url });
      expect(listener.seen).toHaveLength(1);
      const [headers] = listener.seen;
      expect(headers!["x-amz-security-token"]).toBeUndefined();
      expect(headers!.authorization).toMatch(/Credential=test\//);
      expectNoSecret(JSON.stringify(listener.seen));
      expectNoSecret(JSON.stringify(result) + JSON.stringify(logs) + stderr);
      expect(result._meta?.target).toMatchObject({ credentials: expect.stringMatching(/^placeholders/) });
    });
  }

  it("even when --allow-endpoints is *, which lets a call name any endpoint but not receive the credentials", async () => {
    listener.mode = "tags";
    const { result } = await callWithDebug({ allowEndpoints: "*" }, { endpointUrl: listener.url });
    expect(result.isError).toBeFalsy();
    expect(listener.seen[0]!.authorization).toMatch(/Credential=test\//);
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
    for (const mode of ["error", "tags"] as const)
      it(`${how}: the credentials from the shared file are sent, and masked when echoed as ${mode === "error" ? "an error" : "tags"}`, async () => {
        listener.mode = mode;
        const { config, args } = choose();
        const { result, logs, stderr } = await callWithDebug(config, args);
        // The secrets really travelled, so the masking below is what keeps them out.
        expect(listener.seen[0]!["x-amz-security-token"]).toBe(token);
        expect(Boolean(result.isError)).toBe(mode === "error");
        expect(JSON.stringify(result)).toContain("[REDACTED]");
        expect(logs.length).toBeGreaterThanOrEqual(2);
        expect(JSON.stringify(logs)).toContain("[REDACTED]");
        expectNoSecret(JSON.stringify(result) + JSON.stringify(logs) + stderr);
        expect(result._meta?.target).toMatchObject({ credentials: "profile" });
      });
});
