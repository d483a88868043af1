/**
 * The sandbox's tags (TagResource, UntagResource, ListTagsForResource) and principal tag maps
 * (Set/GetPrincipalTagAttributeMap), through the AWS SDK and the AWS CLI v1: the tags are the
 * pool's IdentityPoolTags, addressed by the pool's ARN in the sandbox's account 123456789012; the
 * 50-tag limit and the reserved "aws:" prefix; maps only for providers the pool is configured with.
 * moto 5.2 serves none of these operations, so there is nothing to compare with.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetPrincipalTagAttributeMapCommand,
  ListTagsForResourceCommand,
  SetPrincipalTagAttributeMapCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import { startSandbox, type Sandbox } from "../src/sandbox/server.js";
import { body, errorOf, sdk } from "./support/sdk.js";
import { awsCli, awsCliAvailable, post } from "./support/sandbox-logins.js";
import { tempDir } from "./support/temp-dir.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const userPool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi";
const pool = {
  IdentityPoolName: "Tagged pool",
  AllowUnauthenticatedIdentities: false,
  SupportedLoginProviders: { "graph.facebook.com": "1234567890" },
  CognitoIdentityProviders: [{ ProviderName: userPool, ClientId: "app_client_id" }],
  OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/login.example.com"],
  SamlProviderARNs: ["arn:aws:iam::123456789012:saml-provider/Corp"],
};
const arnOf = (id: string, region = "us-east-1", account = "123456789012") =>
  `arn:aws:cognito-identity:${region}:${account}:identitypool/${id}`;

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

describe("tags", () => {
  it("are the pool's IdentityPoolTags: TagResource adds and overwrites, UntagResource removes, both seen by DescribeIdentityPool", async () => {
    const IdentityPoolId = await createPool({ IdentityPoolTags: { team: "blue", stage: "dev" } });
    const ResourceArn = arnOf(IdentityPoolId);
    expect(await body(client.send(new ListTagsForResourceCommand({ ResourceArn })))).toEqual({ Tags: { team: "blue", stage: "dev" } });

    expect(await body(client.send(new TagResourceCommand({ ResourceArn, Tags: { stage: "prod", owner: "" } })))).toEqual({});
    expect(await body(client.send(new ListTagsForResourceCommand({ ResourceArn })))).toEqual({
      Tags: { team: "blue", stage: "prod", owner: "" },
    });
    expect((await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId }))).IdentityPoolTags).toEqual({
      team: "blue",
      stage: "prod",
      owner: "",
    });

    // Keys the pool does not have are no error.
    expect(await body(client.send(new UntagResourceCommand({ ResourceArn, TagKeys: ["team", "never-set"] })))).toEqual({});
    expect((await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId }))).IdentityPoolTags).toEqual({ stage: "prod", owner: "" });
  });

  it("answers an empty map for a pool without tags, and UpdateIdentityPool replaces what TagResource set", async () => {
    const IdentityPoolId = await createPool();
    const ResourceArn = arnOf(IdentityPoolId);
    expect(await body(client.send(new ListTagsForResourceCommand({ ResourceArn })))).toEqual({ Tags: {} });
    await client.send(new TagResourceCommand({ ResourceArn, Tags: { a: "1" } }));
    await client.send(new UpdateIdentityPoolCommand({ IdentityPoolId, ...pool, IdentityPoolTags: { b: "2" } }));
    expect(await body(client.send(new ListTagsForResourceCommand({ ResourceArn })))).toEqual({ Tags: { b: "2" } });
    await client.send(new UpdateIdentityPoolCommand({ IdentityPoolId, ...pool }));
    expect(await body(client.send(new ListTagsForResourceCommand({ ResourceArn })))).toEqual({ Tags: {} });
  });

  it("allow 50 per pool: a TagResource that would make 51 is refused and changes nothing", async () => {
    const IdentityPoolId = await createPool();
    const ResourceArn = arnOf(IdentityPoolId);
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key${i}`, `v${i}`]));
    await client.send(new TagResourceCommand({ ResourceArn, Tags: fifty }));
    // Overwriting a key keeps the count.
    await client.send(new TagResourceCommand({ ResourceArn, Tags: { key0: "again" } }));
    expect(await errorOf(client.send(new TagResourceCommand({ ResourceArn, Tags: { one: "more" } })))).toEqual({
      name: "InvalidParameterException",
      message: "An identity pool can have as many as 50 tags; with these it would have 51.",
    });
    expect(Object.keys((await client.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags!)).toHaveLength(50);
    // More than 50 in one request is refused before the pool is looked at, as a constraint of the request.
    const tooMany = await post(sandbox.url, "TagResource", {
      ResourceArn,
      Tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])),
    });
    expect(tooMany.body.__type).toBe("ValidationException");
    expect(tooMany.body.message).toContain("at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
  });

  it("refuse the reserved aws: prefix in TagResource and UntagResource", async () => {
    const ResourceArn = arnOf(await createPool());
    for (const [operation, payload] of [
      ["TagResource", { ResourceArn, Tags: { "aws:owner": "x" } }],
      ["UntagResource", { ResourceArn, TagKeys: ["AWS:owner"] }],
    ] as const) {
      const refused = await post(sandbox.url, operation, payload);
      expect(refused.body.__type, operation).toBe("ValidationException");
      expect(refused.body.message, operation).toContain("Member must not begin with 'aws:', a prefix reserved for AWS");
    }
  });

  it.each([
    ["not an ARN", () => "us-east-1:00000000-0000-4000-8000-000000000000-xx", "InvalidParameterException"],
    ["a user pool's ARN", () => "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abcdefghi", "InvalidParameterException"],
    [
      "another resource type",
      (id: string) => `arn:aws:cognito-identity:us-east-1:123456789012:identity/${id}`,
      "InvalidParameterException",
    ],
    [
      "a partition that is not the region's",
      (id: string) => `arn:aws-cn:cognito-identity:us-east-1:123456789012:identitypool/${id}`,
      "InvalidParameterException",
    ],
    ["a pool of another region", (id: string) => arnOf(id.replace("us-east-1", "eu-west-1"), "eu-west-1"), "ResourceNotFoundException"],
    ["another account", (id: string) => arnOf(id, "us-east-1", "210987654321"), "ResourceNotFoundException"],
    ["a pool that does not exist", () => arnOf("us-east-1:00000000-0000-4000-8000-000000000000"), "ResourceNotFoundException"],
  ])("refuse %s as the ResourceArn", async (_case, arn, type) => {
    const ResourceArn = arn(await createPool());
    expect((await errorOf(client.send(new ListTagsForResourceCommand({ ResourceArn })))).name).toBe(type);
    expect((await errorOf(client.send(new TagResourceCommand({ ResourceArn, Tags: { a: "b" } })))).name).toBe(type);
    expect((await errorOf(client.send(new UntagResourceCommand({ ResourceArn, TagKeys: ["a"] })))).name).toBe(type);
  });

  it("address pools in the request's region only, with the region's partition", async () => {
    const china = sdk(sandbox.url, "cn-north-1");
    const IdentityPoolId = (await china.send(new CreateIdentityPoolCommand(pool))).IdentityPoolId!;
    const ResourceArn = `arn:aws-cn:cognito-identity:cn-north-1:123456789012:identitypool/${IdentityPoolId}`;
    await china.send(new TagResourceCommand({ ResourceArn, Tags: { a: "b" } }));
    expect((await china.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual({ a: "b" });
    expect((await errorOf(client.send(new ListTagsForResourceCommand({ ResourceArn })))).name).toBe("ResourceNotFoundException");
  });

  it("go with the pool: after DeleteIdentityPool its ARN is not found", async () => {
    const IdentityPoolId = await createPool({ IdentityPoolTags: { a: "b" } });
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId }));
    expect(await errorOf(client.send(new ListTagsForResourceCommand({ ResourceArn: arnOf(IdentityPoolId) })))).toEqual({
      name: "ResourceNotFoundException",
      message: `IdentityPool '${IdentityPoolId}' not found.`,
    });
  });
});

describe("principal tag attribute maps", () => {
  it("answer UseDefaults true and no PrincipalTags for a provider never set, then what SetPrincipalTagAttributeMap stored", async () => {
    const IdentityPoolId = await createPool();
    const IdentityProviderName = userPool;
    expect(await body(client.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName })))).toEqual({
      IdentityPoolId,
      IdentityProviderName,
      UseDefaults: true,
    });
    const map = { IdentityPoolId, IdentityProviderName, UseDefaults: false, PrincipalTags: { app: "aud", user: "sub" } };
    expect(await body(client.send(new SetPrincipalTagAttributeMapCommand(map)))).toEqual(map);
    expect(await body(client.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName })))).toEqual(map);

    // A set replaces the map; UseDefaults left out is false.
    const replaced = { IdentityPoolId, IdentityProviderName, PrincipalTags: { team: "custom:team" } };
    expect(await body(client.send(new SetPrincipalTagAttributeMapCommand(replaced)))).toEqual({ ...replaced, UseDefaults: false });
    expect(await body(client.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName })))).toEqual({
      ...replaced,
      UseDefaults: false,
    });
  });

  it("are kept per provider: a user pool, a public provider, an OIDC provider's host and a SAML provider's ARN", async () => {
    const IdentityPoolId = await createPool();
    const providers = [userPool, "graph.facebook.com", "login.example.com", "arn:aws:iam::123456789012:saml-provider/Corp"];
    for (const [i, IdentityProviderName] of providers.entries())
      await client.send(
        new SetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName, PrincipalTags: { n: `claim${i}` } }),
      );
    for (const [i, IdentityProviderName] of providers.entries())
      expect((await client.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName }))).PrincipalTags).toEqual({
        n: `claim${i}`,
      });
  });

  it("refuse a provider the pool is not configured with, and an unknown pool", async () => {
    const IdentityPoolId = await createPool();
    for (const IdentityProviderName of [
      "accounts.google.com",
      "arn:aws:iam::123456789012:oidc-provider/login.example.com",
      `${userPool}:app_client_id`,
    ]) {
      const expected = {
        name: "InvalidParameterException",
        message: `${IdentityProviderName} is not a valid IdentityProviderName or is not a configured provider.`,
      };
      expect(
        await errorOf(client.send(new SetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName, UseDefaults: true }))),
      ).toEqual(expected);
      expect(await errorOf(client.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName })))).toEqual(
        expected,
      );
    }
    const unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    expect(
      (await errorOf(client.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: unknown, IdentityProviderName: userPool }))))
        .name,
    ).toBe("ResourceNotFoundException");
  });

  it("are kept by UpdateIdentityPool and removed with the pool", async () => {
    const IdentityPoolId = await createPool();
    const map = { IdentityPoolId, IdentityProviderName: "graph.facebook.com", UseDefaults: false, PrincipalTags: { user: "sub" } };
    await client.send(new SetPrincipalTagAttributeMapCommand(map));
    await client.send(new UpdateIdentityPoolCommand({ IdentityPoolId, ...pool, IdentityPoolName: "Renamed" }));
    expect(
      await body(client.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName: "graph.facebook.com" }))),
    ).toEqual(map);
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId }));
    await client.send(new CreateIdentityPoolCommand(pool));
    expect(
      (await errorOf(client.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName: "graph.facebook.com" }))))
        .name,
    ).toBe("ResourceNotFoundException");
  });

  it("check PrincipalTags against the model: at most 50, values of 1 to 256 characters", async () => {
    const IdentityPoolId = await createPool();
    const tooMany = await post(sandbox.url, "SetPrincipalTagAttributeMap", {
      IdentityPoolId,
      IdentityProviderName: userPool,
      PrincipalTags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "sub"])),
    });
    expect(tooMany.body.__type).toBe("ValidationException");
    const empty = await post(sandbox.url, "SetPrincipalTagAttributeMap", {
      IdentityPoolId,
      IdentityProviderName: userPool,
      PrincipalTags: { t: "" },
    });
    expect(empty.body.__type).toBe("ValidationException");
  });
});

describe("the AWS CLI v1", () => {
  const dir = tempDir("cim-sandbox-tags-");

  it.runIf(awsCliAvailable)(
    "tags a pool with shorthand, lists and untags; sets and reads a principal tag map",
    { timeout: 60_000 },
    async () => {
      const IdentityPoolId = await createPool();
      const arn = arnOf(IdentityPoolId);
      expect(await awsCli(sandbox.url, ["tag-resource", "--resource-arn", arn, "--tags", "team=blue,stage=dev"], dir)).toBe("");
      expect(await awsCli(sandbox.url, ["untag-resource", "--resource-arn", arn, "--tag-keys", "stage"], dir)).toBe("");
      expect(await awsCli(sandbox.url, ["list-tags-for-resource", "--resource-arn", arn], dir)).toEqual({ Tags: { team: "blue" } });

      const set = await awsCli(
        sandbox.url,
        [
          "set-principal-tag-attribute-map",
          "--identity-pool-id",
          IdentityPoolId,
          "--identity-provider-name",
          userPool,
          "--no-use-defaults",
          "--principal-tags",
          "app=aud,user=sub",
        ],
        dir,
      );
      const map = { IdentityPoolId, IdentityProviderName: userPool, UseDefaults: false, PrincipalTags: { app: "aud", user: "sub" } };
      expect(set).toEqual(map);
      expect(
        await awsCli(
          sandbox.url,
          ["get-principal-tag-attribute-map", "--identity-pool-id", IdentityPoolId, "--identity-provider-name", userPool],
          dir,
        ),
      ).toEqual(map);
    },
  );
});
