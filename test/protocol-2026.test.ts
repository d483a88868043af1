/**
 * MCP 2026-07-28 beside 2025-11-25, in one process, over stdio and HTTP: a client pinned to
 * 2026-07-28 (the SDK v2 client) and a 2025-11-25 client (the SDK v1 client) get the same results
 * from every tool; consent reaches the user through input_required; HTTP serves 2026 requests
 * statelessly; the revision's duties (cache hints, error codes, no ping, JSON Schema 2020-12,
 * logging only when asked for).
 */
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { randomBytes } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/client";
import { CreateIdentityPoolCommand, UpdateIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
import { connectStdio } from "./support/client.js";
import { connectModernHttp, connectModernStdio, envelope, postModern, sendModern } from "./support/modern-client.js";
import { startHttpCommand } from "./support/http-command.js";
import { fakeAwsEnv } from "./support/aws-env.js";
import { motoClient, poolsNamed as namedPools } from "./support/moto-pools.js";
import { reportWhenMotoIsMissing } from "./support/moto.js";
import { tools as registry } from "../src/tools/index.js";

const motoUrl = inject("motoUrl");
const token = "protocol-test-token-0123456789";
const sandbox = ["--sandbox", "--tools", "all"];

type Call = (name: string, args: Record<string, unknown>) => Promise<CallToolResult>;

/** Every tool once, through a pool's life, as one client would call them; returns each result. */
async function lifecycle(call: Call, name: string): Promise<CallToolResult[]> {
  const results: CallToolResult[] = [];
  const step = async (tool: string, args: Record<string, unknown>) => {
    const result = await call(tool, args);
    results.push(result);
    return result;
  };
  const created = await step("create_identity_pool", { IdentityPoolName: name, AllowUnauthenticatedIdentities: false });
  const IdentityPoolId = (created.structuredContent as { IdentityPoolId: string }).IdentityPoolId;
  await step("describe_identity_pool", { IdentityPoolId });
  await step("list_identity_pools", { MaxResults: 10 });
  await step("update_identity_pool", { IdentityPoolId, IdentityPoolName: name, AllowUnauthenticatedIdentities: true, dryRun: true });
  await step("update_identity_pool", { IdentityPoolId, IdentityPoolName: name, AllowUnauthenticatedIdentities: true });
  await step("set_identity_pool_roles", { IdentityPoolId, Roles: { authenticated: "arn:aws:iam::123456789012:role/Signed-in" } });
  await step("get_identity_pool_roles", { IdentityPoolId, output: "text" });
  await step("create_identity_pool", { IdentityPoolName: "", AllowUnauthenticatedIdentities: "no" });
  await step("delete_identity_pool", { IdentityPoolId });
  await step("describe_identity_pool", { IdentityPoolId });
  return results;
}

/** A result with what differs from run to run made alike: ids, request ids, loopback ports, the server's identity stamp. */
function normalized(result: CallToolResult): string {
  const { _meta, ...rest } = result as CallToolResult & { _meta?: Record<string, unknown> };
  const { ["io.modelcontextprotocol/serverInfo"]: _serverInfo, ...meta } = _meta ?? {};
  return JSON.stringify({ ...rest, _meta: meta })
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "UUID")
    .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT");
}

