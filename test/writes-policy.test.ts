/**
 * The operator's controls over every write (every tool that creates, changes, deletes, unlinks or
 * makes an identity), against the sandbox: read-only, consent (accept, decline, cancel) showing
 * exactly what will change, and the rate limit counting every write. No tool argument lifts them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectAnswering, type ConsentAnswer as Answer } from "./support/client.js";
import type { ServerConfig } from "../src/config.js";
import { startSandbox, type Sandbox } from "../src/sandbox/server.js";
import { tools } from "../src/tools/index.js";

const text = (r: CallToolResult) => (r.content as { text: string }[]).map((c) => c.text).join("\n");
const authRole = "arn:aws:iam::123456789012:role/Auth";
const google = "accounts.google.com";
const developer = "login.example";
const arnOf = (id: string) => `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${id}`;

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.close());

async function connect(config: ServerConfig, answer?: Answer) {
  const { client, asked, close } = await connectAnswering({ sandbox: true, endpointUrl: sandbox.url, tools: "all", ...config }, answer);
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { call, asked, close };
}

/** A pool to write to, made by an uncontrolled server: roles, a tag, a login provider, and identities (one signed in with Google, two developer users). */
interface Written {
  id: string;
  googleIdentity: string;
  developerIdentity: string;
}

async function newPool(name: string): Promise<Written> {
  const { call, close } = await connect({});
  try {
    const created = await call("create_identity_pool", {
      IdentityPoolName: name,
      AllowUnauthenticatedIdentities: false,
      IdentityPoolTags: { team: "web" },
      SupportedLoginProviders: { [google]: "client-1" },
      DeveloperProviderName: developer,
    });
    const id = (created.structuredContent as { IdentityPoolId: string }).IdentityPoolId;
    await call("set_identity_pool_roles", { IdentityPoolId: id, Roles: { authenticated: authRole } });
    const identityOf = async (tool: string, args: Record<string, unknown>) => {
      const result = await call(tool, { IdentityPoolId: id, ...args });
      expect(result.isError, text(result)).toBeFalsy();
      return (result.structuredContent as { IdentityId: string }).IdentityId;
    };
    const googleIdentity = await identityOf("get_id", { Logins: { [google]: "google-user-1" } });
    const developerIdentity = await identityOf("get_open_id_token_for_developer_identity", { Logins: { [developer]: "dev-user-1" } });
    await identityOf("get_open_id_token_for_developer_identity", { Logins: { [developer]: "dev-user-2" } });
    return { id, googleIdentity, developerIdentity };
  } finally {
    await close();
  }
}

/** Everything a write may change: the pool, its roles, tags and principal tags, its identities and developer users. */
async function read({ id }: Written) {
  const { call, close } = await connect({});
  try {
    const state = async (tool: string, args: Record<string, unknown>) => {
      const result = await call(tool, args);
      return result.isError ? undefined : result.structuredContent;
    };
    return {
      pool: await state("describe_identity_pool", { IdentityPoolId: id }),
      roles: await state("get_identity_pool_roles", { IdentityPoolId: id }),
      tags: await state("list_tags_for_resource", { ResourceArn: arnOf(id) }),
      principalTags: await state("get_principal_tag_attribute_map", { IdentityPoolId: id, IdentityProviderName: google }),
      identities: await state("list_identities", { IdentityPoolId: id, MaxResults: 60 }),
      developerUsers: await Promise.all(
        ["dev-user-1", "dev-user-2"].map((user) =>
          state("lookup_developer_identity", { IdentityPoolId: id, DeveloperUserIdentifier: user }),
        ),
      ),
    };
  } finally {
    await close();
  }
}

