/**
 * --confirm-writes, against moto: every write first answers with a plan and a confirm code, and
 * only the same call with that code writes, once. Codes are bound to the tool, the exact request,
 * the target and the state the write replaces; they expire, are used once, and are honoured by a
 * replica with the same COGNITO_IDENTITY_MCP_STATE_KEY. Without the flag nothing changes.
 */
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { randomBytes } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CreateIdentityPoolCommand, DescribeIdentityPoolCommand, UpdateIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
import { connectStdio } from "./support/client.js";
import { connectModernStdio } from "./support/modern-client.js";
import { startHttpCommand } from "./support/http-command.js";
import { fakeAwsEnv } from "./support/aws-env.js";
import { motoClient, poolsNamed as namedPools } from "./support/moto-pools.js";
import { reportWhenMotoIsMissing } from "./support/moto.js";
import { resultText } from "./support/results.js";

const motoUrl = inject("motoUrl");
reportWhenMotoIsMissing("--confirm-writes, against moto");

describe.runIf(motoUrl)("--confirm-writes", () => {
  const aws = motoClient(motoUrl!);
  const poolsNamed = async (name: string) => namedPools(aws, name);
  const unique = (what: string) => `${what}-${randomBytes(4).toString("hex")}`;
  const flags = (...more: string[]) => ["--endpoint-url", motoUrl!, "--region", "us-east-1", "--tools", "all", ...more];

  async function server(...more: string[]) {
    const { client, close } = await connectStdio(flags(...more), fakeAwsEnv);
    onTestFinished(close);
    return async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  }
  const codeOf = (plan: CallToolResult) => (plan.structuredContent as { confirm: string }).confirm;
  const newPool = async (name: string) =>
    (await aws.send(new CreateIdentityPoolCommand({ IdentityPoolName: name, AllowUnauthenticatedIdentities: false }))).IdentityPoolId!;

  it("a create answers with its plan and writes nothing; the same call with the code creates it once; the code again is refused", async () => {
    const call = await server("--confirm-writes");
    const name = unique("planned");
    const args = { IdentityPoolName: name, AllowUnauthenticatedIdentities: false };
    const plan = await call("create_identity_pool", args);
    expect(plan.isError).toBeFalsy();
    expect(resultText(plan)).toMatch(/^Plan: CreateIdentityPool was not sent, nothing was done yet\. It would create the identity pool/);
    expect(resultText(plan)).toMatch(
      /To do it, call create_identity_pool again with the same arguments and confirm: "v1\.[\w-]+\.[\w-]+" \(valid for 600 s, once\)/,
    );
    expect(plan.structuredContent).toMatchObject({
      confirm: expect.any(String),
      dryRun: { mode: "plan", request: args, target: { region: "us-east-1" } },
    });
    expect(await poolsNamed(name)).toHaveLength(0);

    const done = await call("create_identity_pool", { ...args, confirm: codeOf(plan) });
    expect(done.isError, resultText(done)).toBeFalsy();
    expect(await poolsNamed(name)).toHaveLength(1);

    const replay = await call("create_identity_pool", { ...args, confirm: codeOf(plan) });
    expect(replay.isError).toBe(true);
    expect(resultText(replay)).toMatch(/Not done: this confirm code was already used\. Nothing was sent/);
    expect(await poolsNamed(name)).toHaveLength(1);
  });

  it("a code for another request, another pool, another tool or made up is refused, and nothing is written", async () => {
    const call = await server("--confirm-writes");
    const name = unique("other-request");
    const [id, otherId] = [await newPool(name), await newPool(name)];
    const plan = await call("update_identity_pool", { IdentityPoolId: id, IdentityPoolName: name, AllowUnauthenticatedIdentities: true });
    for (const [tool, args] of [
      ["update_identity_pool", { IdentityPoolId: id, IdentityPoolName: `${name}-x`, AllowUnauthenticatedIdentities: true }],
      ["update_identity_pool", { IdentityPoolId: otherId, IdentityPoolName: name, AllowUnauthenticatedIdentities: true }],
      ["delete_identity_pool", { IdentityPoolId: id }],
    ] as const) {
      const refused = await call(tool, { ...args, confirm: codeOf(plan) });
      expect(refused.isError, `${tool} ${JSON.stringify(args)}`).toBe(true);
      expect(resultText(refused)).toMatch(/Not done: this confirm code is (for another call|not valid)/);
    }
    const forged = await call("delete_identity_pool", { IdentityPoolId: id, confirm: `${codeOf(plan).slice(0, -4)}AAAA` });
    expect(resultText(forged)).toMatch(/Not done: this confirm code is not valid: it was not sealed with this server's key/);
    for (const pool of [id, otherId])
      expect((await aws.send(new DescribeIdentityPoolCommand({ IdentityPoolId: pool }))).AllowUnauthenticatedIdentities).toBe(false);
  });

  it("a stale update is refused with what changed, and a fresh plan whose code works", async () => {
    const call = await server("--confirm-writes");
    const name = unique("stale-plan");
    const id = await newPool(name);
    const args = {
      IdentityPoolId: id,
      IdentityPoolName: name,
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: "plan.example",
    };
    const plan = await call("update_identity_pool", args);
    expect(resultText(plan)).toMatch(/It would change 1 member:\n- DeveloperProviderName: set to "plan\.example"/);
    // Another writer, between the plan and its confirm.
    await aws.send(new UpdateIdentityPoolCommand({ IdentityPoolId: id, IdentityPoolName: name, AllowUnauthenticatedIdentities: true }));

    const stale = await call("update_identity_pool", { ...args, confirm: codeOf(plan) });
    expect(resultText(stale)).toMatch(
      /^Not done: the pool changed since the plan, so nothing was written\. What changed:\n- AllowUnauthenticatedIdentities: false → true\nA fresh plan/,
    );
    expect(resultText(stale)).toMatch(
      /It would change 2 members:\n- AllowUnauthenticatedIdentities: true → false\n- DeveloperProviderName: set to "plan\.example"/,
    );
    expect(stale.structuredContent).toMatchObject({
      changedSincePlan: [{ member: "AllowUnauthenticatedIdentities", change: "changed", before: false, after: true }],
    });
    const pool = await aws.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }));
    expect([pool.AllowUnauthenticatedIdentities, pool.DeveloperProviderName]).toEqual([true, undefined]);
    expect(codeOf(stale)).not.toBe(codeOf(plan));

    const done = await call("update_identity_pool", { ...args, confirm: codeOf(stale) });
    expect(done.isError, resultText(done)).toBeFalsy();
    expect(done.structuredContent).toMatchObject({ AllowUnauthenticatedIdentities: false, DeveloperProviderName: "plan.example" });
  });

  it("a delete's plan names the pool, and its confirm deletes it", async () => {
    const call = await server("--confirm-writes");
    const name = unique("planned-delete");
    const id = await newPool(name);
    const plan = await call("delete_identity_pool", { IdentityPoolId: id });
    expect(resultText(plan)).toContain(`It would delete identity pool ${id} ("${name}") and every identity in it.`);
    expect(plan.structuredContent).toMatchObject({ deleted: { IdentityPoolId: id, IdentityPoolName: name }, dryRun: { mode: "plan" } });
    expect(await poolsNamed(name)).toHaveLength(1);
    const done = await call("delete_identity_pool", { IdentityPoolId: id, confirm: codeOf(plan) });
    expect(done.isError, resultText(done)).toBeFalsy();
    expect(await poolsNamed(name)).toHaveLength(0);
  });

  it("a code past --confirm-ttl-seconds is refused as expired", async () => {
    const call = await server("--confirm-writes", "--confirm-ttl-seconds", "1");
    const name = unique("expired");
    const args = { IdentityPoolName: name, AllowUnauthenticatedIdentities: false };
    const plan = await call("create_identity_pool", args);
    expect(resultText(plan)).toMatch(/valid for 1 s, once/);
    // Expiry has a resolution of one second: past two, the code has expired whatever the clock's phase.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const late = await call("create_identity_pool", { ...args, confirm: codeOf(plan) });
    expect(resultText(late)).toMatch(/Not done: this confirm code is not valid: it expired \(it was valid for 1 s\)/);
    expect(await poolsNamed(name)).toHaveLength(0);
  });

  it("combines with the other controls: read-only allows the plan only; consent asks at confirm time; the rate limit and the duplicate guard apply at confirm time", async () => {
    const readOnly = await server("--confirm-writes", "--read-only");
    const name = unique("read-only-plan");
    const plan = await readOnly("create_identity_pool", { IdentityPoolName: name, AllowUnauthenticatedIdentities: false });
    expect(plan.isError).toBeFalsy();
    const refused = await readOnly("create_identity_pool", {
      IdentityPoolName: name,
      AllowUnauthenticatedIdentities: false,
      confirm: codeOf(plan),
    });
    expect(resultText(refused)).toMatch(/This server is read-only/);

    const consenting = await connectModernStdio(flags("--confirm-writes", "--consent"), fakeAwsEnv, "accept");
    onTestFinished(() => consenting.close());
    const asked = unique("consent-at-confirm");
    const consentPlan = await consenting.call("create_identity_pool", { IdentityPoolName: asked, AllowUnauthenticatedIdentities: false });
    expect(consenting.asked).toHaveLength(0);
    const consented = await consenting.call("create_identity_pool", {
      IdentityPoolName: asked,
      AllowUnauthenticatedIdentities: false,
      confirm: codeOf(consentPlan as CallToolResult),
    });
    expect(consented.isError).toBeFalsy();
    expect(consenting.asked).toEqual([expect.stringContaining(`Create the Amazon Cognito identity pool "${asked}"?`)]);

    const limited = await server("--confirm-writes", "--max-writes-per-minute", "1", "--if-name-exists", "error");
    const [first, second, guarded] = [unique("limit-a"), unique("limit-b"), unique("guarded")];
    const plans = [];
    for (const n of [first, second, guarded])
      plans.push(await limited("create_identity_pool", { IdentityPoolName: n, AllowUnauthenticatedIdentities: false }));
    // Planning counts for nothing: all three planned, then the duplicate guard and the limit decide at confirm time.
    await newPool(guarded);
    const duplicate = await limited("create_identity_pool", {
      IdentityPoolName: guarded,
      AllowUnauthenticatedIdentities: false,
      confirm: codeOf(plans[2]!),
    });
    expect(resultText(duplicate)).toMatch(/Not created: an identity pool named ".*" already exists/);
    expect(
      (
        await limited("create_identity_pool", {
          IdentityPoolName: first,
          AllowUnauthenticatedIdentities: false,
          confirm: codeOf(plans[0]!),
        })
      ).isError,
    ).toBeFalsy();
    const overLimit = await limited("create_identity_pool", {
      IdentityPoolName: second,
      AllowUnauthenticatedIdentities: false,
      confirm: codeOf(plans[1]!),
    });
    expect(resultText(overLimit)).toMatch(/Rate limit reached/);
    expect(await poolsNamed(second)).toHaveLength(0);
  });

  it("two HTTP replicas sharing the key honour each other's codes; a replica with another key refuses them", async () => {
    const token = "confirm-writes-token-0123456789";
    const key = randomBytes(32).toString("base64");
    const [a, b, other] = await Promise.all([
      startHttpCommand(token, flags("--confirm-writes"), { COGNITO_IDENTITY_MCP_STATE_KEY: key }),
      startHttpCommand(token, flags("--confirm-writes"), { COGNITO_IDENTITY_MCP_STATE_KEY: key }),
      startHttpCommand(token, flags("--confirm-writes"), { COGNITO_IDENTITY_MCP_STATE_KEY: randomBytes(32).toString("base64") }),
    ]);
    const session = async (url: string) => {
      const client = new Client({ name: "replica-test", version: "0" });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
      );
      onTestFinished(() => client.close());
      return async (args: Record<string, unknown>) =>
        (await client.callTool({ name: "create_identity_pool", arguments: args })) as CallToolResult;
    };
    const [atA, atB, atOther] = await Promise.all([session(a.url), session(b.url), session(other.url)]);
    const name = unique("replicas");
    const args = { IdentityPoolName: name, AllowUnauthenticatedIdentities: false };
    const plan = await atA(args);
    const refused = await atOther({ ...args, confirm: codeOf(plan) });
    expect(resultText(refused)).toMatch(/not sealed with this server's key/);
    expect(await poolsNamed(name)).toHaveLength(0);
    const done = await atB({ ...args, confirm: codeOf(plan) });
    expect(done.isError, resultText(done)).toBeFalsy();
    expect(await poolsNamed(name)).toHaveLength(1);
  });

  it("without the flag nothing changes: writes are done at once, and a confirm argument is refused as a problem", async () => {
    const call = await server();
    const name = unique("unplanned");
    const done = await call("create_identity_pool", { IdentityPoolName: name, AllowUnauthenticatedIdentities: false });
    expect(done.isError).toBeFalsy();
    expect(done.structuredContent).not.toHaveProperty("confirm");
    expect(await poolsNamed(name)).toHaveLength(1);
    const refused = await call("create_identity_pool", {
      IdentityPoolName: unique("x"),
      AllowUnauthenticatedIdentities: false,
      confirm: "v1.x.y",
    });
    expect(resultText(refused)).toMatch(/confirm: this server does not plan writes \(its operator did not set --confirm-writes\)/);
  });
});
