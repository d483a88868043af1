/**
 * The operator's controls over every write (create, update, delete, set roles), against the
 * sandbox: read-only, consent (accept, decline, cancel) showing exactly what will change, and the
 * rate limit counting every write. No tool argument lifts them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectAnswering, type ConsentAnswer as Answer } from "./support/client.js";
import type { ServerConfig } from "../src/config.js";
import { startSandbox, type Sandbox } from "../src/sandbox/server.js";

const text = (r: CallToolResult) => (r.content as { text: string }[]).map((c) => c.text).join("\n");
const authRole = "arn:aws:iam::123456789012:role/Auth";

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.close());

async function connect(config: ServerConfig, answer?: Answer) {
  const { client, asked, close } = await connectAnswering({ sandbox: true, endpointUrl: sandbox.url, tools: "all", ...config }, answer);
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { call, asked, close };
}

/** A pool made by an uncontrolled server, to write to. */
async function newPool(name: string): Promise<string> {
  const { call, close } = await connect({});
  try {
    const created = await call("create_identity_pool", {
      IdentityPoolName: name,
      AllowUnauthenticatedIdentities: false,
      IdentityPoolTags: { team: "web" },
    });
    const id = (created.structuredContent as { IdentityPoolId: string }).IdentityPoolId;
    await call("set_identity_pool_roles", { IdentityPoolId: id, Roles: { authenticated: authRole } });
    return id;
  } finally {
    await close();
  }
}

async function read(id: string) {
  const { call, close } = await connect({});
  try {
    const pool = (await call("describe_identity_pool", { IdentityPoolId: id })) as CallToolResult;
    const roles = (await call("get_identity_pool_roles", { IdentityPoolId: id })) as CallToolResult;
    return { pool: pool.isError ? undefined : pool.structuredContent, roles: roles.isError ? undefined : roles.structuredContent };
  } finally {
    await close();
  }
}

