/** Connection and credentials: precedence, the operator's limits, timeouts, retries, TLS and debug output. */
import { execFileSync } from "node:child_process";
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { callOnce as call, connectStdio } from "./support/client.js";
import { fakeAwsEnv, isolateAwsEnvironment } from "./support/aws-env.js";
import { resultText as text } from "./support/results.js";
import { tempDir } from "./support/temp-dir.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { startFaultServer, type FaultServer } from "./support/fault-servers.js";
import { resolveConnection } from "../src/aws/connection.js";
import { createFileReader } from "../src/cli/parse-command-line.js";
import { credentialKind, describeFailure } from "../src/aws/failures.js";
import type { ServerConfig } from "../src/config.js";

const motoUrl = inject("motoUrl");
const pool = { IdentityPoolName: "ConnPool", AllowUnauthenticatedIdentities: false };

beforeEach(() => isolateAwsEnvironment({ AWS_REGION: undefined }));

/** Where a dry run says the call would go: region precedence, seen without any network. */
async function plannedRegion(config: ServerConfig, args: Record<string, unknown> = {}) {
  const result = await call({ endpointUrl: "http://127.0.0.1:9", ...config }, { ...pool, generateCliSkeleton: "output", ...args });
  expect(result.isError, text(result)).toBeFalsy();
  return (result.structuredContent as { dryRun: { target: { region: string } } }).dryRun.target.region;
}

describe("region precedence, as the AWS CLI's", () => {
  it("call > server flag > AWS_REGION > AWS_DEFAULT_REGION > the profile's region", async () => {
    const dir = tempDir("cim-config-");
    writeFileSync(join(dir, "config"), "[default]\nregion = ap-south-1\n[profile dev]\nregion = sa-east-1\n");
    process.env.AWS_CONFIG_FILE = join(dir, "config");
    expect(await plannedRegion({})).toBe("ap-south-1");
    expect(await plannedRegion({ profile: "dev" })).toBe("sa-east-1");
    process.env.AWS_DEFAULT_REGION = "eu-north-1";
    expect(await plannedRegion({ profile: "dev" })).toBe("eu-north-1");
    process.env.AWS_REGION = "eu-west-3";
    expect(await plannedRegion({})).toBe("eu-west-3");
    expect(await plannedRegion({ region: "us-west-1" })).toBe("us-west-1");
    expect(await plannedRegion({ region: "us-west-1" }, { region: "ca-central-1" })).toBe("ca-central-1");
  });

  it("explains a missing region instead of failing obscurely", async () => {
    // A port no other test uses: clients are cached per connection, and their region with them.
    const result = await call({ endpointUrl: "http://127.0.0.1:10" }, pool);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/region/i);
    expect(text(result)).toMatch(/AWS_REGION|--region/);
  });
});

