/**
 * The sandbox's identities (GetId, ListIdentities, DescribeIdentity, DeleteIdentities,
 * UnlinkIdentity), through the AWS SDK and the AWS CLI v1: unauthenticated identities only where
 * the pool allows them, one identity per login, AWS's refusals, paging, identities removed with
 * their pool, and kept in the data file (format 3) across restarts, old formats still loading.
 * Also: the sandbox serves every operation of the model, each input checked against it.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  GetPrincipalTagAttributeMapCommand,
  ListIdentitiesCommand,
  ListTagsForResourceCommand,
  LookupDeveloperIdentityCommand,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
  UnlinkIdentityCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import { model } from "../src/operation/model.js";
import { operations } from "../src/sandbox/operations.js";
import { startSandbox, type Sandbox } from "../src/sandbox/server.js";
import { body, errorOf, sdk } from "./support/sdk.js";
import { awsCli, awsCliAvailable, jwt, post } from "./support/sandbox-logins.js";
import { tempDir } from "./support/temp-dir.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const userPool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi";
const pool = {
  IdentityPoolName: "Identities pool",
  AllowUnauthenticatedIdentities: true,
  SupportedLoginProviders: { "graph.facebook.com": "1234567890", "accounts.google.com": "google-app" },
  DeveloperProviderName: "login.example.app",
  CognitoIdentityProviders: [{ ProviderName: userPool, ClientId: "app_client_id" }],
};
const notSupported = { name: "NotAuthorizedException", message: "Token is not from a supported provider of this identity pool." };
const logins = (identity: { Logins?: string[] }) => identity.Logins ?? [];

let sandbox: Sandbox;
let client: CognitoIdentityClient;
beforeEach(async () => {
  sandbox = await startSandbox();
  client = sdk(sandbox.url);
});
afterEach(() => sandbox.close());

async function createPool(extra: object = {}): Promise<string> {
  return (await client.send(new CreateIdentityPoolCommand({ ...pool, ...extra }))).IdentityPoolId!;
}

async function getId(IdentityPoolId: string, Logins?: Record<string, string>): Promise<string> {
  return (await client.send(new GetIdCommand({ IdentityPoolId, Logins }))).IdentityId!;
}

describe("every operation", () => {
  it("of the model is served, each input checked against the model", async () => {
    expect(Object.keys(operations).sort()).toEqual(Object.keys(model.operations).sort());
    for (const name of Object.keys(model.operations)) {
      const missing = await post(sandbox.url, name, {});
      expect(missing.status, name).toBe(400);
      expect(missing.body.__type, name).toBe("ValidationException");
      expect(missing.body.message, name).toContain("Member must not be null");
      const unknownMember = await post(sandbox.url, name, { Surprise: 1 });
      expect(unknownMember.body.__type, name).toBe("SerializationException");
    }
  });
});

describe("GetId", () => {
  it("makes a new unauthenticated identity at every call without Logins, in the pool's region", async () => {
    const IdentityPoolId = await createPool();
    const first = await getId(IdentityPoolId);
    const second = await getId(IdentityPoolId);
    expect(first).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    const { Identities } = await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60 }));
    expect(Identities!.map((i) => [i.IdentityId, logins(i)])).toEqual([
      [first, []],
      [second, []],
    ]);
  });

  it("refuses an unauthenticated identity when the pool does not allow them, as AWS does", async () => {
    const IdentityPoolId = await createPool({ AllowUnauthenticatedIdentities: false });
    expect(await errorOf(client.send(new GetIdCommand({ IdentityPoolId })))).toEqual({
      name: "NotAuthorizedException",
      message: "Unauthenticated access is not supported for this identity pool.",
    });
    expect(await errorOf(client.send(new GetIdCommand({ IdentityPoolId, Logins: {} })))).toMatchObject({ name: "NotAuthorizedException" });
    expect((await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60 }))).Identities).toEqual([]);
    // A login is still welcome.
    expect(await getId(IdentityPoolId, { "graph.facebook.com": "facebook-token" })).toMatch(/^us-east-1:/);
  });

  it("answers the same identity for the same login: a JWT's sub, or an opaque token's text", async () => {
    const IdentityPoolId = await createPool();
    const alice = await getId(IdentityPoolId, { "accounts.google.com": jwt({ sub: "alice", email: "a@example.com" }) });
    // Another token of the same user (other claims) is the same login.
    expect(await getId(IdentityPoolId, { "accounts.google.com": jwt({ sub: "alice", iat: 2 }) })).toBe(alice);
    const bob = await getId(IdentityPoolId, { "accounts.google.com": jwt({ sub: "bob" }) });
    expect(bob).not.toBe(alice);

    const opaque = await getId(IdentityPoolId, { "graph.facebook.com": "EAAIfeoJgcT8BAO18uOAiuz7" });
    expect(await getId(IdentityPoolId, { "graph.facebook.com": "EAAIfeoJgcT8BAO18uOAiuz7" })).toBe(opaque);
    expect(await getId(IdentityPoolId, { "graph.facebook.com": "EAAIfeoJgcT8BAO18uOAiuz8" })).not.toBe(opaque);
    // The same user of another provider is another login.
    expect(await getId(IdentityPoolId, { "graph.facebook.com": jwt({ sub: "alice" }) })).not.toBe(alice);
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: alice }))).Logins).toEqual(["accounts.google.com"]);
  });

  it("links the logins given together, and refuses logins already linked to two identities", async () => {
    const IdentityPoolId = await createPool();
    const google = { "accounts.google.com": jwt({ sub: "carol" }) };
    const facebook = { "graph.facebook.com": "carol-facebook" };
    const carol = await getId(IdentityPoolId, google);
    expect(await getId(IdentityPoolId, { ...google, ...facebook })).toBe(carol);
    expect(await getId(IdentityPoolId, facebook)).toBe(carol);
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: carol }))).Logins).toEqual([
      "accounts.google.com",
      "graph.facebook.com",
    ]);

    const dave = await getId(IdentityPoolId, { "graph.facebook.com": "dave-facebook" });
    const conflict = await errorOf(
      client.send(new GetIdCommand({ IdentityPoolId, Logins: { ...google, "graph.facebook.com": "dave-facebook" } })),
    );
    expect(conflict.name).toBe("ResourceConflictException");
    expect(conflict.message).toContain(carol);
    expect(conflict.message).toContain(dave);
  });

  it("refuses a provider the pool is not configured with, the developer provider among them", async () => {
    const IdentityPoolId = await createPool();
    for (const provider of ["www.amazon.com", "login.example.app", "cognito-identity.amazonaws.com", `${userPool}:app_client_id`])
      expect(await errorOf(client.send(new GetIdCommand({ IdentityPoolId, Logins: { [provider]: "token" } }))), provider).toEqual(
        notSupported,
      );
    expect((await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60 }))).Identities).toEqual([]);
  });

  it("checks a user pool token's issuer and app client when the token names them", async () => {
    const IdentityPoolId = await createPool();
    const token = (claims: object) => ({ [userPool]: jwt({ sub: "erin", token_use: "id", ...claims }) });
    const erin = await getId(IdentityPoolId, token({ iss: `https://${userPool}`, aud: "app_client_id" }));
    expect(await getId(IdentityPoolId, token({}))).toBe(erin);
    expect(
      await errorOf(
        client.send(
          new GetIdCommand({ IdentityPoolId, Logins: token({ iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other" }) }),
        ),
      ),
    ).toEqual({
      name: "NotAuthorizedException",
      message: "Invalid login token. Issuer doesn't match providerName",
    });
    expect(await errorOf(client.send(new GetIdCommand({ IdentityPoolId, Logins: token({ aud: "another_client" }) })))).toEqual(
      notSupported,
    );
    expect(
      await errorOf(client.send(new GetIdCommand({ IdentityPoolId, Logins: { [userPool]: jwt({ email: "no-sub@example.com" }) } }))),
    ).toEqual({
      name: "NotAuthorizedException",
      message: "Invalid login token. Missing a required claim: sub",
    });
  });

  it("finds pools in their region and in the sandbox's account only", async () => {
    const IdentityPoolId = await createPool();
    // GetId is sent unsigned, with no region in it: the sandbox serves it in its pool's region.
    const ireland = sdk(sandbox.url, "eu-west-1");
    const irish = (await ireland.send(new CreateIdentityPoolCommand(pool))).IdentityPoolId!;
    expect((await ireland.send(new GetIdCommand({ IdentityPoolId: irish }))).IdentityId).toMatch(/^eu-west-1:/);
    // A request signed for another region is served in that region, where the pool is not.
    const signed = await post(
      sandbox.url,
      "GetId",
      { IdentityPoolId },
      {
        authorization:
          "AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20260101/us-west-2/cognito-identity/aws4_request, SignedHeaders=host, Signature=0",
      },
    );
    expect(signed.body.__type).toBe("ResourceNotFoundException");
    expect((await client.send(new GetIdCommand({ IdentityPoolId, AccountId: "123456789012" }))).IdentityId).toMatch(/^us-east-1:/);
    expect((await errorOf(client.send(new GetIdCommand({ IdentityPoolId, AccountId: "210987654321" })))).name).toBe(
      "ResourceNotFoundException",
    );
  });
});

describe("ListIdentities and DescribeIdentity", () => {
  it("page with MaxResults and an opaque NextToken good for its pool only", async () => {
    const IdentityPoolId = await createPool();
    const other = await createPool();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await getId(IdentityPoolId));
    await getId(other);
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 2, NextToken }));
      expect(page.IdentityPoolId).toBe(IdentityPoolId);
      expect(page.Identities!.length).toBeLessThanOrEqual(2);
      seen.push(...page.Identities!.map((i) => i.IdentityId!));
      NextToken = page.NextToken;
      if (NextToken) {
        expect(await errorOf(client.send(new ListIdentitiesCommand({ IdentityPoolId: other, MaxResults: 2, NextToken })))).toEqual({
          name: "InvalidParameterException",
          message: "Invalid NextToken: pass the NextToken of an earlier ListIdentities response for this pool, unchanged.",
        });
      }
    } while (NextToken);
    expect(seen).toEqual(ids);
    expect((await errorOf(client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 2, NextToken: "bm90IG91cnM" })))).name).toBe(
      "InvalidParameterException",
    );
    const tooMany = await post(sandbox.url, "ListIdentities", { IdentityPoolId, MaxResults: 61 });
    expect(tooMany.body.__type).toBe("ValidationException");
    expect(
      (
        await errorOf(
          client.send(new ListIdentitiesCommand({ IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000", MaxResults: 1 })),
        )
      ).name,
    ).toBe("ResourceNotFoundException");
  });

  it("describe an identity with its providers' names and its dates, sent as seconds since the epoch", async () => {
    const IdentityPoolId = await createPool();
    const before = Date.now() / 1000;
    const IdentityId = await getId(IdentityPoolId, { "graph.facebook.com": "frank" });
    const after = Date.now() / 1000;
    const raw = await post(sandbox.url, "DescribeIdentity", { IdentityId });
    expect(Object.keys(raw.body)).toEqual(["IdentityId", "Logins", "CreationDate", "LastModifiedDate"]);
    expect(raw.body).toMatchObject({ IdentityId, Logins: ["graph.facebook.com"] });
    expect(typeof raw.body.CreationDate).toBe("number");
    expect(raw.body.CreationDate).toBeGreaterThanOrEqual(Math.floor(before));
    expect(raw.body.CreationDate).toBeLessThanOrEqual(after);
    const described = await client.send(new DescribeIdentityCommand({ IdentityId }));
    expect(described.CreationDate).toBeInstanceOf(Date);
    expect(described.CreationDate!.getTime()).toBe(Math.round((raw.body.CreationDate as number) * 1000));

    // An unauthenticated identity has no Logins.
    const guest = await getId(IdentityPoolId);
    expect(Object.keys((await post(sandbox.url, "DescribeIdentity", { IdentityId: guest })).body)).toEqual([
      "IdentityId",
      "CreationDate",
      "LastModifiedDate",
    ]);
    expect(
      await errorOf(client.send(new DescribeIdentityCommand({ IdentityId: "us-east-1:00000000-0000-4000-8000-000000000000" }))),
    ).toEqual({
      name: "ResourceNotFoundException",
      message: "Identity 'us-east-1:00000000-0000-4000-8000-000000000000' not found.",
    });
    expect((await errorOf(sdk(sandbox.url, "eu-west-1").send(new DescribeIdentityCommand({ IdentityId })))).name).toBe(
      "ResourceNotFoundException",
    );
  });
});

describe("DeleteIdentities", () => {
  it("deletes the identities it knows and reports the others as AccessDenied; a deleted login gets a new identity", async () => {
    const IdentityPoolId = await createPool();
    const login = { "graph.facebook.com": "grace" };
    const grace = await getId(IdentityPoolId, login);
    const guest = await getId(IdentityPoolId);
    const kept = await getId(IdentityPoolId);
    const unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    expect(await body(client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [grace, unknown, guest] })))).toEqual({
      UnprocessedIdentityIds: [{ IdentityId: unknown, ErrorCode: "AccessDenied" }],
    });
    expect((await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60 }))).Identities!.map((i) => i.IdentityId)).toEqual(
      [kept],
    );
    expect((await errorOf(client.send(new DescribeIdentityCommand({ IdentityId: grace })))).name).toBe("ResourceNotFoundException");
    const again = await getId(IdentityPoolId, login);
    expect(again).not.toBe(grace);
    expect(await body(client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [again] })))).toEqual({ UnprocessedIdentityIds: [] });
  });

  it("takes 1 to 60 ids", async () => {
    expect((await post(sandbox.url, "DeleteIdentities", { IdentityIdsToDelete: [] })).body.__type).toBe("ValidationException");
    const many = Array.from({ length: 61 }, (_, i) => `us-east-1:00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect((await post(sandbox.url, "DeleteIdentities", { IdentityIdsToDelete: many })).body.__type).toBe("ValidationException");
  });
});

describe("UnlinkIdentity", () => {
  it("removes LoginsToRemove when Logins authenticate the identity; without logins left it is disabled", async () => {
    const IdentityPoolId = await createPool();
    const google = { "accounts.google.com": jwt({ sub: "heidi" }) };
    const facebook = { "graph.facebook.com": "heidi-facebook" };
    const heidi = await getId(IdentityPoolId, { ...google, ...facebook });

    expect(
      await errorOf(
        client.send(
          new UnlinkIdentityCommand({
            IdentityId: heidi,
            Logins: { "graph.facebook.com": "someone-else" },
            LoginsToRemove: ["graph.facebook.com"],
          }),
        ),
      ),
    ).toEqual({
      name: "NotAuthorizedException",
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
    expect(
      await body(client.send(new UnlinkIdentityCommand({ IdentityId: heidi, Logins: google, LoginsToRemove: ["graph.facebook.com"] }))),
    ).toEqual({});
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: heidi }))).Logins).toEqual(["accounts.google.com"]);
    // The unlinked login is new to the pool again.
    const unlinked = await getId(IdentityPoolId, facebook);
    expect(unlinked).not.toBe(heidi);

    await client.send(new UnlinkIdentityCommand({ IdentityId: heidi, Logins: google, LoginsToRemove: ["accounts.google.com"] }));
    expect(logins(await client.send(new DescribeIdentityCommand({ IdentityId: heidi })))).toEqual([]);
    expect(await errorOf(client.send(new GetCredentialsForIdentityCommand({ IdentityId: heidi, Logins: google })))).toEqual({
      name: "NotAuthorizedException",
      message: `Access to Identity '${heidi}' is forbidden.`,
    });
    const all = (await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60 }))).Identities!.map((i) => i.IdentityId);
    const shown = (await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60, HideDisabled: true }))).Identities!.map(
      (i) => i.IdentityId,
    );
    expect(all).toEqual([heidi, unlinked]);
    expect(shown).toEqual([unlinked]);
  });

  it("leaves developer users to UnlinkDeveloperIdentity", async () => {
    const IdentityPoolId = await createPool();
    const { IdentityId } = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId,
        Logins: { "login.example.app": "ivan", "graph.facebook.com": "ivan-fb" },
      }),
    );
    const refused = await errorOf(
      client.send(
        new UnlinkIdentityCommand({ IdentityId, Logins: { "graph.facebook.com": "ivan-fb" }, LoginsToRemove: ["login.example.app"] }),
      ),
    );
    expect(refused.name).toBe("InvalidParameterException");
    expect((await client.send(new LookupDeveloperIdentityCommand({ IdentityPoolId, IdentityId }))).DeveloperUserIdentifierList).toEqual([
      "ivan",
    ]);
  });
});

describe("DeleteIdentityPool", () => {
  it("removes the pool's identities, tags and principal tag maps, and nothing of other pools", async () => {
    const IdentityPoolId = await createPool({ IdentityPoolTags: { a: "b" } });
    const other = await createPool();
    const IdentityId = await getId(IdentityPoolId, { "graph.facebook.com": "judy" });
    const otherId = await getId(other, { "graph.facebook.com": "judy" });
    await client.send(
      new SetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName: "graph.facebook.com", UseDefaults: true }),
    );
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId }));
    expect((await errorOf(client.send(new DescribeIdentityCommand({ IdentityId })))).name).toBe("ResourceNotFoundException");
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: otherId }))).IdentityId).toBe(otherId);
    expect(
      (
        await errorOf(
          client.send(
            new ListTagsForResourceCommand({
              ResourceArn: `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${IdentityPoolId}`,
            }),
          ),
        )
      ).name,
    ).toBe("ResourceNotFoundException");
    expect(
      (await errorOf(client.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName: "graph.facebook.com" }))))
        .name,
    ).toBe("ResourceNotFoundException");
  });

  it("UpdateIdentityPool keeps the pool's identities", async () => {
    const IdentityPoolId = await createPool();
    const IdentityId = await getId(IdentityPoolId, { "graph.facebook.com": "kim" });
    await client.send(new UpdateIdentityPoolCommand({ IdentityPoolId, ...pool, IdentityPoolName: "Renamed" }));
    expect(await getId(IdentityPoolId, { "graph.facebook.com": "kim" })).toBe(IdentityId);
  });
});

describe("the data file", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir("cim-sandbox-identities-");
  });

  it("keeps identities, developer users, principal tag maps and tags across a restart (format 3)", async () => {
    const dataFile = join(dir, "pools.json");
    const first = await startSandbox({ dataFile });
    const c1 = sdk(first.url);
    const IdentityPoolId = (await c1.send(new CreateIdentityPoolCommand(pool))).IdentityPoolId!;
    const google = { "accounts.google.com": jwt({ sub: "leo", "custom:team": "red" }) };
    const leo = (await c1.send(new GetIdCommand({ IdentityPoolId, Logins: google }))).IdentityId!;
    const guest = (await c1.send(new GetIdCommand({ IdentityPoolId }))).IdentityId!;
    const developer = (
      await c1.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId, Logins: { "login.example.app": "mia" } }))
    ).IdentityId!;
    const map = { IdentityPoolId, IdentityProviderName: "accounts.google.com", UseDefaults: false, PrincipalTags: { team: "custom:team" } };
    await c1.send(new SetPrincipalTagAttributeMapCommand(map));
    const described = await body(c1.send(new DescribeIdentityCommand({ IdentityId: leo })));
    await first.close();

    const written = JSON.parse(await readFile(dataFile, "utf8")) as Record<string, unknown> & { identities: Record<string, unknown>[] };
    expect(written.format).toBe("cognito-identity-mcp sandbox 3");
    expect(written.lastIdentitySequence).toBe(3);
    expect(written.identities.map((i) => i.IdentityId)).toEqual([leo, guest, developer]);
    // A login's claims are kept (for role rules); an opaque token never is.
    expect(written.identities[0]!.logins).toEqual([
      { provider: "accounts.google.com", user: "leo", claims: { sub: "leo", "custom:team": "red" } },
    ]);
    expect(written.identities[2]!.logins).toEqual([{ provider: "login.example.app", user: "mia" }]);

    const second = await startSandbox({ dataFile });
    try {
      const c2 = sdk(second.url);
      expect(await body(c2.send(new DescribeIdentityCommand({ IdentityId: leo })))).toEqual(described);
      expect((await c2.send(new GetIdCommand({ IdentityPoolId, Logins: google }))).IdentityId).toBe(leo);
      expect((await c2.send(new LookupDeveloperIdentityCommand({ IdentityPoolId, DeveloperUserIdentifier: "mia" }))).IdentityId).toBe(
        developer,
      );
      expect(
        await body(c2.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName: "accounts.google.com" }))),
      ).toEqual(map);
      // Sequence numbers go on from the file's.
      const next = (await c2.send(new GetIdCommand({ IdentityPoolId }))).IdentityId!;
      expect((await c2.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60 }))).Identities!.map((i) => i.IdentityId)).toEqual([
        leo,
        guest,
        developer,
        next,
      ]);
    } finally {
      await second.close();
    }
  });

  it.each([
    ["1", {}],
    ["2", { roles: { Roles: { unauthenticated: "arn:aws:iam::123456789012:role/Guest" } } }],
  ])("loads a file of format %s, whose pools then get identities; the next change writes format 3", async (version, extra) => {
    const dataFile = join(dir, "pools.json");
    const id = "us-east-1:00000000-0000-4000-8000-000000000001";
    const stored = { sequence: 1, pool: { IdentityPoolId: id, IdentityPoolName: "old", AllowUnauthenticatedIdentities: true }, ...extra };
    await writeFile(dataFile, JSON.stringify({ format: `cognito-identity-mcp sandbox ${version}`, lastSequence: 1, pools: [stored] }));
    const old = await startSandbox({ dataFile });
    let IdentityId: string;
    try {
      const c = sdk(old.url);
      IdentityId = (await c.send(new GetIdCommand({ IdentityPoolId: id }))).IdentityId!;
      if (version === "2") {
        // Format 2's roles still choose the role.
        await expect(c.send(new GetCredentialsForIdentityCommand({ IdentityId }))).resolves.toMatchObject({ IdentityId });
      }
      await c.send(
        new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { unauthenticated: "arn:aws:iam::123456789012:role/Guest2" } }),
      );
    } finally {
      await old.close();
    }
    const written = JSON.parse(await readFile(dataFile, "utf8")) as { format: string; identities: { IdentityId: string }[] };
    expect(written.format).toBe("cognito-identity-mcp sandbox 3");
    expect(written.identities.map((i) => i.IdentityId)).toEqual([IdentityId]);
    const reopened = await startSandbox({ dataFile });
    try {
      expect((await sdk(reopened.url).send(new DescribeIdentityCommand({ IdentityId }))).IdentityId).toBe(IdentityId);
    } finally {
      await reopened.close();
    }
  });

  const storedPool = {
    sequence: 1,
    pool: { IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000001", IdentityPoolName: "p", AllowUnauthenticatedIdentities: true },
  };
  const identity = (n: number, extra: object = {}) => ({
    sequence: n,
    IdentityId: `us-east-1:00000000-0000-4000-8000-00000000010${n}`,
    IdentityPoolId: storedPool.pool.IdentityPoolId,
    CreationDate: 1767225600,
    LastModifiedDate: 1767225600,
    logins: [],
    ...extra,
  });
  const file = (identities: object[], extra: object = {}) => ({
    format: "cognito-identity-mcp sandbox 3",
    lastSequence: 1,
    pools: [storedPool],
    lastIdentitySequence: 2,
    identities,
    ...extra,
  });
  it.each([
    [
      "an identity of a pool that does not exist",
      file([identity(1, { IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000009" })]),
      /its pool .* does not exist/,
    ],
    [
      "a login linked to two identities",
      file([
        identity(1, { logins: [{ provider: "graph.facebook.com", user: "u" }] }),
        identity(2, { logins: [{ provider: "graph.facebook.com", user: "u" }] }),
      ]),
      /linked to two identities/,
    ],
    ["identities out of order", file([identity(2), identity(1)]), /identity sequence numbers are out of order/],
    ["an identity id the model refuses", file([identity(1, { IdentityId: "not-an-id" })]), /identities\.0\.IdentityId/],
    ["identities in a format 2 file", { ...file([]), format: "cognito-identity-mcp sandbox 2" }, /Unrecognized key/],
    [
      "a principal tag map of 51 tags",
      file([], {
        pools: [
          {
            ...storedPool,
            principalTags: {
              "graph.facebook.com": {
                UseDefaults: false,
                PrincipalTags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "sub"])),
              },
            },
          },
        ],
      }),
      /principalTags/,
    ],
  ])("refuses to start on a data file holding %s, and leaves it as it is", async (_case, json, message) => {
    const dataFile = join(dir, "pools.json");
    const contents = JSON.stringify(json);
    await writeFile(dataFile, contents);
    await expect(startSandbox({ dataFile })).rejects.toThrow(message);
    expect(await readFile(dataFile, "utf8")).toBe(contents);
  });
});

describe("the AWS CLI v1", () => {
  const dir = tempDir("cim-sandbox-identities-cli-");

  it.runIf(awsCliAvailable)(
    "gets, describes, lists, unlinks and deletes identities, printing timestamps as the service sent them",
    { timeout: 90_000 },
    async () => {
      const IdentityPoolId = await createPool();
      const { IdentityId } = (await awsCli(
        sandbox.url,
        ["get-id", "--identity-pool-id", IdentityPoolId, "--logins", "graph.facebook.com=nina,accounts.google.com=nina-g"],
        dir,
      )) as {
        IdentityId: string;
      };
      expect(IdentityId).toMatch(/^us-east-1:/);
      const described = (await awsCli(sandbox.url, ["describe-identity", "--identity-id", IdentityId], dir)) as Record<string, unknown>;
      expect(described).toMatchObject({ IdentityId, Logins: ["graph.facebook.com", "accounts.google.com"] });
      expect(typeof described.CreationDate).toBe("number");
      const raw = await post(sandbox.url, "DescribeIdentity", { IdentityId });
      expect(described.CreationDate).toBe(raw.body.CreationDate);

      const refused = await awsCli(
        sandbox.url,
        ["get-id", "--identity-pool-id", IdentityPoolId, "--logins", "www.amazon.com=x"],
        dir,
      ).catch((error: { stderr: string }) => error.stderr);
      expect(refused).toContain(
        "An error occurred (NotAuthorizedException) when calling the GetId operation: Token is not from a supported provider of this identity pool.",
      );

      expect(
        await awsCli(
          sandbox.url,
          [
            "unlink-identity",
            "--identity-id",
            IdentityId,
            "--logins",
            "graph.facebook.com=nina",
            "--logins-to-remove",
            "accounts.google.com",
          ],
          dir,
        ),
      ).toBe("");
      const listed = (await awsCli(sandbox.url, ["list-identities", "--identity-pool-id", IdentityPoolId, "--max-results", "10"], dir)) as {
        Identities: { Logins: string[] }[];
      };
      expect(listed.Identities.map((i) => i.Logins)).toEqual([["graph.facebook.com"]]);
      expect(
        await awsCli(
          sandbox.url,
          ["delete-identities", "--identity-ids-to-delete", IdentityId, "us-east-1:00000000-0000-4000-8000-000000000000"],
          dir,
        ),
      ).toEqual({
        UnprocessedIdentityIds: [{ IdentityId: "us-east-1:00000000-0000-4000-8000-000000000000", ErrorCode: "AccessDenied" }],
      });
    },
  );
});
