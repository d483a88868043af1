/**
 * The sandbox's GetCredentialsForIdentity and GetOpenIdToken, and the role it chooses
 * (chooseRole, role-choice.ts), through the AWS SDK and the AWS CLI v1: plainly fake credentials
 * shaped per the model, the role named in the request's log line only, roles and role mappings
 * applied as the developer guide describes, AWS's refusals, and OpenID tokens of AWS's layout.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  SetIdentityPoolRolesCommand,
  UpdateIdentityPoolCommand,
  type RoleMapping,
} from "@aws-sdk/client-cognito-identity";
import type { IdentityPool } from "../src/operation/model.js";
import { chooseRole, type RoleChoice } from "../src/sandbox/role-choice.js";
import type { PoolRoles } from "../src/sandbox/roles.js";
import { startSandbox, type Sandbox } from "../src/sandbox/server.js";
import { body, errorOf, sdk } from "./support/sdk.js";
import { awsCli, awsCliAvailable, decodeToken, jwt, post } from "./support/sandbox-logins.js";
import { tempDir } from "./support/temp-dir.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const userPool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi";
const poolSettings = {
  IdentityPoolName: "Credentials pool",
  AllowUnauthenticatedIdentities: true,
  SupportedLoginProviders: { "graph.facebook.com": "1234567890", "accounts.google.com": "google-app" },
  CognitoIdentityProviders: [{ ProviderName: userPool, ClientId: "app_client_id" }],
};
const roles = { authenticated: role("Auth"), unauthenticated: role("Guest") };
const rulesMapping = (resolution: "AuthenticatedRole" | "Deny"): RoleMapping => ({
  Type: "Rules",
  AmbiguousRoleResolution: resolution,
  RulesConfiguration: {
    Rules: [
      { Claim: "custom:team", MatchType: "Equals", Value: "admins", RoleARN: role("Admins") },
      { Claim: "email", MatchType: "Contains", Value: "@example.com", RoleARN: role("Staff") },
      { Claim: "plan", MatchType: "StartsWith", Value: "paid", RoleARN: role("Paid") },
    ],
  },
});

describe("chooseRole", () => {
  const pool: IdentityPool = { IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000", ...poolSettings };
  const guest = { logins: [] };
  const member = { logins: [{ provider: "graph.facebook.com", user: "u" }] };
  const login = (provider: string, claims?: Record<string, unknown>) => ({ provider, user: "u", ...(claims ? { claims } : {}) });
  const roleOf = (choice: RoleChoice) => ("error" in choice ? { error: choice.error.type, message: choice.error.message } : choice);

  it("gives an unauthenticated identity Roles.unauthenticated, an authenticated one without a mapping Roles.authenticated", () => {
    expect(chooseRole(pool, { Roles: roles }, guest, [])).toEqual({ roleArn: role("Guest"), basis: "Roles.unauthenticated" });
    expect(chooseRole(pool, { Roles: roles }, member, [login("graph.facebook.com")])).toEqual({
      roleArn: role("Auth"),
      basis: "Roles.authenticated",
    });
  });

  it("refuses as AWS does when no role is set for the identity", () => {
    const noRole = {
      error: "InvalidIdentityPoolConfigurationException",
      message: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
    };
    expect(roleOf(chooseRole(pool, undefined, guest, []))).toEqual(noRole);
    expect(roleOf(chooseRole(pool, { Roles: { authenticated: role("Auth") } }, guest, []))).toEqual(noRole);
    expect(roleOf(chooseRole(pool, { Roles: { unauthenticated: role("Guest") } }, member, [login("graph.facebook.com")]))).toEqual(noRole);
  });

  it("applies Rules in order: the first matching rule's role, CustomRoleArn among matching rules only", () => {
    const mapped = { Roles: roles, RoleMappings: { "accounts.google.com": rulesMapping("Deny") } } as PoolRoles;
    const both = login("accounts.google.com", { "custom:team": "admins", email: "a@example.com" });
    expect(chooseRole(pool, mapped, member, [both])).toEqual({
      roleArn: role("Admins"),
      basis: 'RoleMappings["accounts.google.com"] rule 1',
    });
    expect(chooseRole(pool, mapped, member, [login("accounts.google.com", { email: "b@example.com", "custom:team": "users" })])).toEqual({
      roleArn: role("Staff"),
      basis: 'RoleMappings["accounts.google.com"] rule 2',
    });
    expect(chooseRole(pool, mapped, member, [both], role("Staff"))).toEqual({
      roleArn: role("Staff"),
      basis: 'RoleMappings["accounts.google.com"] rule 2 (CustomRoleArn)',
    });
    expect(roleOf(chooseRole(pool, mapped, member, [both], role("Paid")))).toMatchObject({ error: "NotAuthorizedException" });
    // A list claim matches if a member does.
    expect(chooseRole(pool, mapped, member, [login("accounts.google.com", { plan: ["free", "paid-2026"] })])).toMatchObject({
      roleArn: role("Paid"),
    });
  });

  it("resolves no match by AmbiguousRoleResolution: AuthenticatedRole or Deny", () => {
    const nobody = [login("accounts.google.com", { email: "x@elsewhere.org" })];
    const deny: PoolRoles = { Roles: roles, RoleMappings: { "accounts.google.com": rulesMapping("Deny") } } as PoolRoles;
    const fallBack: PoolRoles = { Roles: roles, RoleMappings: { "accounts.google.com": rulesMapping("AuthenticatedRole") } } as PoolRoles;
    expect(roleOf(chooseRole(pool, deny, member, nobody))).toEqual({
      error: "NotAuthorizedException",
      message: "The ambiguous role mapping rules denied this request.",
    });
    expect(chooseRole(pool, fallBack, member, nobody)).toEqual({ roleArn: role("Auth"), basis: "Roles.authenticated" });
    // Without claims (an opaque token) no rule matches.
    expect(chooseRole(pool, fallBack, member, [login("accounts.google.com")])).toMatchObject({ roleArn: role("Auth") });
  });

  it("skips a NotEqual rule whose claim is missing", () => {
    const mapping = {
      Type: "Rules",
      AmbiguousRoleResolution: "AuthenticatedRole",
      RulesConfiguration: { Rules: [{ Claim: "tier", MatchType: "NotEqual", Value: "free", RoleARN: role("NotFree") }] },
    };
    const mapped = { Roles: roles, RoleMappings: { "graph.facebook.com": mapping } } as PoolRoles;
    expect(chooseRole(pool, mapped, member, [login("graph.facebook.com", { tier: "gold" })])).toMatchObject({ roleArn: role("NotFree") });
    expect(chooseRole(pool, mapped, member, [login("graph.facebook.com", { tier: "free" })])).toMatchObject({ roleArn: role("Auth") });
    expect(chooseRole(pool, mapped, member, [login("graph.facebook.com", {})])).toMatchObject({ roleArn: role("Auth") });
  });

  it("takes a Token mapping's role from cognito:preferred_role, CustomRoleArn only from cognito:roles", () => {
    const mapped = {
      Roles: roles,
      RoleMappings: { [`${userPool}:app_client_id`]: { Type: "Token", AmbiguousRoleResolution: "Deny" } },
    } as PoolRoles;
    const claims = { aud: "app_client_id", "cognito:preferred_role": role("Editors"), "cognito:roles": [role("Editors"), role("Viewers")] };
    expect(chooseRole(pool, mapped, member, [login(userPool, claims)])).toEqual({
      roleArn: role("Editors"),
      basis: `RoleMappings["${userPool}:app_client_id"] cognito:preferred_role`,
    });
    expect(chooseRole(pool, mapped, member, [login(userPool, claims)], role("Viewers"))).toMatchObject({ roleArn: role("Viewers") });
    expect(roleOf(chooseRole(pool, mapped, member, [login(userPool, claims)], role("Admins")))).toMatchObject({
      error: "NotAuthorizedException",
    });
    // cognito:roles as the developer guide shows it, a comma-separated string.
    expect(
      chooseRole(
        pool,
        mapped,
        member,
        [login(userPool, { ...claims, "cognito:roles": `${role("Editors")},${role("Viewers")}` })],
        role("Viewers"),
      ),
    ).toMatchObject({
      roleArn: role("Viewers"),
    });
    // Several roles and no preferred one: ambiguous.
    const { "cognito:preferred_role": _preferred, ...ambiguous } = claims;
    expect(roleOf(chooseRole(pool, mapped, member, [login(userPool, ambiguous)]))).toMatchObject({ error: "NotAuthorizedException" });
    // A user pool's mapping is found by the token's app client; an opaque token, by the pool's one client.
    expect(roleOf(chooseRole(pool, mapped, member, [login(userPool)]))).toMatchObject({ error: "NotAuthorizedException" });
    expect(chooseRole(pool, mapped, member, [login(userPool, { ...claims, aud: "other_client" })])).toMatchObject({
      roleArn: role("Auth"),
    });
  });

  it("refuses a CustomRoleArn other than the one role an identity without a mapping may have", () => {
    expect(chooseRole(pool, { Roles: roles }, member, [login("graph.facebook.com")], role("Auth"))).toMatchObject({
      roleArn: role("Auth"),
    });
    expect(roleOf(chooseRole(pool, { Roles: roles }, member, [login("graph.facebook.com")], role("Admins")))).toMatchObject({
      error: "NotAuthorizedException",
    });
    expect(roleOf(chooseRole(pool, { Roles: roles }, guest, [], role("Auth")))).toMatchObject({ error: "NotAuthorizedException" });
  });
});

describe("through the sandbox", () => {
  let sandbox: Sandbox;
  let client: CognitoIdentityClient;
  let log: string[];
  beforeEach(async () => {
    log = [];
    sandbox = await startSandbox({ log: (line) => log.push(line) });
    client = sdk(sandbox.url);
  });
  afterEach(() => sandbox.close());

  async function createPool(extra: object = {}, poolRoles?: PoolRoles): Promise<string> {
    const IdentityPoolId = (await client.send(new CreateIdentityPoolCommand({ ...poolSettings, ...extra }))).IdentityPoolId!;
    if (poolRoles) await client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, ...(poolRoles as object) } as never));
    return IdentityPoolId;
  }
  const getId = async (IdentityPoolId: string, Logins?: Record<string, string>) =>
    (await client.send(new GetIdCommand({ IdentityPoolId, Logins }))).IdentityId!;
  const roleLogged = () => /role=(\S+)/.exec(log.filter((l) => l.includes("GetCredentialsForIdentity 200")).at(-1) ?? "")?.[1];

  it("issues plainly fake credentials, shaped as the model's, expiring in an hour", async () => {
    const IdentityPoolId = await createPool({}, { Roles: roles });
    const IdentityId = await getId(IdentityPoolId);
    const before = Math.floor(Date.now() / 1000);
    const raw = await post(sandbox.url, "GetCredentialsForIdentity", { IdentityId });
    const after = Math.ceil(Date.now() / 1000);
    expect(Object.keys(raw.body)).toEqual(["IdentityId", "Credentials"]);
    const credentials = raw.body.Credentials as Record<string, unknown>;
    expect(Object.keys(credentials)).toEqual(["AccessKeyId", "SecretKey", "SessionToken", "Expiration"]);
    expect(credentials.AccessKeyId).toMatch(/^ASIASANDBOX[A-Z2-7]{9}$/);
    expect(credentials.SecretKey).toMatch(/^sandbox-secret-[0-9a-f]{40}$/);
    expect(credentials.SessionToken).toMatch(/^sandbox-session-[0-9a-f]{64}$/);
    expect(credentials.Expiration).toBeGreaterThanOrEqual(before + 3600);
    expect(credentials.Expiration).toBeLessThanOrEqual(after + 3600);
    // Every call, new ones.
    const again = await client.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    expect(again.Credentials!.SecretKey).not.toBe(credentials.SecretKey);
    expect(again.Credentials!.Expiration).toBeInstanceOf(Date);
  });

  it("names the role in the request's log line, never in the credentials", async () => {
    const IdentityPoolId = await createPool({}, { Roles: roles });
    const guest = await getId(IdentityPoolId);
    const { Credentials } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId: guest }));
    expect(roleLogged()).toBe(role("Guest"));
    expect(JSON.stringify(Credentials)).not.toContain("Guest");
    expect(JSON.stringify(Credentials)).not.toContain(guest);
    expect(log.join("\n")).not.toContain(Credentials!.SecretKey!);
    expect(log.join("\n")).not.toContain(Credentials!.SessionToken!);

    const facebook = { "graph.facebook.com": "olga" };
    const member = await getId(IdentityPoolId, facebook);
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId: member, Logins: facebook }));
    expect(log.at(-1)).toBe(`us-east-1 GetCredentialsForIdentity 200 role=${role("Auth")} (Roles.authenticated)`);
  });

  it("chooses the role by the login's role mapping rules, from the token's claims", async () => {
    const IdentityPoolId = await createPool({}, {
      Roles: roles,
      RoleMappings: { "accounts.google.com": rulesMapping("Deny") },
    } as PoolRoles);
    const staff = { "accounts.google.com": jwt({ sub: "pat", email: "pat@example.com" }) };
    const patId = await getId(IdentityPoolId, staff);
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId: patId, Logins: staff }));
    expect(roleLogged()).toBe(role("Staff"));
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId: patId, Logins: staff, CustomRoleArn: role("Staff") }));
    expect(roleLogged()).toBe(role("Staff"));
    expect(
      (
        await errorOf(
          client.send(new GetCredentialsForIdentityCommand({ IdentityId: patId, Logins: staff, CustomRoleArn: role("Admins") })),
        )
      ).name,
    ).toBe("NotAuthorizedException");

    const outsider = { "accounts.google.com": jwt({ sub: "quinn", email: "quinn@elsewhere.org" }) };
    const quinn = await getId(IdentityPoolId, outsider);
    expect(await errorOf(client.send(new GetCredentialsForIdentityCommand({ IdentityId: quinn, Logins: outsider })))).toEqual({
      name: "NotAuthorizedException",
      message: "The ambiguous role mapping rules denied this request.",
    });
    // Another provider of the pool has no mapping: the authenticated role.
    const facebook = { "graph.facebook.com": "quinn-fb" };
    const quinnFb = await getId(IdentityPoolId, facebook);
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId: quinnFb, Logins: facebook }));
    expect(roleLogged()).toBe(role("Auth"));
  });

  it("chooses a user pool's role from the token's cognito:preferred_role under a Token mapping", async () => {
    const tokenMapping = { [`${userPool}:app_client_id`]: { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" } };
    const IdentityPoolId = await createPool({}, { Roles: roles, RoleMappings: tokenMapping } as PoolRoles);
    const idToken = jwt({
      sub: "rita",
      iss: `https://${userPool}`,
      aud: "app_client_id",
      "cognito:preferred_role": role("Editors"),
      "cognito:roles": [role("Editors")],
    });
    const IdentityId = await getId(IdentityPoolId, { [userPool]: idToken });
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [userPool]: idToken } }));
    expect(roleLogged()).toBe(role("Editors"));
  });

  it("keeps the log line one line when the role comes from a token's claim holding a line break", async () => {
    const tokenMapping = { [`${userPool}:app_client_id`]: { Type: "Token", AmbiguousRoleResolution: "Deny" } };
    const IdentityPoolId = await createPool({}, { Roles: roles, RoleMappings: tokenMapping } as PoolRoles);
    const idToken = jwt({ sub: "ruth", aud: "app_client_id", "cognito:preferred_role": `${role("X")}\nus-east-1 Forged 200` });
    const IdentityId = await getId(IdentityPoolId, { [userPool]: idToken });
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [userPool]: idToken } }));
    expect(log.at(-1)).toBe(
      `us-east-1 GetCredentialsForIdentity 200 role=${role("X")}?us-east-1 Forged 200 (RoleMappings["${userPool}:app_client_id"] cognito:preferred_role)`,
    );
  });

  it("refuses an authenticated identity without one of its logins, and an unauthenticated one once the pool stops allowing them", async () => {
    const IdentityPoolId = await createPool({}, { Roles: roles });
    const facebook = { "graph.facebook.com": "sam" };
    const sam = await getId(IdentityPoolId, facebook);
    const mismatch = {
      name: "NotAuthorizedException",
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    };
    expect(await errorOf(client.send(new GetCredentialsForIdentityCommand({ IdentityId: sam })))).toEqual(mismatch);
    expect(
      await errorOf(client.send(new GetCredentialsForIdentityCommand({ IdentityId: sam, Logins: { "graph.facebook.com": "tom" } }))),
    ).toEqual(mismatch);
    expect(await errorOf(client.send(new GetOpenIdTokenCommand({ IdentityId: sam })))).toEqual(mismatch);

    const guest = await getId(IdentityPoolId);
    await client.send(new UpdateIdentityPoolCommand({ IdentityPoolId, ...poolSettings, AllowUnauthenticatedIdentities: false }));
    const refused = { name: "NotAuthorizedException", message: "Unauthenticated access is not supported for this identity pool." };
    expect(await errorOf(client.send(new GetCredentialsForIdentityCommand({ IdentityId: guest })))).toEqual(refused);
    expect(await errorOf(client.send(new GetOpenIdTokenCommand({ IdentityId: guest })))).toEqual(refused);
    expect(
      (await errorOf(client.send(new GetCredentialsForIdentityCommand({ IdentityId: "us-east-1:00000000-0000-4000-8000-000000000000" }))))
        .name,
    ).toBe("ResourceNotFoundException");
  });

  it("refuses with InvalidIdentityPoolConfigurationException when the pool has no role for the identity", async () => {
    const IdentityPoolId = await createPool();
    const IdentityId = await getId(IdentityPoolId);
    expect(await errorOf(client.send(new GetCredentialsForIdentityCommand({ IdentityId })))).toEqual({
      name: "InvalidIdentityPoolConfigurationException",
      message: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
    });
  });

  it("links the request's new logins to the identity (an unauthenticated one becomes authenticated), but not when refused", async () => {
    const IdentityPoolId = await createPool({}, { Roles: { unauthenticated: role("Guest") } });
    const guest = await getId(IdentityPoolId);
    const google = { "accounts.google.com": jwt({ sub: "uma" }) };
    // No authenticated role: refused, and nothing linked.
    expect((await errorOf(client.send(new GetCredentialsForIdentityCommand({ IdentityId: guest, Logins: google })))).name).toBe(
      "InvalidIdentityPoolConfigurationException",
    );
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: guest }))).Logins).toBeUndefined();
    // GetOpenIdToken links it.
    await client.send(new GetOpenIdTokenCommand({ IdentityId: guest, Logins: google }));
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: guest }))).Logins).toEqual(["accounts.google.com"]);
    expect(await getId(IdentityPoolId, google)).toBe(guest);
  });

  it("issues OpenID tokens of AWS's layout: unauthenticated, then authenticated with the providers used", async () => {
    const IdentityPoolId = await createPool();
    const guest = await getId(IdentityPoolId);
    const before = Math.floor(Date.now() / 1000);
    const { Token } = await body(client.send(new GetOpenIdTokenCommand({ IdentityId: guest })));
    const after = Math.floor(Date.now() / 1000);
    const { header, claims, signature } = decodeToken(Token!);
    expect(header).toEqual({ kid: "sandbox", typ: "JWS", alg: "RS512" });
    expect(signature).toBe("sandbox-signature-not-valid");
    expect(Object.keys(claims)).toEqual([
      "sub",
      "aud",
      "amr",
      "iss",
      "https://cognito-identity.amazonaws.com/identity-pool-arn",
      "exp",
      "iat",
    ]);
    expect(claims).toMatchObject({
      sub: guest,
      aud: IdentityPoolId,
      amr: ["unauthenticated"],
      iss: "https://cognito-identity.amazonaws.com",
      "https://cognito-identity.amazonaws.com/identity-pool-arn": `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${IdentityPoolId}`,
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.iat).toBeLessThanOrEqual(after);
    expect(claims.exp).toBe((claims.iat as number) + 600);

    const logins = { [userPool]: jwt({ sub: "vera" }), "graph.facebook.com": "vera-fb" };
    const vera = await getId(IdentityPoolId, logins);
    const authenticated = decodeToken((await client.send(new GetOpenIdTokenCommand({ IdentityId: vera, Logins: logins }))).Token!).claims;
    expect(authenticated.amr).toEqual([
      "authenticated",
      userPool,
      `${userPool}:CognitoSignIn:vera`,
      "graph.facebook.com",
      expect.stringMatching(/^graph\.facebook\.com:sha256:[0-9a-f]{64}$/),
    ]);
    // The opaque login token itself is in no token.
    expect(JSON.stringify(authenticated)).not.toContain("vera-fb");
  });

  it("serves pools of every region to the unsigned operations, by the ids they name", async () => {
    const frankfurt = sdk(sandbox.url, "eu-central-1");
    const IdentityPoolId = (await frankfurt.send(new CreateIdentityPoolCommand(poolSettings))).IdentityPoolId!;
    await frankfurt.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: roles }));
    const IdentityId = (await frankfurt.send(new GetIdCommand({ IdentityPoolId }))).IdentityId!;
    expect(IdentityId).toMatch(/^eu-central-1:/);
    await frankfurt.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    expect(log.at(-1)).toBe(`eu-central-1 GetCredentialsForIdentity 200 role=${role("Guest")} (Roles.unauthenticated)`);
    const { claims } = decodeToken((await frankfurt.send(new GetOpenIdTokenCommand({ IdentityId }))).Token!);
    expect(claims["https://cognito-identity.amazonaws.com/identity-pool-arn"]).toBe(
      `arn:aws:cognito-identity:eu-central-1:123456789012:identitypool/${IdentityPoolId}`,
    );
  });

  describe("the AWS CLI v1", () => {
    const dir = tempDir("cim-sandbox-credentials-");

    it.runIf(awsCliAvailable)("gets credentials and an OpenID token for an identity", { timeout: 60_000 }, async () => {
      const IdentityPoolId = await createPool({}, { Roles: roles });
      const { IdentityId } = (await awsCli(sandbox.url, ["get-id", "--identity-pool-id", IdentityPoolId], dir)) as { IdentityId: string };
      const answer = (await awsCli(sandbox.url, ["get-credentials-for-identity", "--identity-id", IdentityId], dir)) as {
        IdentityId: string;
        Credentials: Record<string, unknown>;
      };
      expect(answer.IdentityId).toBe(IdentityId);
      expect(Object.keys(answer.Credentials)).toEqual(["AccessKeyId", "SecretKey", "SessionToken", "Expiration"]);
      expect(answer.Credentials.AccessKeyId).toMatch(/^ASIASANDBOX/);
      expect(roleLogged()).toBe(role("Guest"));
      const token = (await awsCli(sandbox.url, ["get-open-id-token", "--identity-id", IdentityId], dir)) as { Token: string };
      expect(decodeToken(token.Token).claims.sub).toBe(IdentityId);
    });
  });
});