describe("the operator decides what a call may change", () => {
  const base = { IdentityPoolName: "x", AllowUnauthenticatedIdentities: true };
  const reader = createFileReader(undefined);
  it.each([
    ["a region outside --allow-regions", { allowRegions: ["us-east-1"] }, { region: "eu-west-1" }, "--allow-regions eu-west-1"],
    ["another profile by default", {}, { profile: "prod" }, "--allow-profiles prod"],
    ["a profile outside --allow-profiles", { allowProfiles: ["dev"] }, { profile: "prod" }, "--allow-profiles prod"],
    ["an endpoint off loopback", {}, { endpointUrl: "https://example.com" }, "--allow-endpoints https://example.com"],
    ["noVerifySsl", {}, { noVerifySsl: true }, "--allow-no-verify-ssl"],
    ["noSignRequest", {}, { noSignRequest: true }, "--allow-no-sign-request"],
    ["a CA bundle without a files directory", {}, { caBundle: "/etc/ssl/certs/ca-certificates.crt" }, "--allow-files-from"],
  ] as [string, ServerConfig, Record<string, unknown>, string][])(
    "refuses %s, naming the flag that would allow it",
    async (_name, config, options, flag) => {
      const problems = resolveConnection(config, options, reader, {});
      expect(problems.ok).toBe(false);
      expect(JSON.stringify(problems)).toContain(flag);
      const recorder = await startRecorder();
      const result = await call({ endpointUrl: recorder.url, ...config }, { ...base, ...options });
      await recorder.stop();
      expect(result.isError).toBe(true);
      expect(text(result)).toContain(flag);
      expect(recorder.requests).toHaveLength(0);
    },
  );

  it.each([
    ["--region eu-west-1", { allowRegions: ["us-east-1"] }, "--allow-regions eu-west-1"],
    ["--profile prod", {}, "--allow-profiles prod"],
    ["--endpoint-url https://example.com", {}, "--allow-endpoints https://example.com"],
    ["--no-verify-ssl", {}, "--allow-no-verify-ssl"],
    ["--no-sign-request", {}, "--allow-no-sign-request"],
    ["--ca-bundle /etc/ssl/certs/ca-certificates.crt", {}, "--allow-files-from"],
  ] as [string, ServerConfig, string][])("refuses %s inside cliArgs just the same", async (option, config, flag) => {
    const recorder = await startRecorder();
    const result = await call(
      { endpointUrl: recorder.url, ...config },
      { cliArgs: `--identity-pool-name x --allow-unauthenticated-identities ${option}` },
    );
    await recorder.stop();
    expect(result.isError).toBe(true);
    expect(text(result)).toContain(flag);
    expect(recorder.requests).toHaveLength(0);
  });

  it("holds --allow-regions when an allowed profile brings another region", async () => {
    const dir = tempDir("cim-config-");
    writeFileSync(join(dir, "config"), "[profile prod]\nregion = eu-west-1\n");
    process.env.AWS_CONFIG_FILE = join(dir, "config");
    const recorder = await startRecorder();
    const result = await call(
      { endpointUrl: recorder.url, allowRegions: ["us-east-1"], allowProfiles: ["prod"] },
      { ...base, profile: "prod" },
    );
    await recorder.stop();
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("--allow-regions eu-west-1");
    expect(recorder.requests).toHaveLength(0);
  });

  it("allows what the operator allowed", () => {
    const ok = resolveConnection(
      { allowRegions: "*", allowProfiles: ["prod"], allowEndpoints: ["https://example.com"], allowNoVerifySsl: true },
      { region: "eu-west-1", profile: "prod", endpointUrl: "https://example.com/x", noVerifySsl: true },
      createFileReader(undefined),
      {},
    );
    expect(ok).toMatchObject({
      ok: true,
      value: { connection: { region: "eu-west-1", profile: "prod", endpointUrl: "https://example.com/x", noVerifySsl: true } },
    });
    expect(resolveConnection({}, { endpointUrl: "http://[::1]:4566" }, createFileReader(undefined), {}).ok).toBe(true);
    expect(resolveConnection({}, { endpointUrl: "http://localhost:4566" }, createFileReader(undefined), {}).ok).toBe(true);
  });
});

describe.runIf(motoUrl)("server defaults from the AWS environment, against moto", () => {
  it("AWS_ENDPOINT_URL_COGNITO_IDENTITY is honoured, and the result says where it went and with which credentials", async () => {
    process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY = motoUrl!;
    process.env.AWS_DEFAULT_REGION = "eu-west-2";
    const result = await call({}, pool);
    expect(result.isError, text(result)).toBeFalsy();
    expect((result.structuredContent as { IdentityPoolId: string }).IdentityPoolId).toMatch(/^eu-west-2:/);
    expect(result._meta?.target).toEqual({ region: "eu-west-2", endpoint: `${motoUrl}/`, profile: "default", credentials: "environment" });
    expect(text(result)).toMatch(/region eu-west-2.*credentials from environment/);
  });

  it("a profile from AWS_SHARED_CREDENTIALS_FILE is used and reported as a profile", async () => {
    const dir = tempDir("cim-creds-");
    writeFileSync(
      join(dir, "credentials"),
      "[ci]\naws_access_key_id = AKIAPROFILEEXAMPLE01\naws_secret_access_key = profile-secret-example-value\n",
    );
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    const result = await call({ endpointUrl: motoUrl!, region: "us-east-1", allowProfiles: ["ci"] }, { ...pool, profile: "ci" });
    expect(result.isError, text(result)).toBeFalsy();
    expect(result._meta?.target).toMatchObject({ profile: "ci", credentials: "profile" });
  });
});

