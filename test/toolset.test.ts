/**
 * The toolset's shape: which tools a client sees (--tools), what their annotations say, how much
 * of the assistant's context they take, and that every tool's result matches its outputSchema.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { connectInMemory } from "./support/client.js";
import { parseServerFlags, type ServerConfig } from "../src/config.js";
import { tools, toolsets } from "../src/tools/index.js";
import { model, operationOf } from "../src/operation/model.js";

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
    // Every operation of the service, each once.
    expect(tools.map((t) => t.operation).sort()).toEqual(Object.keys(model.operations).sort());
  });

  it("annotations, decided by each tool's effect (src/effects/), tell the truth about it", async () => {
    const listing = await listed({ tools: "all" });
    for (const tool of tools) {
      const { readOnlyHint, destructiveHint, idempotentHint } = listing.find((t) => t.name === tool.name)!.annotations!;
      expect(readOnlyHint, tool.name).toBe(tool.effect === "read");
      // Replacing, deleting and unlinking take something away; creating and issuing identities, credentials and tokens only add.
      expect(destructiveHint, tool.name).toBe(["replace", "delete", "unlink"].includes(tool.effect));
      // Repeating a create makes another pool, and a get_id without logins another identity; repeating any other call changes nothing more.
      expect(idempotentHint, tool.name).toBe(!["create_identity_pool", "get_id"].includes(tool.name));
    }
    // Whatever can make an identity or link a login is a write, the credentials and token checks included.
    expect(tools.filter((t) => t.effect === "issue").map((t) => t.name)).toEqual([
      "get_id",
      "get_credentials_for_identity",
      "get_open_id_token",
      "get_open_id_token_for_developer_identity",
    ]);
  });

  it("every write that reads state first names a read tool's operation to read it with, and only those", () => {
    const readOperations = new Set(tools.filter((t) => t.effect === "read").map((t) => t.operation));
    for (const tool of tools) {
      const readsFirst = tool.effect === "replace" || tool.effect === "delete";
      expect(tool.reads !== undefined, tool.name).toBe(readsFirst);
      if (tool.reads) expect(readOperations.has(tool.reads.operation), tool.name).toBe(true);
    }
  });

  it("the operations the AWS CLI sends unsigned are exactly those botocore marks authtype none", () => {
    expect(tools.filter((t) => operationOf(t.operation).unsigned).map((t) => t.name)).toEqual([
      "unlink_identity",
      "get_id",
      "get_credentials_for_identity",
      "get_open_id_token",
    ]);
  });
});

describe("the operator decides which tools exist", () => {
  it("by default: create, describe, list and get roles; writes that change or remove a pool only when named", async () => {
    expect((await listed({})).map((t) => t.name)).toEqual(defaultNames);
  });

  it("each toolset lists exactly its tools, and toolsets, names and all combine", async () => {
    const expected: Record<string, string[]> = {
      pools: ["create_identity_pool", "describe_identity_pool", "list_identity_pools", "update_identity_pool", "delete_identity_pool"],
      roles: ["get_identity_pool_roles", "set_identity_pool_roles", "get_principal_tag_attribute_map", "set_principal_tag_attribute_map"],
      tags: ["tag_resource", "untag_resource", "list_tags_for_resource"],
      identities: [
        "list_identities",
        "describe_identity",
        "delete_identities",
        "unlink_identity",
        "get_id",
        "get_credentials_for_identity",
        "get_open_id_token",
      ],
      "developer-identities": [
        "lookup_developer_identity",
        "merge_developer_identities",
        "unlink_developer_identity",
        "get_open_id_token_for_developer_identity",
      ],
    };
    expect(Object.keys(expected)).toEqual([...toolsets]);
    for (const [toolset, names] of Object.entries(expected)) {
      const parsed = parseServerFlags(["--tools", toolset]);
      expect(parsed.ok && (await listed(parsed.value.config)).map((t) => t.name), toolset).toEqual(names);
    }
    const combined = parseServerFlags(["--tools", "tags, describe_identity_pool,roles"]);
    expect(combined.ok && (await listed(combined.value.config)).map((t) => t.name)).toEqual([
      "describe_identity_pool",
      ...expected.roles!,
      ...expected.tags!,
    ]);
    const withAll = parseServerFlags(["--tools", "tags,all"]);
    expect(withAll.ok && withAll.value.config.tools).toBe("all");
  });

  it("manifest.json offers every tool, and the groups, to the host", () => {
    const manifest = JSON.parse(readFileSync("manifest.json", "utf8")) as {
      tools: { name: string }[];
      user_config: { tools: { description: string; default: string } };
    };
    expect(manifest.tools.map((t) => t.name)).toEqual(allNames);
    for (const toolset of toolsets) expect(manifest.user_config.tools.description).toContain(toolset);
    expect(manifest.user_config.tools.default.split(",")).toEqual(defaultNames);
  });

  it("--tools all lists all 23; --tools NAMES lists those", async () => {
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
  // Measured with every control on, as each adds words to the write tools' descriptions.
  const controls: ServerConfig = { readOnly: true, consent: true, maxWritesPerMinute: 10, ifNameExists: "error", confirmWrites: true };

  it("the default tools take at most 20 KB of JSON, each toolset at most 30 KB, all 23 at most 100 KB, and no description is over 1,000 characters", async () => {
    expect(JSON.stringify({ tools: await listed({}) }).length).toBeLessThanOrEqual(20 * 1024);
    for (const toolset of toolsets)
      expect(JSON.stringify({ tools: await listed({ tools: [toolset], ...controls }) }).length, toolset).toBeLessThanOrEqual(30 * 1024);
    const all = await listed({ tools: "all", ...controls });
    expect(JSON.stringify({ tools: all }).length).toBeLessThanOrEqual(100 * 1024);
    for (const tool of all) expect(tool.description!.length, tool.name).toBeLessThanOrEqual(1000);
  });
});

describe("every tool's dry run matches its advertised outputSchema", () => {
  const ajv = new Ajv({ strict: false });
  const pool = "us-east-1:00000000-0000-0000-0000-000000000000";
  const poolArn = `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${pool}`;
  const identity = "us-east-1:11111111-0000-0000-0000-000000000000";
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
    get_principal_tag_attribute_map: { IdentityPoolId: pool, IdentityProviderName: "accounts.google.com" },
    set_principal_tag_attribute_map: { IdentityPoolId: pool, IdentityProviderName: "accounts.google.com", UseDefaults: true },
    tag_resource: { ResourceArn: poolArn, Tags: { team: "identity" } },
    untag_resource: { ResourceArn: poolArn, TagKeys: ["team"] },
    list_tags_for_resource: { ResourceArn: poolArn },
    list_identities: { IdentityPoolId: pool, MaxResults: 10 },
    describe_identity: { IdentityId: identity },
    delete_identities: { IdentityIdsToDelete: [identity] },
    unlink_identity: { IdentityId: identity, Logins: { "accounts.google.com": "token" }, LoginsToRemove: ["accounts.google.com"] },
    get_id: { IdentityPoolId: pool },
    get_credentials_for_identity: { IdentityId: identity },
    get_open_id_token: { IdentityId: identity },
    lookup_developer_identity: { IdentityPoolId: pool, DeveloperUserIdentifier: "user-1" },
    merge_developer_identities: {
      IdentityPoolId: pool,
      DeveloperProviderName: "login.example",
      SourceUserIdentifier: "user-1",
      DestinationUserIdentifier: "user-2",
    },
    unlink_developer_identity: {
      IdentityPoolId: pool,
      IdentityId: identity,
      DeveloperProviderName: "login.example",
      DeveloperUserIdentifier: "user-1",
    },
    get_open_id_token_for_developer_identity: { IdentityPoolId: pool, Logins: { "login.example": "user-1" } },
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