/** Each write, with what its consent prompt must show. */
const writes: { name: string; args: (pool: Written) => Record<string, unknown>; prompt: RegExp[] }[] = [
  {
    name: "create_identity_pool",
    args: () => ({ IdentityPoolName: "Consented", AllowUnauthenticatedIdentities: true }),
    prompt: [/^Create the Amazon Cognito identity pool "Consented"\?/],
  },
  {
    name: "update_identity_pool",
    args: ({ id }) => ({
      IdentityPoolId: id,
      IdentityPoolName: "Renamed",
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: developer,
    }),
    prompt: [
      /^UpdateIdentityPool on the identity pool "Written" \("us-east-1:/,
      /^- IdentityPoolName: "Written" → "Renamed"$/m,
      /^- IdentityPoolTags: \{"team":"web"\} removed \(the call leaves it out\)$/m,
    ],
  },
  {
    name: "delete_identity_pool",
    args: ({ id }) => ({ IdentityPoolId: id }),
    prompt: [/^Delete the Amazon Cognito identity pool "Written" \("us-east-1:.*every identity in it\? This cannot be undone\.$/m],
  },
  {
    name: "set_identity_pool_roles",
    args: ({ id }) => ({ IdentityPoolId: id, Roles: { unauthenticated: "arn:aws:iam::123456789012:role/Guest" } }),
    prompt: [
      /^SetIdentityPoolRoles on the identity pool \("us-east-1:/,
      /^- Roles: \{"authenticated":"arn:aws:iam::123456789012:role\/Auth"\} → \{"unauthenticated":"arn:aws:iam::123456789012:role\/Guest"\}$/m,
    ],
  },
  {
    name: "set_principal_tag_attribute_map",
    args: ({ id }) => ({ IdentityPoolId: id, IdentityProviderName: google, UseDefaults: false, PrincipalTags: { dept: "custom:dept" } }),
    prompt: [
      /^SetPrincipalTagAttributeMap on the principal tags of "accounts\.google\.com" in identity pool "us-east-1:/,
      /^- UseDefaults: true → false$/m,
      /^- PrincipalTags: set to \{"dept":"custom:dept"\}$/m,
    ],
  },
  {
    name: "tag_resource",
    args: ({ id }) => ({ ResourceArn: arnOf(id), Tags: { env: "prod", team: "identity" } }),
    prompt: [
      /^TagResource on the tags of "arn:aws:cognito-identity:us-east-1:123456789012:identitypool\/us-east-1:/,
      /^- Tags\.env: set to "prod"$/m,
      /^- Tags\.team: "web" → "identity"$/m,
    ],
  },
  {
    name: "untag_resource",
    args: ({ id }) => ({ ResourceArn: arnOf(id), TagKeys: ["team"] }),
    prompt: [/^UntagResource on the tags of "arn:aws:cognito-identity:/, /^- Tags\.team: "web" removed$/m],
  },
  {
    name: "delete_identities",
    args: ({ googleIdentity }) => ({ IdentityIdsToDelete: [googleIdentity] }),
    prompt: [/^DeleteIdentities: delete the identities "us-east-1:[0-9a-f-]+" and their logins\? This cannot be undone\.$/m],
  },
  {
    name: "unlink_identity",
    args: ({ googleIdentity }) => ({ IdentityId: googleIdentity, Logins: { [google]: "google-user-1" }, LoginsToRemove: [google] }),
    prompt: [/^UnlinkIdentity: unlink "accounts\.google\.com" from the identity "us-east-1:[0-9a-f-]+"\? This cannot be undone\.$/m],
  },
  {
    name: "get_id",
    args: ({ id }) => ({ IdentityPoolId: id, Logins: { [google]: "google-user-2" } }),
    prompt: [
      /^GetId: get the identity of the logins of "accounts\.google\.com" in identity pool "us-east-1:[0-9a-f-]+", making it the first time\?$/m,
    ],
  },
  {
    name: "merge_developer_identities",
    args: ({ id }) => ({
      IdentityPoolId: id,
      DeveloperProviderName: developer,
      SourceUserIdentifier: "dev-user-2",
      DestinationUserIdentifier: "dev-user-1",
    }),
    prompt: [
      /^MergeDeveloperIdentities: merge the identity of developer user "dev-user-2" into that of "dev-user-1" \(provider "login\.example"/m,
    ],
  },
  {
    name: "unlink_developer_identity",
    args: ({ id, developerIdentity }) => ({
      IdentityPoolId: id,
      IdentityId: developerIdentity,
      DeveloperProviderName: developer,
      DeveloperUserIdentifier: "dev-user-1",
    }),
    prompt: [/^UnlinkDeveloperIdentity: unlink developer user "dev-user-1" \(provider "login\.example"\) from the identity "us-east-1:/m],
  },
  {
    name: "get_credentials_for_identity",
    args: ({ googleIdentity }) => ({ IdentityId: googleIdentity, Logins: { [google]: "google-user-1" } }),
    prompt: [
      /^GetCredentialsForIdentity: get credentials for the identity "us-east-1:[0-9a-f-]+", linking the logins of "accounts\.google\.com" to it if they are not yet\?$/m,
    ],
  },
  {
    name: "get_open_id_token",
    args: ({ googleIdentity }) => ({ IdentityId: googleIdentity, Logins: { [google]: "google-user-1" } }),
    prompt: [
      /^GetOpenIdToken: get an OpenID token for the identity "us-east-1:[0-9a-f-]+", linking the logins of "accounts\.google\.com"/m,
    ],
  },
  {
    name: "get_open_id_token_for_developer_identity",
    args: ({ id }) => ({ IdentityPoolId: id, Logins: { [developer]: "dev-user-3" } }),
    prompt: [/^GetOpenIdTokenForDeveloperIdentity: get a token for the developer user of "login\.example" in identity pool "us-east-1:/m],
  },
];

it("every write tool is here", () => {
  expect(writes.map((w) => w.name).sort()).toEqual(
    tools
      .filter((t) => t.effect !== "read")
      .map((t) => t.name)
      .sort(),
  );
});

describe.each(writes)("$name", ({ name, args, prompt }) => {
  it("--read-only refuses it and changes nothing; dryRun, where the tool has one, still works", async () => {
    const pool = await newPool("Written");
    const before = await read(pool);
    const { call, close } = await connect({ readOnly: true });
    try {
      const result = await call(name, args(pool));
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(new RegExp(`^This server is read-only: ${name} changes nothing here`));
      if (name !== "create_identity_pool") {
        const dryRun = await call(name, { ...args(pool), dryRun: true });
        expect(dryRun.isError, text(dryRun)).toBeFalsy();
      }
    } finally {
      await close();
    }
    expect(await read(pool)).toEqual(before);
  });

  for (const answer of ["decline", "cancel"] as const)
    it(`--consent, the user answers ${answer}: refused, nothing changed, and the prompt showed what would change`, async () => {
      const pool = await newPool("Written");
      const before = await read(pool);
      const { call, asked, close } = await connect({ consent: true }, answer);
      try {
        const result = await call(name, args(pool));
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
      expect(await read(pool)).toEqual(before);
    });

  it("--consent, the user accepts: done", async () => {
    const pool = await newPool("Written");
    const before = await read(pool);
    const { call, asked, close } = await connect({ consent: true }, "accept");
    try {
      const result = await call(name, args(pool));
      expect(result.isError, text(result)).toBeFalsy();
      expect(asked).toHaveLength(1);
    } finally {
      await close();
    }
    // What the rest change shows in what read() reads; issuing credentials or a token for a login already linked changes nothing.
    if (!["create_identity_pool", "get_credentials_for_identity", "get_open_id_token"].includes(name))
      expect(await read(pool)).not.toEqual(before);
  });

  it("--consent with a client that cannot be asked: refused, unless the operator allows writes without consent", async () => {
    const pool = await newPool("Written");
    const refused = await connect({ consent: true });
    try {
      const result = await refused.call(name, args(pool));
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/does not support elicitation.*--allow-writes-without-consent/s);
    } finally {
      await refused.close();
    }
    const allowed = await connect({ consent: true, allowWritesWithoutConsent: true });
    try {
      const result = await allowed.call(name, args(pool));
      expect(result.isError, text(result)).toBeFalsy();
    } finally {
      await allowed.close();
    }
  });
});

describe("--max-writes-per-minute counts every write", () => {
  it("two writes allowed: a create and a set roles go through, the update after them is refused; reads and dry runs are not counted", async () => {
    const { id } = await newPool("Written");
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
            DeveloperProviderName: developer,
            dryRun: true,
          })
        ).isError,
      ).toBeFalsy();
      expect((await call("set_identity_pool_roles", { IdentityPoolId: id, Roles: {} })).isError).toBeFalsy();
      const refused = await call("update_identity_pool", {
        IdentityPoolId: id,
        IdentityPoolName: "Written",
        AllowUnauthenticatedIdentities: true,
        DeveloperProviderName: developer,
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
    const pool = await newPool("Written");
    const before = await read(pool);
    const { call, close } = await connect({ readOnly: true });
    try {
      for (const lift of [{ readOnly: false }, { consent: false }, { tools: "all" }, { maxWritesPerMinute: 100 }]) {
        const result = await call("delete_identity_pool", { IdentityPoolId: pool.id, ...lift });
        expect(result.isError).toBe(true);
        expect(text(result)).toMatch(/is not a known key/);
      }
    } finally {
      await close();
    }
    expect(await read(pool)).toEqual(before);
  });
});