describe("endpoint_url in the shared config file, which the SDK honours", () => {
  let recorder: Recorder;
  beforeAll(async () => (recorder = await startRecorder()));
  afterAll(() => recorder.stop());

  it("the dry run and the result both name it, as where the call goes", async () => {
    const dir = tempDir("cim-endpoint-config-");
    writeFileSync(join(dir, "config"), `[default]\nendpoint_url = ${recorder.url}\n`);
    process.env.AWS_CONFIG_FILE = join(dir, "config");
    // A region no other test uses: clients are cached per connection, and this one must read this config file.
    const region = "ap-south-2";
    const planned = await call({}, { ...pool, region, generateCliSkeleton: "output" });
    expect((planned.structuredContent as { dryRun: { target: { endpoint: string } } }).dryRun.target.endpoint).toBe(`${recorder.url}/`);
    expect(recorder.count).toBe(0);
    const result = await call({}, { ...pool, region });
    expect(result.isError, text(result)).toBeFalsy();
    expect(recorder.count).toBe(1);
    expect(result._meta?.target).toMatchObject({ region, endpoint: `${recorder.url}/` });
    expect(text(result)).toContain(`endpoint ${recorder.url}/`);
  });
});

describe("timeouts, refusals and retries against loopback fault servers", () => {
  let server: FaultServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("cliReadTimeout 2 ends a stalled create in about 2 s, as an unknown outcome after one attempt", async () => {
    server = await startFaultServer("stall");
    const started = Date.now();
    const result = await call({ endpointUrl: server.url, region: "us-east-1" }, { ...pool, cliReadTimeout: 2 });
    const seconds = (Date.now() - started) / 1000;
    expect(result.isError).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(1.9);
    expect(seconds).toBeLessThan(6);
    expect(text(result)).toMatch(/OutcomeUnknown/);
    expect(text(result)).toMatch(/may or may not have been created/);
    expect(text(result)).toMatch(/ifNameExists "return-existing"/);
    expect(text(result)).toMatch(/Attempts: 1/);
    expect(server.requests).toBe(1);
  });

  it("a reset connection is an unknown outcome too, never retried blindly", async () => {
    server = await startFaultServer("reset");
    const result = await call({ endpointUrl: server.url, region: "us-east-1" }, pool);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/OutcomeUnknown/);
    expect(server.requests).toBe(1);
  });

  it("a refused connection is a clear error, retried because nothing was sent", async () => {
    const result = await call({ endpointUrl: "http://127.0.0.1:9", region: "us-east-1" }, pool);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/ConnectionRefused/);
    expect(text(result)).toMatch(/Attempts: 3/);
  });

  it("500s are retried up to --max-attempts, and the error reports the attempts", async () => {
    server = await startFaultServer("500");
    const result = await call({ endpointUrl: server.url, region: "us-east-1", maxAttempts: 2 }, pool);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/InternalErrorException/);
    expect(text(result)).toMatch(/HTTP status: 500/);
    expect(text(result)).toMatch(/Attempts: 2/);
    expect(server.requests).toBe(2);
  });

  it("throttling is retried with backoff until it succeeds", async () => {
    server = await startFaultServer("throttle-then-ok");
    const started = Date.now();
    const result = await call({ endpointUrl: server.url, region: "us-east-1" }, pool);
    expect(result.isError, text(result)).toBeFalsy();
    expect(server.requests).toBe(3);
    expect(Date.now() - started).toBeGreaterThan(50);
  });

  it("maps an unresolvable host to a clear error", () => {
    const failure = describeFailure(Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.invalid"), { code: "ENOTFOUND" }));
    expect(failure).toMatchObject({ name: "HostNotFound" });
    expect(failure.hint).toMatch(/does not resolve/);
  });
});

