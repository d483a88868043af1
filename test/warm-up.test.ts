/**
 * Once the tools are listed, the built server loads and runs a call's code in the background
 * (src/server.ts), and says so on stderr. That warm-up, and dry runs, skeletons and version calls, must neither send a
 * request nor resolve credentials: the credential chain may reach the network (SSO, instance or
 * container metadata). Here the operator's credentials come from a container-credentials
 * endpoint on loopback, so resolving them shows as a request to it.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { spawnServer, type ServerChild } from "./support/stdio-child.js";

let aws: Recorder;
let credentials: Recorder;
let server: ServerChild;

beforeAll(async () => {
  aws = await startRecorder();
  credentials = await startRecorder({
    answer: () => ({
      body: {
        AccessKeyId: "ASIACONTAINER0000001",
        SecretAccessKey: "containerSecretThatIsNeverShown/0123456789",
        Token: "ContainerSessionToken",
        Expiration: new Date(Date.now() + 3_600_000).toISOString(),
      },
    }),
  });
  server = spawnServer([], {
    // Empty keys: the SDK's environment provider passes, and the chain goes on to the container endpoint.
    AWS_ACCESS_KEY_ID: "",
    AWS_SECRET_ACCESS_KEY: "",
    AWS_CONTAINER_CREDENTIALS_FULL_URI: `${credentials.url}/credentials`,
    AWS_ENDPOINT_URL: aws.url,
  });
});
afterAll(async () => {
  await server.kill();
  await aws.stop();
  await credentials.stop();
});

let nextId = 1;
async function request(method: string, params: object = {}) {
  const id = nextId++;
  await server.send({ jsonrpc: "2.0", id, method, params });
  expect(await server.waitFor(() => server.responses(id).length === 1, 20_000), `no answer to ${method}; stderr: ${server.stderr}`).toBe(
    true,
  );
  return server.responses(id)[0]!;
}
const call = (args: Record<string, unknown>) => request("tools/call", { name: "create_identity_pool", arguments: args });
const pool = { IdentityPoolName: "WarmUpPool", AllowUnauthenticatedIdentities: false };

it("neither sends a request nor resolves credentials before a call does", { timeout: 60_000 }, async () => {
  await request("initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "warm-up-test", version: "0" } });
  await server.send({ jsonrpc: "2.0", method: "notifications/initialized" });
  await request("tools/list");
  // The warm-up takes well under a second and says so on stderr.
  expect(await server.waitFor(() => server.stderr.includes("warm-up: call code and AWS SDK loaded"), 20_000), server.stderr).toBe(true);

  for (const args of [{ ...pool, generateCliSkeleton: "input" }, { ...pool, generateCliSkeleton: "output" }, { version: true }]) {
    const answer = await call(args);
    expect(answer.result?.isError, JSON.stringify(answer)).not.toBe(true);
  }
  expect(aws.count, "requests to the AWS endpoint before any call").toBe(0);
  expect(credentials.count, "credential requests before any call").toBe(0);

  // The first real call resolves the credentials, once, and sends the create signed with them.
  const created = await call(pool);
  expect(created.result?.isError, JSON.stringify(created)).not.toBe(true);
  expect(credentials.count).toBe(1);
  expect(aws.count).toBe(1);
  expect(aws.last?.headers.authorization).toContain("Credential=ASIACONTAINER0000001/");
});