describe("every tool, both revisions, the same results", () => {
  it("stdio: a client pinned to 2026-07-28 and a 2025-11-25 client each walk a pool through every tool", async () => {
    const modern = await connectModernStdio(sandbox, fakeAwsEnv);
    onTestFinished(() => modern.close());
    const legacy = await connectStdio(sandbox, fakeAwsEnv);
    onTestFinished(() => legacy.close());
    const byModern = await lifecycle(modern.call, "eras");
    const byLegacy = await lifecycle(
      async (name, args) => (await legacy.client.callTool({ name, arguments: args })) as CallToolResult,
      "eras",
    );
    expect(byModern.map(normalized)).toEqual(byLegacy.map(normalized));
    // Successes carry structuredContent and its text copy; the last describe failed, as the pool is gone.
    expect(byModern[0]!.structuredContent).toMatchObject({ IdentityPoolName: "eras" });
    expect(byModern[0]!.content[0]).toMatchObject({ type: "text", text: expect.stringContaining('"IdentityPoolName": "eras"') });
    expect(byModern.at(-1)!.isError).toBe(true);
    expect(byModern.at(-3)!.isError).toBe(true);
  });

  it("HTTP: one server process serves a 2026-07-28 client statelessly and a 2025-11-25 client in a session, with the same results", async () => {
    const server = await startHttpCommand(token, sandbox);
    const modern = await connectModernHttp(server.url, token);
    onTestFinished(() => modern.close());
    const transport = new StreamableHTTPClientTransport(new URL(server.url), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    });
    const legacy = new Client({ name: "legacy-test", version: "0" });
    await legacy.connect(transport);
    onTestFinished(() => legacy.close());
    expect(transport.sessionId).toBeTruthy();
    const byModern = await lifecycle(modern.call, "eras-http");
    const byLegacy = await lifecycle(
      async (name, args) => (await legacy.callTool({ name, arguments: args })) as CallToolResult,
      "eras-http",
    );
    expect(byModern.map(normalized)).toEqual(byLegacy.map(normalized));
  });
});

describe("2026-07-28 over HTTP: stateless, and the revision's duties", () => {
  it("no session id is minted or needed; tools/list and server/discover carry cache hints; ping is gone; errors stay out of -32000..-32019", async () => {
    const server = await startHttpCommand(token, sandbox);
    const discover = await sendModern(server.url, token, { id: 1, method: "server/discover", params: { _meta: envelope() } });
    expect(discover.status).toBe(200);
    expect(discover.headers.get("mcp-session-id")).toBeNull();
    const discovered = (await discover.json()) as { result: Record<string, unknown> };
    expect(discovered.result).toMatchObject({ supportedVersions: ["2026-07-28"], ttlMs: 86_400_000, cacheScope: "public" });

    const list = await postModern(server.url, token, { id: 2, method: "tools/list", params: { _meta: envelope() } });
    expect(list.body.result).toMatchObject({ resultType: "complete", ttlMs: 86_400_000, cacheScope: "public" });
    const tools = list.body.result!.tools as {
      name: string;
      inputSchema: Record<string, unknown>;
      outputSchema: Record<string, unknown>;
    }[];
    expect(tools).toHaveLength(registry.length);
    // JSON Schema 2020-12, the revision's default dialect: no $schema naming another, none of draft-07's own keywords.
    const schemas = JSON.stringify(tools.map((tool) => [tool.inputSchema, tool.outputSchema]));
    expect(schemas).not.toMatch(/"\$schema"|"definitions"|"items":\[|"additionalItems"|"dependencies"/);

    const ping = await postModern(server.url, token, { id: 3, method: "ping", params: { _meta: envelope() } });
    expect(ping.body.error?.code).toBe(-32601);

    const malformed = await postModern(server.url, token, { id: 4, method: "tools/call", params: { arguments: {}, _meta: envelope() } });
    expect(malformed.body.error?.code).toBe(-32602);

    // The body limit's answer, like every error this server makes itself.
    const oversized = await fetch(server.url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "mcp-protocol-version": "2026-07-28" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 5, method: "tools/list", params: { _meta: envelope(), pad: "x".repeat(1_100_000) } }),
    });
    expect(oversized.status).toBe(413);
    const error = ((await oversized.json()) as { error: { code: number } }).error;
    expect(error.code).toBe(-32600);
    for (const code of [ping.body.error!.code, malformed.body.error!.code, error.code]) expect(code < -32019 || code > -32000).toBe(true);
  });

  it("debug output reaches a 2026-07-28 client in the result unless it asks for a log level, then as notifications", async () => {
    const server = await startHttpCommand(token, sandbox);
    const args = {
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "logged", AllowUnauthenticatedIdentities: false, debug: true },
    };
    const plain = await postModern(server.url, token, { id: 1, method: "tools/call", params: { ...args, _meta: envelope() } });
    const texts = (plain.body.result!.content as { text: string }[]).map((block) => block.text);
    expect(texts.at(-1)).toMatch(/^Debug log \(\d+ entries; this client asked for no log notifications\):\n\{"message":"request"/);
    expect(texts.join("\n")).not.toContain(fakeAwsEnv.AWS_SECRET_ACCESS_KEY);

    const asked = await sendModern(server.url, token, {
      id: 2,
      method: "tools/call",
      params: { ...args, _meta: envelope({}, { "io.modelcontextprotocol/logLevel": "debug" }) },
    });
    const stream = await asked.text();
    const events = [...stream.matchAll(/^data: (.*)$/gm)].map(
      (match) => JSON.parse(match[1]!) as { method?: string; result?: CallToolResult },
    );
    expect(events.filter((event) => event.method === "notifications/message").length).toBeGreaterThanOrEqual(2);
    const result = events.at(-1)!.result!;
    expect(result.content.map((block) => (block as { text: string }).text).join("\n")).not.toContain("Debug log");
  });
});