describe("credential kinds are reported, never the keys", () => {
  it.each([
    [{ CREDENTIALS_ENV_VARS: "g" }, "environment"],
    [{ CREDENTIALS_PROFILE: "n" }, "profile"],
    [{ CREDENTIALS_PROFILE_SSO: "r", CREDENTIALS_SSO: "s" }, "SSO"],
    [{ CREDENTIALS_HTTP: "z" }, "container"],
    [{ CREDENTIALS_IMDS: "0" }, "instance metadata"],
  ])("%j is %s", (source, kind) => expect(credentialKind(source)).toBe(kind));
});

describe("TLS with a self-signed certificate made here", () => {
  const dir = tempDir("cim-tls-");
  let httpsUrl: string;
  let server: Recorder;
  beforeAll(async () => {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    server = await startRecorder({ tls: { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) } });
    httpsUrl = server.url;
  });
  afterAll(() => server.stop());

  it("fails verification without the CA bundle", async () => {
    const result = await call({ endpointUrl: httpsUrl, region: "us-east-1", maxAttempts: 1 }, pool);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/self[- ]signed|certificate/i);
  });

  it("verifies with caBundle read from the operator's allowed directory", async () => {
    const result = await call(
      { endpointUrl: httpsUrl, region: "us-east-1", allowFilesFrom: dir },
      { ...pool, caBundle: join(dir, "cert.pem") },
    );
    expect(result.isError, text(result)).toBeFalsy();
  });

  it("skips verification with noVerifySsl when the operator allows it", async () => {
    const result = await call({ endpointUrl: httpsUrl, region: "us-east-1", allowNoVerifySsl: true }, { ...pool, noVerifySsl: true });
    expect(result.isError, text(result)).toBeFalsy();
  });
});

describe("debug output without secrets", () => {
  let recorder: Recorder;
  beforeAll(async () => (recorder = await startRecorder()));
  afterAll(() => recorder.stop());

  it("logs request and response to stderr and as MCP log messages, with every secret redacted", async () => {
    const secret = "SECRETvalueThatMustNeverAppear1234567890";
    const token = "SESSIONtokenThatMustNeverAppear0987654321";
    const { client, transport, close } = await connectStdio(["--endpoint-url", recorder.url, "--region", "us-east-1"], {
      ...fakeAwsEnv,
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_SESSION_TOKEN: token,
    });
    let stderr = "";
    transport.stderr!.on("data", (c) => (stderr += c));
    const logs: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push(n.params));
    await client.setLoggingLevel("debug");
    const result = await client.callTool({ name: "create_identity_pool", arguments: { ...pool, debug: true } });
    await new Promise((r) => setTimeout(r, 200));
    await close();
    const everything = JSON.stringify(result) + JSON.stringify(logs) + stderr;
    expect(logs.length).toBeGreaterThanOrEqual(2);
    expect(stderr).toMatch(/\[debug\].*"message":"request"/);
    expect(stderr).toMatch(/\[debug\].*"message":"response"/);
    expect(everything).toContain("[REDACTED]");
    // Bodies as the JSON text that went over the wire, both ways.
    const [requestLog, responseLog] = logs.map((l) => (l as { data: { message: string; body: unknown } }).data);
    expect(requestLog).toMatchObject({ message: "request", body: expect.stringContaining('"IdentityPoolName":"ConnPool"') });
    expect(responseLog).toMatchObject({ message: "response", body: { IdentityPoolName: "ConnPool", IdentityPoolId: expect.any(String) } });
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(fakeAwsEnv.AWS_ACCESS_KEY_ID);
    expect(recorder.requests[0]!.headers["x-amz-security-token"]).toBe(token);
  });
});
