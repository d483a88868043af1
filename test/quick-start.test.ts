/** The README's quick start, as a newcomer runs it: no AWS account, no credentials, no AWS environment. */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { connectStdio, defaultToolNames } from "./support/client.js";

const run = promisify(execFile);
const bareEnv = { PATH: process.env.PATH ?? "", HOME: "/nonexistent" };

describe("sandbox mode (--sandbox)", () => {
  it("npm run demo's script sets a pool up in the sandbox (create, set roles, tag, update) and ends with a credentials check", async () => {
    const { stdout } = await run(process.execPath, ["scripts/demo.mjs"], { env: bareEnv, timeout: 30_000 });
    expect(stdout).toMatch(/^Server started in sandbox mode, speaking MCP 2026-07-28; its tools: create_identity_pool, /m);
    expect(stdout).toMatch(/"IdentityPoolName": "MyIdentityPool"/);
    expect(stdout).toMatch(/^Created identity pool us-east-1:[0-9a-f-]+, request id .*\(SANDBOX: the server's local emulator, not AWS, /m);
    expect(stdout).toMatch(/^SetIdentityPoolRoles done: Roles: set to /m);
    // --confirm-writes: the update answers with its plan, then the same call with the plan's code does it.
    expect(stdout).toMatch(
      /^Plan: UpdateIdentityPool was not sent, nothing was done yet\. It would change 3 members:\n- AllowUnauthenticatedIdentities: false → true\n[\s\S]*?confirm: "v1\.[\w-]{13}…" \(valid for 600 s, once\)\.\n\n> update_identity_pool \{.*"confirm":"v1\.[\w-]{13}…"\}\n/m,
    );
    expect(stdout).toMatch(/^UpdateIdentityPool done: AllowUnauthenticatedIdentities: false → true/m);
    expect(stdout).toMatch(/^TagResource done: Tags\.env: set to "demo"/m);
    expect(stdout).toMatch(/^GetId done for identity us-east-1:[0-9a-f-]+/m);
    // The credentials check: issued, their secrets withheld, for the guest role.
    expect(stdout).toMatch(/"AccessKeyId": "ASIASANDBOX\w+",\n\s+"SecretKey": "\(withheld: a secret this server never shows\)"/);
    expect(stdout).not.toMatch(/sandbox-secret-|sandbox-session-/);
    expect(stdout).toMatch(/The sandbox's log names the role those credentials are for: arn:aws:iam::123456789012:role\/CognitoGuest\n$/);
  });

  it("says in every result that it came from the sandbox, and never lets a call leave it", async () => {
    const { client, close } = await connectStdio(["--sandbox"], { HOME: "/nonexistent" });
    const created = await client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "Sandboxed", AllowUnauthenticatedIdentities: true },
    });
    const dryRun = await client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "Sandboxed", AllowUnauthenticatedIdentities: true, generateCliSkeleton: "output" },
    });
    const escape = await client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "Escape", AllowUnauthenticatedIdentities: true, endpointUrl: "http://127.0.0.1:9" },
    });
    await close();
    expect(created.isError, JSON.stringify(created)).toBeFalsy();
    expect(created._meta?.target).toMatchObject({ sandbox: true, region: "us-east-1" });
    expect((created.content as { text: string }[])[1]!.text).toMatch(/SANDBOX/);
    expect((dryRun.structuredContent as { dryRun: { target: { sandbox: boolean } } }).dryRun.target.sandbox).toBe(true);
    expect(escape.isError).toBe(true);
    expect((escape.content as { text: string }[])[0]!.text).toMatch(/sandbox mode/);
  });
});

describe("how the server is launched", () => {
  it("plainly, with no Node flags: npm start and every client configuration in the README", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe("node dist/index.js");
    const readme = readFileSync("README.md", "utf8");
    const argsLists = [...readme.matchAll(/"args": (\[[^\]]*\])/g)].map((m) => JSON.parse(m[1]!) as string[]);
    expect(argsLists.length).toBeGreaterThanOrEqual(3);
    for (const args of argsLists) {
      const what = JSON.stringify(args);
      // The package (its name, or a packed tarball's path) or the script: the first argument that is not a flag.
      const at = args.findIndex((arg) => !arg.startsWith("-"));
      expect(args[at], what).toMatch(/cognito-identity-mcp|dist\/index\.js$/);
      // npx: "-y" directly followed by the package; node: the script first. So no Node or V8 flag
      // (--node-options=…, --max-old-space-size=…) comes before it.
      expect(args.slice(0, at), what).toEqual(args[0] === "-y" ? ["-y"] : []);
      if (args[0] === "-y") expect(args[1], what).toMatch(/cognito-identity-mcp/);
    }
    expect(readme).not.toMatch(/node --/);
  });

  it("the bin's shebang is plain `env node` (BusyBox's env has no -S), and run as a program (as npx does), it serves", async () => {
    expect(readFileSync("dist/index.js", "utf8").split("\n", 1)[0]).toBe("#!/usr/bin/env node");
    const client = new Client({ name: "test", version: "0" });
    await client.connect(
      new StdioClientTransport({ command: "dist/index.js", env: { ...bareEnv, AWS_REGION: "us-east-1" }, stderr: "pipe" }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(defaultToolNames);
      const dryRun = await client.callTool({
        name: "create_identity_pool",
        arguments: { IdentityPoolName: "Launched", AllowUnauthenticatedIdentities: true, generateCliSkeleton: "output" },
      });
      expect(dryRun.isError, JSON.stringify(dryRun)).toBeFalsy();
    } finally {
      await client.close();
    }
  });
});