describe("consent through input_required", () => {
  reportWhenMotoIsMissing("consent through input_required, against moto");
  if (!motoUrl) return;
  const aws = motoClient(motoUrl);
  const poolsNamed = async (name: string) => (await namedPools(aws, name)).length;
  const against = ["--endpoint-url", motoUrl, "--region", "us-east-1", "--consent", "--tools", "all"];
  const created = (name: string) => ({ IdentityPoolName: name, AllowUnauthenticatedIdentities: false });
  const unique = (what: string) => `${what}-${randomBytes(4).toString("hex")}`;

  it("stdio: the user is asked inside the call; accepted, the pool is created once; declined, nothing is sent", async () => {
    const accepting = await connectModernStdio(against, fakeAwsEnv, "accept");
    onTestFinished(() => accepting.close());
    const yes = unique("consent-yes");
    const result = await accepting.call("create_identity_pool", created(yes));
    expect(result.isError).toBeFalsy();
    expect(accepting.asked).toEqual([expect.stringContaining(`Create the Amazon Cognito identity pool "${yes}"?`)]);
    expect(await poolsNamed(yes)).toBe(1);

    const declining = await connectModernStdio(against, fakeAwsEnv, "decline");
    onTestFinished(() => declining.close());
    const no = unique("consent-no");
    const refused = await declining.call("create_identity_pool", created(no));
    expect(refused.isError).toBe(true);
    expect(refused.content[0]).toMatchObject({ text: expect.stringMatching(/Not done: the user declined create_identity_pool/) });
    expect(await poolsNamed(no)).toBe(0);
  });

  it("an answer about a pool that changed meanwhile is not taken: the user is asked again, with what the update would do now", async () => {
    const name = unique("stale");
    const { IdentityPoolId } = await aws.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: name, AllowUnauthenticatedIdentities: false }),
    );
    // While the user reads the first question, another writer changes the pool; then the user accepts.
    const user = async (question: string) => {
      if (!question.startsWith("Asked again"))
        await aws.send(new UpdateIdentityPoolCommand({ IdentityPoolId, IdentityPoolName: name, AllowUnauthenticatedIdentities: true }));
      return "accept" as const;
    };
    const client = await connectModernStdio(against, fakeAwsEnv, user);
    onTestFinished(() => client.close());
    const result = await client.call("update_identity_pool", {
      IdentityPoolId,
      IdentityPoolName: name,
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: "stale.example",
    });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect(client.asked).toHaveLength(2);
    expect(client.asked[0]).toMatch(/DeveloperProviderName: set to "stale.example"/);
    expect(client.asked[0]).not.toMatch(/AllowUnauthenticatedIdentities/);
    // The second question shows the other writer's change, which this update reverts.
    expect(client.asked[1]).toMatch(/^Asked again: the pool or the request changed since the last question\./);
    expect(client.asked[1]).toMatch(/AllowUnauthenticatedIdentities: true → false/);
    expect(result.structuredContent).toMatchObject({ AllowUnauthenticatedIdentities: false, DeveloperProviderName: "stale.example" });
  });

  it("a client that cannot be asked is refused with the capability it lacks (-32021, HTTP 400), and nothing is sent", async () => {
    const server = await startHttpCommand(token, against);
    const mute = await connectModernHttp(server.url, token);
    onTestFinished(() => mute.close());
    const name = unique("consent-mute");
    await expect(mute.call("create_identity_pool", created(name))).rejects.toMatchObject({
      code: -32021,
      message: expect.stringMatching(/does not support elicitation, so the user cannot be asked/),
    });
    const raw = await postModern(server.url, token, {
      id: 1,
      method: "tools/call",
      params: { name: "create_identity_pool", arguments: created(name), _meta: envelope() },
    });
    expect(raw.status).toBe(400);
    expect(raw.body.error).toMatchObject({ code: -32021, data: { requiredCapabilities: { elicitation: {} } } });
    // A dry run (for create, the output skeleton) needs no one's consent.
    const dryRun = await mute.call("create_identity_pool", { ...created(name), generateCliSkeleton: "output" });
    expect(dryRun.isError, JSON.stringify(dryRun.content)).toBeFalsy();
    expect(await poolsNamed(name)).toBe(0);
  });

  it("two replicas sharing COGNITO_IDENTITY_MCP_STATE_KEY serve one client whose rounds alternate between them; a replayed answer is refused", async () => {
    const key = { COGNITO_IDENTITY_MCP_STATE_KEY: randomBytes(32).toString("base64") };
    const [a, b] = await Promise.all([startHttpCommand(token, against, key), startHttpCommand(token, against, key)]);
    const replicas = [a.url, b.url];
    const served: string[] = [];
    const sent: string[] = [];
    let next = 0;
    // Round robin, as a load balancer would: each request to the next replica.
    const roundRobin = (_url: string | URL, init?: RequestInit) => {
      const replica = replicas[next++ % 2]!;
      if (typeof init?.body === "string" && init.body.includes('"tools/call"')) {
        served.push(replica);
        sent.push(init.body);
      }
      return fetch(replica, init);
    };
    const client = await connectModernHttp(a.url, token, { answer: "accept", fetch: roundRobin });
    onTestFinished(() => client.close());
    const name = unique("replicas");
    const result = await client.call("create_identity_pool", created(name));
    expect(result.isError).toBeFalsy();
    expect(client.asked).toHaveLength(1);
    // The question came from one replica, the answer went to the other.
    expect(served).toHaveLength(2);
    expect(new Set(served).size).toBe(2);
    expect(await poolsNamed(name)).toBe(1);

    // The answering round again, to the replica that took it: used once, so nothing more is created.
    const answer = JSON.parse(sent[1]!) as { id: number; method: string; params: Record<string, unknown> };
    const replay = await postModern(served[1]!, token, { ...answer, id: 99 });
    expect(JSON.stringify(replay.body.result)).toMatch(/already used/);
    expect(await poolsNamed(name)).toBe(1);
  });

  it("a round sealed with another key is refused, and nothing is sent", async () => {
    const [a, b] = await Promise.all([
      startHttpCommand(token, against, { COGNITO_IDENTITY_MCP_STATE_KEY: randomBytes(32).toString("base64") }),
      startHttpCommand(token, against, { COGNITO_IDENTITY_MCP_STATE_KEY: randomBytes(32).toString("base64") }),
    ]);
    const replicas = [a.url, b.url];
    let next = 0;
    const roundRobin = (_url: string | URL, init?: RequestInit) => fetch(replicas[next++ % 2]!, init);
    const client = await connectModernHttp(a.url, token, { answer: "accept", fetch: roundRobin });
    onTestFinished(() => client.close());
    const name = unique("other-key");
    const result = await client.call("create_identity_pool", created(name));
    expect(result.isError).toBe(true);
    expect(result.content[0]).toMatchObject({ text: expect.stringMatching(/not sealed with this server's key/) });
    expect(await poolsNamed(name)).toBe(0);
  });
});
