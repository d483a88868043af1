/**
 * A pool's whole lifecycle through the tools, against moto (a real Cognito Identity emulator):
 * create → describe → list → update → delete → describe reports ResourceNotFoundException. Also
 * what update and delete report, and the rules they check before anything is sent.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectInMemory } from "./support/client.js";
import { fakeAwsEnv } from "./support/aws-env.js";
import { execFile, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { promisify } from "node:util";
import { listen } from "../src/net/listen.js";
import { startSandbox, type Sandbox } from "../src/sandbox/server.js";
import { tempDir } from "./support/temp-dir.js";

const motoUrl = inject("motoUrl");
Object.assign(process.env, fakeAwsEnv);

const text = (r: CallToolResult) => (r.content as { text: string }[]).map((c) => c.text).join("\n");

describe.runIf(motoUrl)("against moto", () => {
  let client: Client;
  let close: () => Promise<void>;
  beforeAll(async () => ({ client, close } = await connectInMemory({ tools: "all", endpointUrl: motoUrl!, region: "eu-west-1" })));
  afterAll(() => close());
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;

  it("create → describe → list → update → delete, then describe reports ResourceNotFoundException", async () => {
    const created = await call("create_identity_pool", {
      IdentityPoolName: "Lifecycle",
      AllowUnauthenticatedIdentities: false,
      IdentityPoolTags: { team: "web" },
      SupportedLoginProviders: { "accounts.google.com": "client-1" },
    });
    expect(created.isError, text(created)).toBeFalsy();
    const id = (created.structuredContent as { IdentityPoolId: string }).IdentityPoolId;
    expect(id).toMatch(/^eu-west-1:/);

    const described = await call("describe_identity_pool", { IdentityPoolId: id });
    expect(described.structuredContent).toMatchObject({
      IdentityPoolId: id,
      IdentityPoolName: "Lifecycle",
      IdentityPoolTags: { team: "web" },
    });

    const listed = await call("list_identity_pools", { MaxResults: 60 });
    expect((listed.structuredContent as { IdentityPools: { IdentityPoolId: string }[] }).IdentityPools).toContainEqual({
      IdentityPoolId: id,
      IdentityPoolName: "Lifecycle",
    });

    // Tags and the login provider are left out: the update removes them, and says so. (moto keeps
    // what an update leaves out, and the old name, unlike AWS: the report is AWS's behaviour, read
    // from the pool before the update.)
    const updated = await call("update_identity_pool", {
      IdentityPoolId: id,
      IdentityPoolName: "Lifecycle",
      AllowUnauthenticatedIdentities: true,
    });
    expect(updated.isError, text(updated)).toBeFalsy();
    expect((updated.structuredContent as { AllowUnauthenticatedIdentities: boolean }).AllowUnauthenticatedIdentities).toBe(true);
    expect((updated.structuredContent as { changes: unknown[] }).changes).toEqual([
      { member: "AllowUnauthenticatedIdentities", change: "changed", before: false, after: true },
      { member: "SupportedLoginProviders", change: "removed", before: { "accounts.google.com": "client-1" }, leftOut: true },
      { member: "IdentityPoolTags", change: "removed", before: { team: "web" }, leftOut: true },
    ]);
    expect(text(updated)).toMatch(/IdentityPoolTags: \{"team":"web"\} removed \(the call leaves it out\)/);

    const deleted = await call("delete_identity_pool", { IdentityPoolId: id });
    expect(deleted.isError, text(deleted)).toBeFalsy();
    expect(deleted.structuredContent).toEqual({ deleted: { IdentityPoolId: id, IdentityPoolName: "Lifecycle" } });
    expect(text(deleted)).toMatch(new RegExp(`Deleted identity pool ${id} \\("Lifecycle"\\) and every identity in it`));

    const gone = await call("describe_identity_pool", { IdentityPoolId: id });
    expect(gone.isError).toBe(true);
    expect(text(gone)).toMatch(/^DescribeIdentityPool failed: ResourceNotFoundException/);
  });

  it("dry runs of update and delete read the pool, report, and change nothing", async () => {
    const created = await call("create_identity_pool", {
      IdentityPoolName: "DryRuns",
      AllowUnauthenticatedIdentities: true,
      IdentityPoolTags: { keep: "me" },
    });
    const id = (created.structuredContent as { IdentityPoolId: string }).IdentityPoolId;
    const update = await call("update_identity_pool", {
      IdentityPoolId: id,
      IdentityPoolName: "DryRuns",
      AllowUnauthenticatedIdentities: true,
      dryRun: true,
    });
    expect(update.structuredContent).toMatchObject({
      changes: [{ member: "IdentityPoolTags", change: "removed", before: { keep: "me" }, leftOut: true }],
      dryRun: { mode: "read" },
    });
    const remove = await call("delete_identity_pool", { IdentityPoolId: id, dryRun: true });
    expect(remove.structuredContent).toMatchObject({
      deleted: { IdentityPoolId: id, IdentityPoolName: "DryRuns" },
      dryRun: { mode: "read" },
    });
    const still = await call("describe_identity_pool", { IdentityPoolId: id });
    expect(still.structuredContent).toMatchObject({ IdentityPoolName: "DryRuns", IdentityPoolTags: { keep: "me" } });
  });
});

describe("update refuses to change a DeveloperProviderName, before sending the update", () => {
  // An endpoint whose pool has a developer provider name, recording the operations it is asked for.
  const targets: string[] = [];
  let url: string;
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      targets.push(String(req.headers["x-amz-target"]));
      req.resume().on("end", () => {
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        res.end(
          JSON.stringify({
            IdentityPoolId: poolId,
            IdentityPoolName: "P",
            AllowUnauthenticatedIdentities: false,
            DeveloperProviderName: "login.mycompany",
          }),
        );
      });
    });
    url = `http://127.0.0.1:${(await listen(server, 0, "127.0.0.1")).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  const poolId = "us-east-1:11111111-2222-3333-4444-555555555555";

  it("reads the pool, and sends no UpdateIdentityPool when the name differs or is left out", async () => {
    const { client, close } = await connectInMemory({ tools: "all", endpointUrl: url, region: "us-east-1" });
    try {
      for (const change of [{ DeveloperProviderName: "login.other" }, {}]) {
        targets.length = 0;
        const result = (await client.callTool({
          name: "update_identity_pool",
          arguments: { IdentityPoolId: poolId, IdentityPoolName: "P", AllowUnauthenticatedIdentities: false, ...change },
        })) as CallToolResult;
        expect(result.isError).toBe(true);
        expect(text(result)).toMatch(/DeveloperProviderName: .*"login.mycompany" and can never be changed or removed/);
        expect(targets).toEqual(["AWSCognitoIdentityService.DescribeIdentityPool"]);
      }
      targets.length = 0;
      const same = (await client.callTool({
        name: "update_identity_pool",
        arguments: {
          IdentityPoolId: poolId,
          IdentityPoolName: "P",
          AllowUnauthenticatedIdentities: false,
          DeveloperProviderName: "login.mycompany",
        },
      })) as CallToolResult;
      expect(same.isError, text(same)).toBeFalsy();
      expect(targets).toEqual(["AWSCognitoIdentityService.DescribeIdentityPool", "AWSCognitoIdentityService.UpdateIdentityPool"]);
    } finally {
      await close();
    }
  });
});

describe.runIf(spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0)(
  "roles set through the tools, read back by the AWS CLI v1",
  () => {
    let sandbox: Sandbox;
    beforeAll(async () => (sandbox = await startSandbox()));
    afterAll(() => sandbox.close());

    it("set_identity_pool_roles, then `aws cognito-identity get-identity-pool-roles` shows exactly what was set; update keeps the roles; delete takes them", async () => {
      // Made here, not while the block is collected (a skipped block would leave it behind); removed when the test finishes.
      const home = tempDir("cim-lifecycle-home-");
      const { client, close } = await connectInMemory({ sandbox: true, endpointUrl: sandbox.url, tools: "all" });
      const call = async (name: string, args: Record<string, unknown>) =>
        (await client.callTool({ name, arguments: args })) as CallToolResult;
      const aws = async (args: string[]) => {
        const env = { PATH: process.env.PATH ?? "", HOME: home, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" };
        const cli = [
          "cognito-identity",
          ...args,
          "--endpoint-url",
          sandbox.url,
          "--no-sign-request",
          "--region",
          "us-east-1",
          "--output",
          "json",
        ];
        return promisify(execFile)("aws", cli, { env }).then(
          ({ stdout }) => ({ ok: true as const, value: JSON.parse(stdout) as unknown }),
          (error: { stderr?: string }) => ({ ok: false as const, stderr: String(error.stderr) }),
        );
      };
      try {
        const created = await call("create_identity_pool", { IdentityPoolName: "Roles", AllowUnauthenticatedIdentities: true });
        const id = (created.structuredContent as { IdentityPoolId: string }).IdentityPoolId;
        const roles = {
          Roles: { authenticated: "arn:aws:iam::123456789012:role/Auth", unauthenticated: "arn:aws:iam::123456789012:role/Guest" },
          RoleMappings: {
            "graph.facebook.com": {
              Type: "Rules",
              AmbiguousRoleResolution: "Deny",
              RulesConfiguration: {
                Rules: [{ Claim: "isAdmin", MatchType: "Equals", Value: "true", RoleARN: "arn:aws:iam::123456789012:role/Admin" }],
              },
            },
          },
        };
        const set = await call("set_identity_pool_roles", { IdentityPoolId: id, ...roles });
        expect(set.isError, text(set)).toBeFalsy();
        expect(await aws(["get-identity-pool-roles", "--identity-pool-id", id])).toEqual({
          ok: true,
          value: { IdentityPoolId: id, ...roles },
        });

        const updated = await call("update_identity_pool", {
          IdentityPoolId: id,
          IdentityPoolName: "Roles",
          AllowUnauthenticatedIdentities: false,
        });
        expect(updated.isError, text(updated)).toBeFalsy();
        expect(await aws(["get-identity-pool-roles", "--identity-pool-id", id])).toEqual({
          ok: true,
          value: { IdentityPoolId: id, ...roles },
        });

        expect((await call("delete_identity_pool", { IdentityPoolId: id })).isError).toBeFalsy();
        const after = await aws(["get-identity-pool-roles", "--identity-pool-id", id]);
        expect(after.ok).toBe(false);
        expect(after.ok ? "" : after.stderr).toMatch(/ResourceNotFoundException/);
      } finally {
        await close();
      }
    });
  },
);