/** Each write, with what its consent prompt must show. */
const writes: { name: string; args: (id: string) => Record<string, unknown>; prompt: RegExp[] }[] = [
  {
    name: "create_identity_pool",
    args: () => ({ IdentityPoolName: "Consented", AllowUnauthenticatedIdentities: true }),
    prompt: [/^Create the Amazon Cognito identity pool "Consented"\?/],
  },
  {
    name: "update_identity_pool",
    args: (id) => ({ IdentityPoolId: id, IdentityPoolName: "Renamed", AllowUnauthenticatedIdentities: false }),
    prompt: [
      /^UpdateIdentityPool on the identity pool "Written" \("us-east-1:/,
      /^- IdentityPoolName: "Written" → "Renamed"$/m,
      /^- IdentityPoolTags: \{"team":"web"\} removed \(the call leaves it out\)$/m,
    ],
  },
  {
    name: "delete_identity_pool",
    args: (id) => ({ IdentityPoolId: id }),
    prompt: [/^Delete the Amazon Cognito identity pool "Written" \("us-east-1:.*every identity in it\? This cannot be undone\.$/m],
  },
  {
    name: "set_identity_pool_roles",
    args: (id) => ({ IdentityPoolId: id, Roles: { unauthenticated: "arn:aws:iam::123456789012:role/Guest" } }),
    prompt: [
      /^SetIdentityPoolRoles on the identity pool \("us-east-1:/,
      /^- Roles: \{"authenticated":"arn:aws:iam::123456789012:role\/Auth"\} → \{"unauthenticated":"arn:aws:iam::123456789012:role\/Guest"\}$/m,
    ],
  },
];

describe.each(writes)("$name", ({ name, args, prompt }) => {
  it("--read-only refuses it and changes nothing; dryRun, where the tool has one, still works", async () => {
    const id = await newPool("Written");
    const before = await read(id);
    const { call, close } = await connect({ readOnly: true });
    try {
      const result = await call(name, args(id));
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(new RegExp(`^This server is read-only: ${name} changes nothing here`));
      if (name !== "create_identity_pool") {
        const dryRun = await call(name, { ...args(id), dryRun: true });
        expect(dryRun.isError, text(dryRun)).toBeFalsy();
      }
    } finally {
      await close();
    }
    expect(await read(id)).toEqual(before);
  });

  for (const answer of ["decline", "cancel"] as const)
    it(`--consent, the user answers ${answer}: refused, nothing changed, and the prompt showed what would change`, async () => {
      const id = await newPool("Written");
      const before = await read(id);
      const { call, asked, close } = await connect({ consent: true }, answer);
      try {
        const result = await call(name, args(id));
        expect(result.isError).toBe(true);
        expect(text(result)).toMatch(new RegExp(`^Not done: the user ${answer === "decline" ? "declined" : "cancelled"} ${name}`));
        expect(asked).toHaveLength(1);
        for (const line of prompt) expect(asked[0]).toMatch(line);
        expect(asked[0]!.split("\n").at(-1)).toMatch(
          /^Where: region us-east-1, endpoint http:\/\/127\.0\.0\.1:\d+\/, profile default \(SANDBOX, not AWS\)\.$/,
        );
      } finally {
        await close();
      }
      expect(await read(id)).toEqual(before);
    });

  it("--consent, the user accepts: done", async () => {
    const id = await newPool("Written");
    const before = await read(id);
    const { call, asked, close } = await connect({ consent: true }, "accept");
    try {
      const result = await call(name, args(id));
      expect(result.isError, text(result)).toBeFalsy();
      expect(asked).toHaveLength(1);
    } finally {
      await close();
    }
    if (name !== "create_identity_pool") expect(await read(id)).not.toEqual(before);
  });

  it("--consent with a client that cannot be asked: refused, unless the operator allows writes without consent", async () => {
    const id = await newPool("Written");
    const refused = await connect({ consent: true });
    try {
      const result = await refused.call(name, args(id));
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/does not support elicitation.*--allow-writes-without-consent/s);
    } finally {
      await refused.close();
    }
    const allowed = await connect({ consent: true, allowWritesWithoutConsent: true });
    try {
      const result = await allowed.call(name, args(id));
      expect(result.isError, text(result)).toBeFalsy();
    } finally {
      await allowed.close();
    }
  });
});

describe("--max-writes-per-minute counts every write", () => {
  it("two writes allowed: a create and a set roles go through, the update after them is refused; reads and dry runs are not counted", async () => {
    const id = await newPool("Written");
    const { call, close } = await connect({ maxWritesPerMinute: 2 });
    try {
      expect(
        (await call("create_identity_pool", { IdentityPoolName: "Counted", AllowUnauthenticatedIdentities: true })).isError,
      ).toBeFalsy();
      expect((await call("describe_identity_pool", { IdentityPoolId: id })).isError).toBeFalsy();
      expect(
        (
          await call("update_identity_pool", {
            IdentityPoolId: id,
            IdentityPoolName: "Written",
            AllowUnauthenticatedIdentities: true,
            dryRun: true,
          })
        ).isError,
      ).toBeFalsy();
      expect((await call("set_identity_pool_roles", { IdentityPoolId: id, Roles: {} })).isError).toBeFalsy();
      const refused = await call("update_identity_pool", {
        IdentityPoolId: id,
        IdentityPoolName: "Written",
        AllowUnauthenticatedIdentities: true,
      });
      expect(refused.isError).toBe(true);
      expect(text(refused)).toMatch(
        /^Rate limit reached: this server allows 2 writes per minute \(its operator's --max-writes-per-minute\)\. Nothing was changed\./,
      );
    } finally {
      await close();
    }
  });
});

describe("no tool argument lifts the controls", () => {
  it("unknown arguments named like the controls are refused as unknown, and nothing is written", async () => {
    const id = await newPool("Written");
    const before = await read(id);
    const { call, close } = await connect({ readOnly: true });
    try {
      for (const lift of [{ readOnly: false }, { consent: false }, { tools: "all" }, { maxWritesPerMinute: 100 }]) {
        const result = await call("delete_identity_pool", { IdentityPoolId: id, ...lift });
        expect(result.isError).toBe(true);
        expect(text(result)).toMatch(/is not a known key/);
      }
    } finally {
      await close();
    }
    expect(await read(id)).toEqual(before);
  });
});
