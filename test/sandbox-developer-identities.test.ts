/**
 * The sandbox's developer-authenticated identities (GetOpenIdTokenForDeveloperIdentity,
 * LookupDeveloperIdentity, MergeDeveloperIdentities, UnlinkDeveloperIdentity), through the AWS SDK
 * and the AWS CLI v1: one identity per developer user, linking to a given identity, the token's
 * claims, lookups and their paging, merges and unlinks, and AWS's refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  SetIdentityPoolRolesCommand,
  UnlinkDeveloperIdentityCommand,
} from "@aws-sdk/client-cognito-identity";
import { startSandbox, type Sandbox } from "../src/sandbox/server.js";
import { body, errorOf, sdk } from "./support/sdk.js";
import { awsCli, awsCliAvailable, decodeToken } from "./support/sandbox-logins.js";
import { tempDir } from "./support/temp-dir.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const developer = "login.example.app";
const pool = {
  IdentityPoolName: "Developer pool",
  AllowUnauthenticatedIdentities: true,
  DeveloperProviderName: developer,
  SupportedLoginProviders: { "graph.facebook.com": "1234567890" },
};
const unsupported = { name: "NotAuthorizedException", message: "This identity pool does not support the specified developer provider." };

let sandbox: Sandbox;
let client: CognitoIdentityClient;
let log: string[];
beforeEach(async () => {
  log = [];
  sandbox = await startSandbox({ log: (line) => log.push(line) });
  client = sdk(sandbox.url);
});
afterEach(() => sandbox.close());

async function createPool(extra: object = {}): Promise<string> {
  return (await client.send(new CreateIdentityPoolCommand({ ...pool, ...extra }))).IdentityPoolId!;
}

function tokenFor(IdentityPoolId: string, Logins: Record<string, string>, extra: object = {}) {
  return client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId, Logins, ...extra }));
}

const lookup = (
  IdentityPoolId: string,
  by: { IdentityId?: string; DeveloperUserIdentifier?: string; MaxResults?: number; NextToken?: string },
) => body(client.send(new LookupDeveloperIdentityCommand({ IdentityPoolId, ...by })));

describe("GetOpenIdTokenForDeveloperIdentity", () => {
  it("makes one identity per developer user, and a token naming it, the developer user and the principal tags", async () => {
    const IdentityPoolId = await createPool();
    const first = await tokenFor(IdentityPoolId, { [developer]: "user-1" }, { PrincipalTags: { team: "red" }, TokenDuration: 3600 });
    const again = await tokenFor(IdentityPoolId, { [developer]: "user-1" });
    const other = await tokenFor(IdentityPoolId, { [developer]: "user-2" });
    expect(again.IdentityId).toBe(first.IdentityId);
    expect(other.IdentityId).not.toBe(first.IdentityId);

    const { header, claims, signature } = decodeToken(first.Token!);
    expect(header).toEqual({ kid: "sandbox", typ: "JWS", alg: "RS512" });
    expect(signature).toBe("sandbox-signature-not-valid");
    expect(claims).toMatchObject({
      sub: first.IdentityId,
      aud: IdentityPoolId,
      amr: ["authenticated", developer, `${developer}:${IdentityPoolId}:user-1`],
      iss: "https://cognito-identity.amazonaws.com",
      "https://aws.amazon.com/tags": { principal_tags: { team: ["red"] } },
    });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    const plain = decodeToken(again.Token!).claims;
    expect(plain.exp).toBe((plain.iat as number) + 900);
    expect(plain).not.toHaveProperty(["https://aws.amazon.com/tags"]);
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: first.IdentityId }))).Logins).toEqual([developer]);
  });

  it("refuses a pool without a developer provider, and a provider that is neither it nor configured", async () => {
    const without = await createPool({ DeveloperProviderName: undefined });
    expect(await errorOf(tokenFor(without, { [developer]: "user-1" }))).toEqual(unsupported);
    const IdentityPoolId = await createPool();
    expect(await errorOf(tokenFor(IdentityPoolId, { "login.other.app": "user-1" }))).toEqual(unsupported);
    expect(await errorOf(tokenFor(IdentityPoolId, { "graph.facebook.com": "facebook-token" }))).toEqual({
      name: "InvalidParameterException",
      message: `Logins must hold this identity pool's developer provider, '${developer}'.`,
    });
    expect((await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60 }))).Identities).toEqual([]);
  });

  it("links the developer user to a given identity, unless it is registered to another", async () => {
    const IdentityPoolId = await createPool();
    const guest = (await client.send(new GetIdCommand({ IdentityPoolId }))).IdentityId!;
    expect((await tokenFor(IdentityPoolId, { [developer]: "user-1" }, { IdentityId: guest })).IdentityId).toBe(guest);
    expect((await tokenFor(IdentityPoolId, { [developer]: "user-1" })).IdentityId).toBe(guest);

    const other = (await client.send(new GetIdCommand({ IdentityPoolId }))).IdentityId!;
    expect(await errorOf(tokenFor(IdentityPoolId, { [developer]: "user-1" }, { IdentityId: other }))).toEqual({
      name: "DeveloperUserAlreadyRegisteredException",
      message: "The provided developer user identifier is already registered with Cognito under a different identity ID.",
    });
    // An identity with logins takes another developer user only with one of its logins.
    expect(await errorOf(tokenFor(IdentityPoolId, { [developer]: "user-9" }, { IdentityId: guest }))).toEqual({
      name: "NotAuthorizedException",
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
    expect(
      (await errorOf(tokenFor(IdentityPoolId, { [developer]: "user-1" }, { IdentityId: "us-east-1:00000000-0000-4000-8000-000000000000" })))
        .name,
    ).toBe("ResourceNotFoundException");
  });

  it("links other providers' logins given alongside", async () => {
    const IdentityPoolId = await createPool();
    const { IdentityId } = await tokenFor(IdentityPoolId, { [developer]: "user-1", "graph.facebook.com": "fb-user-1" });
    expect((await client.send(new GetIdCommand({ IdentityPoolId, Logins: { "graph.facebook.com": "fb-user-1" } }))).IdentityId).toBe(
      IdentityId,
    );
  });

  it("gives a token that GetCredentialsForIdentity takes as the login cognito-identity.amazonaws.com", async () => {
    const IdentityPoolId = await createPool();
    await client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: "arn:aws:iam::123456789012:role/Auth" } }));
    const { IdentityId, Token } = await tokenFor(IdentityPoolId, { [developer]: "user-1" });
    const { Credentials } = await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: { "cognito-identity.amazonaws.com": Token! } }),
    );
    expect(Credentials!.AccessKeyId).toMatch(/^ASIASANDBOX/);
    expect(log.at(-1)).toBe("us-east-1 GetCredentialsForIdentity 200 role=arn:aws:iam::123456789012:role/Auth (Roles.authenticated)");
    // Without it, the identity's logins do not match; another identity's token does not vouch for it.
    expect((await errorOf(client.send(new GetCredentialsForIdentityCommand({ IdentityId })))).name).toBe("NotAuthorizedException");
    const other = await tokenFor(IdentityPoolId, { [developer]: "user-2" });
    expect(
      (
        await errorOf(
          client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { "cognito-identity.amazonaws.com": other.Token! } })),
        )
      ).name,
    ).toBe("NotAuthorizedException");
    expect(
      (
        await errorOf(
          client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { "cognito-identity.amazonaws.com": "not.a.token" } })),
        )
      ).message,
    ).toBe("Invalid login token. Not a valid OpenId Connect identity token.");
  });
});

describe("LookupDeveloperIdentity", () => {
  it("finds the identity of a developer user, and the developer users of an identity", async () => {
    const IdentityPoolId = await createPool();
    const { IdentityId } = await tokenFor(IdentityPoolId, { [developer]: "user-1" });
    expect(await lookup(IdentityPoolId, { DeveloperUserIdentifier: "user-1" })).toEqual({
      IdentityId,
      DeveloperUserIdentifierList: ["user-1"],
    });
    expect(await lookup(IdentityPoolId, { IdentityId })).toEqual({ IdentityId, DeveloperUserIdentifierList: ["user-1"] });
    expect(await lookup(IdentityPoolId, { IdentityId, DeveloperUserIdentifier: "user-1" })).toEqual({
      IdentityId,
      DeveloperUserIdentifierList: ["user-1"],
    });
  });

  it("refuses a pair that does not belong together, a request naming neither, and an unknown user", async () => {
    const IdentityPoolId = await createPool();
    await tokenFor(IdentityPoolId, { [developer]: "user-1" });
    const { IdentityId } = await tokenFor(IdentityPoolId, { [developer]: "user-2" });
    expect((await errorOf(lookup(IdentityPoolId, { IdentityId, DeveloperUserIdentifier: "user-1" }))).name).toBe(
      "ResourceConflictException",
    );
    expect((await errorOf(lookup(IdentityPoolId, {}))).name).toBe("InvalidParameterException");
    expect(await errorOf(lookup(IdentityPoolId, { DeveloperUserIdentifier: "nobody" }))).toEqual({
      name: "ResourceNotFoundException",
      message: "Developer user 'nobody' not found.",
    });
  });
});

describe("MergeDeveloperIdentities", () => {
  it("moves the source user's logins to the destination user's identity, leaving the source disabled", async () => {
    const IdentityPoolId = await createPool();
    const source = await tokenFor(IdentityPoolId, { [developer]: "source", "graph.facebook.com": "fb-source" });
    const destination = await tokenFor(IdentityPoolId, { [developer]: "destination" });
    const merged = await body(
      client.send(
        new MergeDeveloperIdentitiesCommand({
          IdentityPoolId,
          DeveloperProviderName: developer,
          SourceUserIdentifier: "source",
          DestinationUserIdentifier: "destination",
        }),
      ),
    );
    expect(merged).toEqual({ IdentityId: destination.IdentityId });
    expect((await tokenFor(IdentityPoolId, { [developer]: "source" })).IdentityId).toBe(destination.IdentityId);
    expect((await client.send(new GetIdCommand({ IdentityPoolId, Logins: { "graph.facebook.com": "fb-source" } }))).IdentityId).toBe(
      destination.IdentityId,
    );
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: destination.IdentityId }))).Logins).toEqual([
      developer,
      "graph.facebook.com",
    ]);
    const shown = await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60, HideDisabled: true }));
    expect(shown.Identities!.map((i) => i.IdentityId)).toEqual([destination.IdentityId]);
    // The source identity stays, with no logins, refused from now on.
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: source.IdentityId }))).Logins).toBeUndefined();
    expect(await errorOf(tokenFor(IdentityPoolId, { [developer]: "newcomer" }, { IdentityId: source.IdentityId }))).toEqual({
      name: "NotAuthorizedException",
      message: `Access to Identity '${source.IdentityId}' is forbidden.`,
    });

    // The destination's developer users page with MaxResults and NextToken.
    await tokenFor(IdentityPoolId, { [developer]: "third" });
    await client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId,
        DeveloperProviderName: developer,
        SourceUserIdentifier: "third",
        DestinationUserIdentifier: "source",
      }),
    );
    const users: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await lookup(IdentityPoolId, { IdentityId: destination.IdentityId, MaxResults: 2, NextToken });
      expect(page.DeveloperUserIdentifierList!.length).toBeLessThanOrEqual(2);
      users.push(...page.DeveloperUserIdentifierList!);
      NextToken = page.NextToken;
    } while (NextToken);
    expect(users).toEqual(["destination", "source", "third"]);
  });

  it("refuses two users of the same public provider, another developer provider, and unknown users", async () => {
    const IdentityPoolId = await createPool();
    await tokenFor(IdentityPoolId, { [developer]: "a", "graph.facebook.com": "fb-a" });
    await tokenFor(IdentityPoolId, { [developer]: "b", "graph.facebook.com": "fb-b" });
    const merge = (request: object) =>
      errorOf(
        client.send(
          new MergeDeveloperIdentitiesCommand({
            IdentityPoolId,
            DeveloperProviderName: developer,
            SourceUserIdentifier: "a",
            DestinationUserIdentifier: "b",
            ...request,
          }),
        ),
      );
    expect((await merge({})).name).toBe("ResourceConflictException");
    expect((await merge({ DeveloperProviderName: "login.other.app" })).name).toBe("InvalidParameterException");
    expect(await merge({ SourceUserIdentifier: "nobody" })).toEqual({
      name: "ResourceNotFoundException",
      message: "Developer user 'nobody' not found.",
    });
    // Nothing moved.
    expect((await lookup(IdentityPoolId, { DeveloperUserIdentifier: "a" })).IdentityId).not.toBe(
      (await lookup(IdentityPoolId, { DeveloperUserIdentifier: "b" })).IdentityId,
    );
  });
});

describe("UnlinkDeveloperIdentity", () => {
  it("removes the developer user from its identity; the user is then new to the pool", async () => {
    const IdentityPoolId = await createPool();
    const { IdentityId } = await tokenFor(IdentityPoolId, { [developer]: "user-1", "graph.facebook.com": "fb-1" });
    const unlink = { IdentityId, IdentityPoolId, DeveloperProviderName: developer, DeveloperUserIdentifier: "user-1" };
    expect(await body(client.send(new UnlinkDeveloperIdentityCommand(unlink)))).toEqual({});
    expect((await client.send(new DescribeIdentityCommand({ IdentityId }))).Logins).toEqual(["graph.facebook.com"]);
    expect((await errorOf(lookup(IdentityPoolId, { DeveloperUserIdentifier: "user-1" }))).name).toBe("ResourceNotFoundException");
    expect((await tokenFor(IdentityPoolId, { [developer]: "user-1" })).IdentityId).not.toBe(IdentityId);
    // Now linked elsewhere: a conflict for this identity.
    expect((await errorOf(client.send(new UnlinkDeveloperIdentityCommand(unlink)))).name).toBe("ResourceConflictException");
    expect((await errorOf(client.send(new UnlinkDeveloperIdentityCommand({ ...unlink, DeveloperUserIdentifier: "nobody" })))).name).toBe(
      "ResourceNotFoundException",
    );
    expect(
      (await errorOf(client.send(new UnlinkDeveloperIdentityCommand({ ...unlink, DeveloperProviderName: "login.other.app" })))).name,
    ).toBe("InvalidParameterException");
  });

  it("disables an identity left with no logins", async () => {
    const IdentityPoolId = await createPool();
    const { IdentityId } = await tokenFor(IdentityPoolId, { [developer]: "user-1" });
    await client.send(
      new UnlinkDeveloperIdentityCommand({
        IdentityId,
        IdentityPoolId,
        DeveloperProviderName: developer,
        DeveloperUserIdentifier: "user-1",
      }),
    );
    expect((await client.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60, HideDisabled: true }))).Identities).toEqual([]);
    expect(await errorOf(tokenFor(IdentityPoolId, { [developer]: "user-1" }, { IdentityId }))).toEqual({
      name: "NotAuthorizedException",
      message: `Access to Identity '${IdentityId}' is forbidden.`,
    });
  });
});

describe("the AWS CLI v1", () => {
  const dir = tempDir("cim-sandbox-developer-");

  it.runIf(awsCliAvailable)("gets a developer token, looks users up, merges and unlinks them", { timeout: 90_000 }, async () => {
    const IdentityPoolId = await createPool();
    const first = (await awsCli(
      sandbox.url,
      [
        "get-open-id-token-for-developer-identity",
        "--identity-pool-id",
        IdentityPoolId,
        "--logins",
        `${developer}=alice`,
        "--principal-tags",
        "team=red",
        "--token-duration",
        "60",
      ],
      dir,
    )) as { IdentityId: string; Token: string };
    expect(decodeToken(first.Token).claims).toMatchObject({
      sub: first.IdentityId,
      "https://aws.amazon.com/tags": { principal_tags: { team: ["red"] } },
    });
    const second = (await awsCli(
      sandbox.url,
      ["get-open-id-token-for-developer-identity", "--identity-pool-id", IdentityPoolId, "--logins", `${developer}=bob`],
      dir,
    )) as {
      IdentityId: string;
    };
    expect(
      await awsCli(
        sandbox.url,
        ["lookup-developer-identity", "--identity-pool-id", IdentityPoolId, "--developer-user-identifier", "alice"],
        dir,
      ),
    ).toEqual({
      IdentityId: first.IdentityId,
      DeveloperUserIdentifierList: ["alice"],
    });
    expect(
      await awsCli(
        sandbox.url,
        [
          "merge-developer-identities",
          "--identity-pool-id",
          IdentityPoolId,
          "--developer-provider-name",
          developer,
          "--source-user-identifier",
          "bob",
          "--destination-user-identifier",
          "alice",
        ],
        dir,
      ),
    ).toEqual({ IdentityId: first.IdentityId });
    expect(
      await awsCli(
        sandbox.url,
        [
          "unlink-developer-identity",
          "--identity-id",
          first.IdentityId,
          "--identity-pool-id",
          IdentityPoolId,
          "--developer-provider-name",
          developer,
          "--developer-user-identifier",
          "alice",
        ],
        dir,
      ),
    ).toBe("");
    expect(
      await awsCli(
        sandbox.url,
        ["lookup-developer-identity", "--identity-pool-id", IdentityPoolId, "--identity-id", first.IdentityId, "--max-results", "5"],
        dir,
      ),
    ).toEqual({
      IdentityId: first.IdentityId,
      DeveloperUserIdentifierList: ["bob"],
    });
    expect(second.IdentityId).not.toBe(first.IdentityId);
  });
});
