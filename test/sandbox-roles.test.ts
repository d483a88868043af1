/**
 * The sandbox's GetIdentityPoolRoles and SetIdentityPoolRoles, through the AWS SDK and the AWS CLI
 * v1: replace semantics, the model's constraints and the API reference's rules as AWS answers them,
 * roles kept by UpdateIdentityPool, removed with the pool, and kept in the data file across a restart.
 * moto 5.2 does not serve these operations, so there is nothing to compare with.
 */
import { execFile, spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetIdentityPoolRolesCommand,
  SetIdentityPoolRolesCommand,
  UpdateIdentityPoolCommand,
  type RoleMapping,
  type SetIdentityPoolRolesInput,
} from "@aws-sdk/client-cognito-identity";
import { startSandbox, type Sandbox } from "../src/sandbox/server.js";
import { body, errorOf, sdk } from "./support/sdk.js";
import { tempDir } from "./support/temp-dir.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const awsCliAvailable = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
const run = promisify(execFile);

const auth = "arn:aws:iam::123456789012:role/Auth";
const unauth = "arn:aws:iam::123456789012:role/Unauth";
const userPool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:app_client_id";
const pool = {
  IdentityPoolName: "Roles pool",
  AllowUnauthenticatedIdentities: true,
  SupportedLoginProviders: { "graph.facebook.com": "1234567890" },
  CognitoIdentityProviders: [{ ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi", ClientId: "app_client_id" }],
};
const rulesMapping: RoleMapping = {
  Type: "Rules",
  AmbiguousRoleResolution: "Deny",
  RulesConfiguration: {
    Rules: [
      { Claim: "custom:équipe", MatchType: "Equals", Value: "admins", RoleARN: "arn:aws:iam::123456789012:role/Admins" },
      // \p{L}, \p{S}, \p{N}, \p{P}: letters of any script, symbols (an emoji of two UTF-16 units), digits, punctuation.
      { Claim: "部署😀1-_", MatchType: "StartsWith", Value: "paid plan", RoleARN: "arn:aws:iam::123456789012:role/Paid" },
    ],
  },
};
const tokenMapping: RoleMapping = { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" };

/** Raw AWS JSON 1.1, for what the SDK would not send. */
async function post(url: string, operation: string, payload: object) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityService.${operation}` },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function createPool(url: string): Promise<string> {
  return (await sdk(url).send(new CreateIdentityPoolCommand(pool))).IdentityPoolId!;
}

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
});
afterEach(() => sandbox.close());

describe("through the AWS SDK", () => {
  it("answers only the IdentityPoolId for a pool whose roles were never set, then what SetIdentityPoolRoles sent", async () => {
    const client = sdk(sandbox.url);
    const IdentityPoolId = await createPool(sandbox.url);
    expect(await body(client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId })))).toEqual({ IdentityPoolId });

    const roles = {
      Roles: { authenticated: auth, unauthenticated: unauth },
      RoleMappings: { [userPool]: rulesMapping, "graph.facebook.com": tokenMapping },
    };
    expect(await body(client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, ...roles })))).toEqual({});
    expect(await body(client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId })))).toEqual({ IdentityPoolId, ...roles });
  });

  it("replaces both maps on every set: left-out RoleMappings are removed, and empty Roles clear the roles", async () => {
    const client = sdk(sandbox.url);
    const IdentityPoolId = await createPool(sandbox.url);
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId,
        Roles: { authenticated: auth, unauthenticated: unauth },
        RoleMappings: { [userPool]: rulesMapping },
      }),
    );
    await client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: unauth } }));
    expect(await body(client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId })))).toEqual({
      IdentityPoolId,
      Roles: { authenticated: unauth },
    });
    await client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: {} }));
    expect(await body(client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId })))).toEqual({ IdentityPoolId, Roles: {} });
  });

  it("keeps the roles through UpdateIdentityPool, and removes them with the pool", async () => {
    const client = sdk(sandbox.url);
    const IdentityPoolId = await createPool(sandbox.url);
    const roles = { Roles: { authenticated: auth }, RoleMappings: { [userPool]: tokenMapping } };
    await client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, ...roles }));
    await client.send(
      new UpdateIdentityPoolCommand({ IdentityPoolId, IdentityPoolName: "Renamed", AllowUnauthenticatedIdentities: false }),
    );
    expect(await body(client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId })))).toEqual({ IdentityPoolId, ...roles });
    // Roles are not members of the pool: DescribeIdentityPool does not show them.
    expect(await body(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId })))).toEqual({
      IdentityPoolId,
      IdentityPoolName: "Renamed",
      AllowUnauthenticatedIdentities: false,
    });

    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId }));
    const notFound = { name: "ResourceNotFoundException", message: `IdentityPool '${IdentityPoolId}' not found.` };
    expect(await errorOf(client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId })))).toEqual(notFound);
    expect(await errorOf(client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, ...roles })))).toEqual(notFound);
  });

  it("serves a pool's roles in its own region only", async () => {
    const IdentityPoolId = await createPool(sandbox.url);
    const elsewhere = new CognitoIdentityClient({
      endpoint: sandbox.url,
      region: "eu-west-1",
      credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "x" },
      maxAttempts: 1,
    });
    expect((await errorOf(elsewhere.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: auth } })))).name).toBe(
      "ResourceNotFoundException",
    );
    expect((await errorOf(elsewhere.send(new GetIdentityPoolRolesCommand({ IdentityPoolId })))).name).toBe("ResourceNotFoundException");
  });
});

describe("invalid requests", () => {
  const rule = (overrides: object) => ({ Claim: "isAdmin", MatchType: "Equals", Value: "yes", RoleARN: auth, ...overrides });
  const mapping = (overrides: object) => ({
    Type: "Rules",
    AmbiguousRoleResolution: "Deny",
    RulesConfiguration: { Rules: [rule({})] },
    ...overrides,
  });

  it.each([
    [
      "a role key other than authenticated or unauthenticated",
      { Roles: { admin: auth } },
      `Value '{admin=${auth}}' at 'roles' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: (un)?authenticated]`,
    ],
    [
      "a role ARN shorter than 20 characters",
      { Roles: { authenticated: "arn:aws:iam::1:r/x" } },
      "Value '{authenticated=arn:aws:iam::1:r/x}' at 'roles' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length greater than or equal to 20]",
    ],
    ["no Roles", { Roles: undefined }, "Value null at 'roles' failed to satisfy constraint: Member must not be null"],
    [
      "11 role mappings",
      { RoleMappings: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`provider${i}.example.com`, tokenMapping])) },
      "at 'roleMappings' failed to satisfy constraint: Member must have length less than or equal to 10",
    ],
    [
      "a provider name longer than 128 characters",
      { RoleMappings: { ["p".repeat(129)]: tokenMapping } },
      "at 'roleMappings' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128]",
    ],
    [
      "a mapping without a Type",
      { RoleMappings: { "graph.facebook.com": { AmbiguousRoleResolution: "Deny" } } },
      "Value null at 'roleMappings.graph.facebook.com.type' failed to satisfy constraint: Member must not be null",
    ],
    [
      "a Type that is not Token or Rules",
      { RoleMappings: { "graph.facebook.com": mapping({ Type: "Groups" }) } },
      "Value 'Groups' at 'roleMappings.graph.facebook.com.type' failed to satisfy constraint: Member must satisfy enum value set: [Token, Rules]",
    ],
    [
      "an AmbiguousRoleResolution that is not AuthenticatedRole or Deny",
      { RoleMappings: { "graph.facebook.com": mapping({ AmbiguousRoleResolution: "Allow" }) } },
      "Value 'Allow' at 'roleMappings.graph.facebook.com.ambiguousRoleResolution' failed to satisfy constraint: Member must satisfy enum value set: [AuthenticatedRole, Deny]",
    ],
    [
      "RulesConfiguration with no rules",
      { RoleMappings: { "graph.facebook.com": mapping({ RulesConfiguration: { Rules: [] } }) } },
      "Value '[]' at 'roleMappings.graph.facebook.com.rulesConfiguration.rules' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    [
      "a claim with a space",
      { RoleMappings: { "graph.facebook.com": mapping({ RulesConfiguration: { Rules: [rule({}), rule({ Claim: "is admin" })] } }) } },
      "Value 'is admin' at 'roleMappings.graph.facebook.com.rulesConfiguration.rules.2.member.claim' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    ],
    [
      "a claim of 65 characters",
      { RoleMappings: { "graph.facebook.com": mapping({ RulesConfiguration: { Rules: [rule({ Claim: "c".repeat(65) })] } }) } },
      `Value '${"c".repeat(65)}' at 'roleMappings.graph.facebook.com.rulesConfiguration.rules.1.member.claim' failed to satisfy constraint: Member must have length less than or equal to 64`,
    ],
    [
      "an unknown MatchType",
      { RoleMappings: { "graph.facebook.com": mapping({ RulesConfiguration: { Rules: [rule({ MatchType: "Matches" })] } }) } },
      "Value 'Matches' at 'roleMappings.graph.facebook.com.rulesConfiguration.rules.1.member.matchType' failed to satisfy constraint: Member must satisfy enum value set: [Equals, Contains, StartsWith, NotEqual]",
    ],
    [
      "an empty rule value",
      { RoleMappings: { "graph.facebook.com": mapping({ RulesConfiguration: { Rules: [rule({ Value: "" })] } }) } },
      "Value '' at 'roleMappings.graph.facebook.com.rulesConfiguration.rules.1.member.value' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    [
      "a rule without a RoleARN",
      { RoleMappings: { "graph.facebook.com": mapping({ RulesConfiguration: { Rules: [rule({ RoleARN: undefined })] } }) } },
      "Value null at 'roleMappings.graph.facebook.com.rulesConfiguration.rules.1.member.roleARN' failed to satisfy constraint: Member must not be null",
    ],
  ])("%s is a ValidationException", async (_case, request, expected) => {
    const IdentityPoolId = await createPool(sandbox.url);
    const failure = await post(sandbox.url, "SetIdentityPoolRoles", { IdentityPoolId, Roles: { authenticated: auth }, ...request });
    expect(failure.status).toBe(400);
    expect(failure.body.__type).toBe("ValidationException");
    expect(failure.body.message).toMatch(/^1 validation error detected: /);
    expect(failure.body.message).toContain(expected);
  });

  it.each([
    // API reference, RoleMapping.
    [
      "a mapping without AmbiguousRoleResolution",
      { [userPool]: { Type: "Token" } },
      "InvalidParameterException",
      `AmbiguousRoleResolution must be set when Type is Token or Rules (role mapping for '${userPool}').`,
    ],
    [
      "a Rules mapping without RulesConfiguration",
      { [userPool]: { Type: "Rules", AmbiguousRoleResolution: "Deny" } },
      "InvalidParameterException",
      `RulesConfiguration must be set when Type is Rules (role mapping for '${userPool}').`,
    ],
    // API reference, SetIdentityPoolRoles: "Up to 25 rules can be specified per identity provider" (the model allows 400).
    [
      "26 rules for one provider",
      { [userPool]: mapping({ RulesConfiguration: { Rules: Array.from({ length: 26 }, (_, i) => rule({ Value: `v${i}` })) } }) },
      "InvalidParameterException",
      `Up to 25 rules can be specified per identity provider; the role mapping for '${userPool}' has 26.`,
    ],
  ])("%s is refused", async (_case, RoleMappings, type, message) => {
    const client = sdk(sandbox.url);
    const IdentityPoolId = await createPool(sandbox.url);
    await client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: auth } }));
    const failure = await errorOf(
      client.send(
        new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: unauth }, RoleMappings } as SetIdentityPoolRolesInput),
      ),
    );
    expect(failure).toEqual({ name: type, message });
    // A refused request changes nothing.
    expect(await body(client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId })))).toEqual({
      IdentityPoolId,
      Roles: { authenticated: auth },
    });
  });

  it("25 rules for one provider are accepted", async () => {
    const IdentityPoolId = await createPool(sandbox.url);
    const RoleMappings = {
      [userPool]: mapping({ RulesConfiguration: { Rules: Array.from({ length: 25 }, (_, i) => rule({ Value: `v${i}` })) } }),
    } as Record<string, RoleMapping>;
    await sdk(sandbox.url).send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: {}, RoleMappings }));
    expect((await sdk(sandbox.url).send(new GetIdentityPoolRolesCommand({ IdentityPoolId }))).RoleMappings).toEqual(RoleMappings);
  });

  it("a role given by name, not ARN, is refused as AWS refuses it: access to the role is forbidden", async () => {
    const IdentityPoolId = await createPool(sandbox.url);
    const failure = await errorOf(
      sdk(sandbox.url).send(
        new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: "my-stack-AuthRole-KBKHTR8P6UC2" } }),
      ),
    );
    expect(failure).toEqual({ name: "NotAuthorizedException", message: "Access to Role 'my-stack-AuthRole-KBKHTR8P6UC2' is forbidden." });
  });

  it("a value of the wrong JSON type, or an unknown member, is a SerializationException", async () => {
    const IdentityPoolId = await createPool(sandbox.url);
    const failure = await post(sandbox.url, "SetIdentityPoolRoles", {
      IdentityPoolId,
      Roles: { authenticated: auth },
      RoleMappings: { "graph.facebook.com": { Type: 5, AmbiguousRoleResolution: "Deny", Extra: true } },
    });
    expect(failure.body.__type).toBe("SerializationException");
    expect(failure.body.message).toContain('RoleMappings["graph.facebook.com"].Type: must be a string, got number 5');
    expect(failure.body.message).toContain('RoleMappings["graph.facebook.com"].Extra: is not a known key');
    const notAMap = await post(sandbox.url, "SetIdentityPoolRoles", { IdentityPoolId, Roles: [auth] });
    expect(notAMap.body.__type).toBe("SerializationException");
  });

  it("GetIdentityPoolRoles checks its IdentityPoolId as the other operations do", async () => {
    const failure = await post(sandbox.url, "GetIdentityPoolRoles", { IdentityPoolId: "nope" });
    expect(failure.body).toEqual({
      __type: "ValidationException",
      message:
        "1 validation error detected: Value 'nope' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
    });
  });
});

/** `aws --endpoint-url URL cognito-identity …` with no AWS configuration, without a shell; parsed JSON output ("" when there is none). */
async function aws(url: string, args: string[], home: string): Promise<unknown> {
  const env = { PATH: process.env.PATH ?? "", HOME: home, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" };
  const { stdout } = await run(
    "aws",
    ["cognito-identity", ...args, "--endpoint-url", url, "--no-sign-request", "--region", "us-east-1", "--output", "json"],
    { env },
  );
  return stdout.trim() ? JSON.parse(stdout) : "";
}

describe("temporary directories", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir("cim-sandbox-roles-");
  });

  it.runIf(awsCliAvailable)(
    "the AWS CLI v1 reads back what it set: shorthand --roles, JSON --role-mappings with rules",
    { timeout: 60_000 },
    async () => {
      const IdentityPoolId = await createPool(sandbox.url);
      const roleMappings = { [userPool]: rulesMapping, "graph.facebook.com": tokenMapping };
      const set = await aws(
        sandbox.url,
        [
          "set-identity-pool-roles",
          "--identity-pool-id",
          IdentityPoolId,
          "--roles",
          `authenticated=${auth},unauthenticated=${unauth}`,
          "--role-mappings",
          JSON.stringify(roleMappings),
        ],
        dir,
      );
      expect(set).toBe("");
      expect(await aws(sandbox.url, ["get-identity-pool-roles", "--identity-pool-id", IdentityPoolId], dir)).toEqual({
        IdentityPoolId,
        Roles: { authenticated: auth, unauthenticated: unauth },
        RoleMappings: roleMappings,
      });
    },
  );

  it("keeps roles in the data file across a restart, and loads a file of the format before roles", async () => {
    const dataFile = join(dir, "pools.json");
    const first = await startSandbox({ dataFile });
    const IdentityPoolId = await createPool(first.url);
    const roles = { Roles: { authenticated: auth, unauthenticated: unauth }, RoleMappings: { [userPool]: rulesMapping } };
    await sdk(first.url).send(new SetIdentityPoolRolesCommand({ IdentityPoolId, ...roles }));
    await first.close();
    const written = JSON.parse(await readFile(dataFile, "utf8")) as { format: string; pools: { roles?: unknown }[] };
    expect(written.format).toBe("cognito-identity-mcp sandbox 3");
    expect(written.pools[0]!.roles).toEqual(roles);

    const second = await startSandbox({ dataFile });
    try {
      expect(await body(sdk(second.url).send(new GetIdentityPoolRolesCommand({ IdentityPoolId })))).toEqual({ IdentityPoolId, ...roles });
    } finally {
      await second.close();
    }

    // A file written before roles existed: its pools load with no roles, and the next change writes the current format (3).
    const id = "us-east-1:00000000-0000-4000-8000-000000000001";
    await writeFile(
      dataFile,
      JSON.stringify({
        format: "cognito-identity-mcp sandbox 1",
        lastSequence: 1,
        pools: [{ sequence: 1, pool: { IdentityPoolId: id, IdentityPoolName: "old", AllowUnauthenticatedIdentities: false } }],
      }),
    );
    const third = await startSandbox({ dataFile });
    try {
      const client = sdk(third.url);
      expect(await body(client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id })))).toEqual({ IdentityPoolId: id });
      await client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { authenticated: auth } }));
    } finally {
      await third.close();
    }
    expect(JSON.parse(await readFile(dataFile, "utf8"))).toEqual({
      format: "cognito-identity-mcp sandbox 3",
      lastSequence: 1,
      pools: [
        {
          sequence: 1,
          pool: { IdentityPoolId: id, IdentityPoolName: "old", AllowUnauthenticatedIdentities: false },
          roles: { Roles: { authenticated: auth } },
        },
      ],
      lastIdentitySequence: 0,
      identities: [],
    });
  });

  const storedPool = {
    sequence: 1,
    pool: {
      IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000001",
      IdentityPoolName: "p",
      AllowUnauthenticatedIdentities: false,
    },
  };
  it.each([
    [
      "roles in a file of the format before roles",
      { format: "cognito-identity-mcp sandbox 1", lastSequence: 1, pools: [{ ...storedPool, roles: { Roles: {} } }] },
      /pools\.0: Unrecognized key: "roles"/,
    ],
    [
      "a role key AWS would refuse",
      { format: "cognito-identity-mcp sandbox 2", lastSequence: 1, pools: [{ ...storedPool, roles: { Roles: { admin: auth } } }] },
      /pools\.0\.roles\.Roles\.admin/,
    ],
    [
      "a Rules mapping without rules",
      {
        format: "cognito-identity-mcp sandbox 2",
        lastSequence: 1,
        pools: [{ ...storedPool, roles: { Roles: {}, RoleMappings: { [userPool]: { Type: "Rules", AmbiguousRoleResolution: "Deny" } } } }],
      },
      /pools\.0\.roles: RulesConfiguration must be set when Type is Rules/,
    ],
  ])("refuses to start on a data file holding %s, and leaves it as it is", async (_case, json, message) => {
    const dataFile = join(dir, "pools.json");
    const contents = JSON.stringify(json);
    await writeFile(dataFile, contents);
    await expect(startSandbox({ dataFile })).rejects.toThrow(message);
    expect(await readFile(dataFile, "utf8")).toBe(contents);
  });
});
