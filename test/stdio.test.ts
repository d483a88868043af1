/** The built server (dist/index.js) spawned over stdio, as an MCP client would run it. */
import { spawn } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { Ajv } from "ajv";
import { connectStdio } from "./support/client.js";
import { fakeAwsEnv } from "./support/aws-env.js";

const motoUrl = inject("motoUrl");

describe("stdio", () => {
  it("answers tools/list and keeps stdout for JSON-RPC alone", async () => {
    const child = spawn(process.execPath, ["dist/index.js"], { stdio: ["pipe", "pipe", "pipe"], env: { PATH: process.env.PATH } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const send = (message: object | string) => child.stdin.write((typeof message === "string" ? message : JSON.stringify(message)) + "\n");
    send({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "0" } },
    });
    send("this line is not JSON");
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
    send({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "create_identity_pool", arguments: { IdentityPoolName: "x" } } });
    const deadline = Date.now() + 15_000;
    while (!stdout.includes('"id":3') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    const lines = stdout.trim().split("\n");
    for (const line of lines) expect(JSON.parse(line).jsonrpc, line).toBe("2.0");
    const byId = Object.fromEntries(
      lines
        .map((l) => JSON.parse(l))
        .filter((m) => m.id !== undefined)
        .map((m) => [m.id, m]),
    );
    expect(byId[2].result.tools[0].name).toBe("create_identity_pool");
    expect(byId[3].result.isError).toBe(true);
    expect(stderr).toContain("serving on stdio");
    // The malformed line was reported, and did not end the process: it exited only when stdin closed.
    expect(code).toBe(0);
  });

  it("loads YAML and JMESPath when a call first needs them: a document in YAML, a query, YAML output", async () => {
    // A fresh process: src/call/prepare.ts must load both libraries itself before parsing, querying and rendering.
    const { client, close } = await connectStdio(["--sandbox"], fakeAwsEnv);
    try {
      const result = await client.callTool({
        name: "create_identity_pool",
        arguments: {
          cliInputYaml: "IdentityPoolName: FromYaml\nAllowUnauthenticatedIdentities: false\n",
          query: "{Name: IdentityPoolName, Unauth: AllowUnauthenticatedIdentities}",
          output: "yaml",
        },
      });
      expect(result.isError, JSON.stringify(result)).toBeFalsy();
      expect((result.content as { text: string }[])[0]!.text).toBe("Name: FromYaml\nUnauth: false\n");
    } finally {
      await close();
    }
  });

  it.runIf(motoUrl)("creates a pool in moto, and the result validates against the advertised outputSchema", async () => {
    const { client, close } = await connectStdio(["--endpoint-url", motoUrl!], fakeAwsEnv);
    const { tools } = await client.listTools();
    const result = await client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "MyIdentityPool", AllowUnauthenticatedIdentities: false, IdentityPoolTags: { env: "test" } },
    });
    await close();
    expect(result.isError).toBeFalsy();
    const validate = new Ajv({ strict: false }).compile(tools.find((t) => t.name === "create_identity_pool")!.outputSchema!);
    expect(validate(result.structuredContent), JSON.stringify(validate.errors)).toBe(true);
    expect(result.structuredContent).toMatchObject({
      IdentityPoolName: "MyIdentityPool",
      AllowUnauthenticatedIdentities: false,
      IdentityPoolTags: { env: "test" },
    });
  });
});
