/**
 * The toolset's shape: which tools a client sees (--tools), what their annotations say, how much
 * of the assistant's context they take, and that every tool's result matches its outputSchema.
 */
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { connectInMemory } from "./support/client.js";
import { parseServerFlags, type ServerConfig } from "../src/config.js";
import { tools } from "../src/tools/index.js";
import { operationOf } from "../src/operation/model.js";

async function listed(config: ServerConfig): Promise<Tool[]> {
  const { client, close } = await connectInMemory(config);
  try {
    return (await client.listTools()).tools;
  } finally {
    await close();
  }
}

const allNames = tools.map((t) => t.name);
const defaultNames = ["create_identity_pool", "describe_identity_pool", "list_identity_pools", "get_identity_pool_roles"];

describe("one tool per AWS CLI command", () => {
  it("each is named after its command, with underscores, and runs that operation", () => {
    for (const tool of tools) expect(tool.name).toBe(operationOf(tool.operation).command.replaceAll("-", "_"));
    expect([...allNames].sort()).toEqual(
      [
        "create_identity_pool",
        "delete_identity_pool",
        "describe_identity_pool",
        "get_identity_pool_roles",
        "list_identity_pools",
        "set_identity_pool_roles",
        "update_identity_pool",
      ].sort(),
    );
  });

  it("annotations, decided by each tool's effect (src/effects/), tell the truth about it", async () => {
    const listing = await listed({ tools: "all" });
    for (const tool of tools) {
      const { readOnlyHint, destructiveHint, idempotentHint } = listing.find((t) => t.name === tool.name)!.annotations!;
      expect(readOnlyHint, tool.name).toBe(tool.effect === "read");
      expect(destructiveHint, tool.name).toBe(tool.effect === "replace" || tool.effect === "delete");
      // Repeating a create makes another pool; repeating any other call changes nothing more.
      expect(idempotentHint, tool.name).toBe(tool.effect !== "create");
    }
  });
});

describe("the operator decides which tools exist", () => {
  it("by default: create, describe, list and get roles; writes that change or remove a pool only when named", async () => {
    expect((await listed({})).map((t) => t.name)).toEqual(defaultNames);
  });

  it("--tools all lists all seven; --tools NAMES lists those", async () => {
    expect((await listed({ tools: "all" })).map((t) => t.name)).toEqual(allNames);
    expect((await listed({ tools: ["delete_identity_pool", "describe_identity_pool"] })).map((t) => t.name)).toEqual([
      "describe_identity_pool",
      "delete_identity_pool",
    ]);
  });

  it("a tool that is not listed cannot be called, whatever its arguments", async () => {
    const { client, close } = await connectInMemory({});
    try {
      const result = (await client.callTool({
        name: "delete_identity_pool",
        arguments: { IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000", dryRun: true },
      })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect((result.content as { text: string }[])[0]!.text).toMatch(
        /^Unknown tool "delete_identity_pool"; this server has create_identity_pool, describe_identity_pool/,
      );
    } finally {
      await close();
    }
  });

  it("--tools refuses names it does not know, saying which are valid", () => {
    const parsed = parseServerFlags(["--tools", "describe_identity_pool,drop_everything"]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/unknown: drop_everything/);
    const all = parseServerFlags(["--tools", "all"]);
    expect(all.ok && all.value.config.tools).toBe("all");
  });

  it("with --read-only, every write is annotated read-only and says so", async () => {
    const listedTools = await listed({ tools: "all", readOnly: true });
    for (const tool of listedTools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    for (const tool of listedTools.filter((t) => t.annotations?.destructiveHint || t.name.startsWith("create")))
      expect(tool.description, tool.name).toMatch(/READ-ONLY/);
  });
});

describe("light on the assistant's context", () => {
  it("the default tools take at most 20 KB of JSON, all seven at most 40 KB, and no description is over 1,000 characters", async () => {
    const byDefault = JSON.stringify({ tools: await listed({}) }).length;
    const all = await listed({
      tools: "all",
      readOnly: true,
      consent: true,
      maxWritesPerMinute: 10,
      ifNameExists: "error",
      confirmWrites: true,
    });
    expect(byDefault).toBeLessThanOrEqual(20 * 1024);
    expect(JSON.stringify({ tools: all }).length).toBeLessThanOrEqual(40 * 1024);
    for (const tool of all) expect(tool.description!.length, tool.name).toBeLessThanOrEqual(1000);
  });
});

describe("every tool's dry run matches its advertised outputSchema", () => {
  const ajv = new Ajv({ strict: false });
  const sample: Record<string, Record<string, unknown>> = {
    create_identity_pool: { IdentityPoolName: "Sample", AllowUnauthenticatedIdentities: false },
    describe_identity_pool: { IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000" },
    list_identity_pools: { MaxResults: 5 },
    update_identity_pool: {
      IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
      IdentityPoolName: "Sample",
      AllowUnauthenticatedIdentities: true,
    },
    delete_identity_pool: { IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000" },
    get_identity_pool_roles: { IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000" },
    set_identity_pool_roles: {
      IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
      Roles: { authenticated: "arn:aws:iam::123456789012:role/Auth" },
    },
  };
  it.each(allNames)("%s: input skeleton and output sample", async (name) => {
    const { client, close } = await connectInMemory({ tools: "all", region: "eu-west-1", endpointUrl: "http://127.0.0.1:9" });
    try {
      const tool = (await client.listTools()).tools.find((t) => t.name === name)!;
      const validate = ajv.compile(tool.outputSchema!);
      for (const generateCliSkeleton of ["input", "output"]) {
        const result = (await client.callTool({ name, arguments: { ...sample[name], generateCliSkeleton } })) as CallToolResult;
        expect(result.isError, JSON.stringify(result)).toBeFalsy();
        expect(validate(result.structuredContent), JSON.stringify(validate.errors)).toBe(true);
      }
    } finally {
      await close();
    }
  });
});
