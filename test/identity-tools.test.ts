/**
 * The new commands' behaviour that no recorded CLI line shows, against a loopback endpoint:
 * the operations the AWS CLI sends unsigned go unsigned and need no credentials; tagging and
 * principal tag maps read first and report each change; unlinks, merges, deletes, and the calls
 * that issue identities, credentials and tokens (which can link logins) name what they affect in
 * their dry runs, plans and consent questions, and read-only servers refuse them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectAnswering, connectInMemory } from "./support/client.js";
import { fakeAwsEnv, isolateAwsEnvironment } from "./support/aws-env.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import type { ServerConfig } from "../src/config.js";

Object.assign(process.env, fakeAwsEnv);

const poolId = "us-east-1:11111111-2222-3333-4444-555555555555";
const poolArn = `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${poolId}`;
const identityId = "us-east-1:22222222-3333-4444-5555-666666666666";
const text = (r: CallToolResult) => (r.content as { text: string }[]).map((c) => c.text).join("\n");

/** What the endpoint answers each operation. */
const answers: Record<string, object> = {
  ListTagsForResource: { Tags: { env: "dev", team: "web" } },
  GetPrincipalTagAttributeMap: { IdentityPoolId: poolId, IdentityProviderName: "accounts.google.com", UseDefaults: true },
  GetId: { IdentityId: identityId },
  GetCredentialsForIdentity: { IdentityId: identityId, Credentials: { AccessKeyId: "ASIAKEY", Expiration: 1700000000 } },
  GetOpenIdToken: { IdentityId: identityId },
  DescribeIdentity: { IdentityId: identityId },
};

let recorder: Recorder;
beforeAll(async () => {
  recorder = await startRecorder({ answer: ({ target }) => ({ body: answers[String(target).split(".")[1]!] ?? {} }) });
});
afterAll(() => recorder.stop());

async function callWith(config: ServerConfig, name: string, args: Record<string, unknown>) {
  const { client, close } = await connectInMemory({ tools: "all", endpointUrl: recorder.url, ...config });
  recorder.requests.length = 0;
  try {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    return {
      result,
      text: text(result),
      sent: recorder.requests.map((r) => String(r.target).split(".")[1]),
      requests: [...recorder.requests],
    };
  } finally {
    await close();
  }
}
const call = (name: string, args: Record<string, unknown>) => callWith({}, name, args);

describe("unsigned operations go unsigned, as the AWS CLI sends them", () => {
  const unsigned: [string, Record<string, unknown>][] = [
    ["get_id", { IdentityPoolId: poolId }],
    ["get_credentials_for_identity", { IdentityId: identityId }],
    ["get_open_id_token", { IdentityId: identityId }],
    ["unlink_identity", { IdentityId: identityId, Logins: { "accounts.google.com": "token" }, LoginsToRemove: ["accounts.google.com"] }],
  ];

  it.each(unsigned)("%s: no Authorization header, and the result says so", async (name, args) => {
    const { result, requests } = await call(name, args);
    expect(result.isError, text(result)).toBeFalsy();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.authorization).toBeUndefined();
    expect((result._meta as { target: { credentials: string } }).target.credentials).toBe("none (unsigned)");
  });

  describe("with no AWS credentials anywhere", () => {
    let restore: () => void;
    beforeAll(() => (restore = isolateAwsEnvironment({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined })));
    afterAll(() => restore());

    it.each(unsigned)("%s still works", async (name, args) => {
      const { result } = await call(name, args);
      expect(result.isError, text(result)).toBeFalsy();
    });

    it("a signed operation (describe_identity) fails for want of them, sending nothing", async () => {
      const { result, requests } = await call("describe_identity", { IdentityId: identityId });
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/credentials/i);
      expect(requests).toHaveLength(0);
    });
  });

  it("a signed operation is signed", async () => {
    const { requests } = await call("describe_identity", { IdentityId: identityId });
    expect(String(requests[0]!.headers.authorization)).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\//);
  });
});

describe("tagging reads the tags first and reports each one", () => {
  it("tag_resource: added and changed tags, in the dry run (only the read is sent) and the result", async () => {
    const args = { ResourceArn: poolArn, Tags: { env: "prod", owner: "ana" } };
    const dryRun = await call("tag_resource", { ...args, dryRun: true });
    expect(dryRun.sent).toEqual(["ListTagsForResource"]);
    expect(dryRun.text).toContain('- Tags.env: "dev" → "prod"\n- Tags.owner: set to "ana"');
    const done = await call("tag_resource", args);
    expect(done.sent).toEqual(["ListTagsForResource", "TagResource"]);
    expect(done.requests[0]!.body).toEqual({ ResourceArn: poolArn });
    expect(done.result.structuredContent).toEqual({
      changes: [
        { member: "Tags.env", change: "changed", before: "dev", after: "prod" },
        { member: "Tags.owner", change: "added", after: "ana" },
      ],
    });
  });

  it("untag_resource: each tag removed, with its value; a key the pool lacks changes nothing", async () => {
    const done = await call("untag_resource", { ResourceArn: poolArn, TagKeys: ["team", "absent"] });
    expect(done.result.structuredContent).toEqual({ changes: [{ member: "Tags.team", change: "removed", before: "web" }] });
    expect(done.text).toContain('UntagResource done: Tags.team: "web" removed');
  });

  it("set_principal_tag_attribute_map: the map's change, read first", async () => {
    const done = await call("set_principal_tag_attribute_map", {
      IdentityPoolId: poolId,
      IdentityProviderName: "accounts.google.com",
      UseDefaults: false,
      PrincipalTags: { department: "custom:dept" },
    });
    expect(done.sent).toEqual(["GetPrincipalTagAttributeMap", "SetPrincipalTagAttributeMap"]);
    expect(done.requests[0]!.body).toEqual({ IdentityPoolId: poolId, IdentityProviderName: "accounts.google.com" });
    expect(done.result.structuredContent).toMatchObject({
      changes: [
        { member: "UseDefaults", change: "changed", before: true, after: false },
        { member: "PrincipalTags", change: "added", after: { department: "custom:dept" } },
      ],
    });
  });
});

describe("writes that read nothing first name what they affect", () => {
  const named: [string, Record<string, unknown>, RegExp][] = [
    [
      "delete_identities",
      { IdentityIdsToDelete: [identityId, "us-east-1:33333333-0000-0000-0000-000000000000"] },
      /delete the identities "us-east-1:2222.*", "us-east-1:3333.*" and their logins/,
    ],
    [
      "unlink_identity",
      { IdentityId: identityId, Logins: { "accounts.google.com": "secret-login-token" }, LoginsToRemove: ["accounts.google.com"] },
      /unlink "accounts\.google\.com" from the identity "us-east-1:2222/,
    ],
    [
      "merge_developer_identities",
      { IdentityPoolId: poolId, DeveloperProviderName: "login.example", SourceUserIdentifier: "ana", DestinationUserIdentifier: "bo" },
      /merge the identity of developer user "ana" into that of "bo" \(provider "login\.example", identity pool "us-east-1:1111/,
    ],
    [
      "unlink_developer_identity",
      { IdentityPoolId: poolId, IdentityId: identityId, DeveloperProviderName: "login.example", DeveloperUserIdentifier: "ana" },
      /unlink developer user "ana" \(provider "login\.example"\) from the identity "us-east-1:2222/,
    ],
    ["get_id", { IdentityPoolId: poolId }, /make a new unauthenticated identity in identity pool "us-east-1:1111/],
    [
      "get_id",
      { IdentityPoolId: poolId, Logins: { "accounts.google.com": "secret-login-token" } },
      /get the identity of the logins of "accounts\.google\.com" in identity pool/,
    ],
    [
      "get_open_id_token_for_developer_identity",
      { IdentityPoolId: poolId, Logins: { "login.example": "ana" } },
      /get a token for the developer user of "login\.example" in identity pool "us-east-1:1111/,
    ],
    ["get_credentials_for_identity", { IdentityId: identityId }, /get credentials for the identity "us-east-1:2222[0-9a-f-]+"[.?]$/m],
    [
      "get_credentials_for_identity",
      {
        IdentityId: identityId,
        Logins: { "accounts.google.com": "secret-login-token" },
        CustomRoleArn: "arn:aws:iam::123456789012:role/Admin",
      },
      /get credentials for the identity "us-east-1:2222.*" in the role "arn:aws:iam::123456789012:role\/Admin", linking the logins of "accounts\.google\.com" to it if they are not yet/,
    ],
    [
      "get_open_id_token",
      { IdentityId: identityId, Logins: { "accounts.google.com": "secret-login-token" } },
      /get an OpenID token for the identity "us-east-1:2222.*", linking the logins of "accounts\.google\.com" to it if they are not yet/,
    ],
  ];

  it.each(named)("%s: the dry run sends nothing and says what it would do", async (name, args, words) => {
    const { result, sent } = await call(name, { ...args, dryRun: true });
    expect(result.isError, text(result)).toBeFalsy();
    expect(sent).toEqual([]);
    expect(text(result)).toMatch(words);
    expect(text(result)).not.toContain("secret-login-token");
  });

  it.each(named)("%s: the consent question says it, and where", async (name, args, words) => {
    const { client, asked, close } = await connectAnswering({ tools: "all", endpointUrl: recorder.url, consent: true }, "decline");
    recorder.requests.length = 0;
    try {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(recorder.requests).toHaveLength(0);
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(words);
      expect(asked[0]).not.toContain("secret-login-token");
      expect(asked[0]!.split("\n").at(-1)).toMatch(/^Where: region us-east-1, endpoint http:\/\/127\.0\.0\.1:\d+\//);
    } finally {
      await close();
    }
  });

  it.each(named)("%s: --read-only refuses it, sending nothing", async (name, args) => {
    const { result, sent } = await callWith({ readOnly: true }, name, args);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(new RegExp(`^This server is read-only: ${name} changes nothing here`));
    expect(sent).toEqual([]);
  });

  it("the result says what was done", async () => {
    const { result } = await call("merge_developer_identities", named[2]![1]);
    expect(text(result)).toMatch(/MergeDeveloperIdentities done: merge the identity of developer user "ana"/);
  });
});

describe.runIf(inject("motoUrl"))("against moto", () => {
  it("get_id makes the identities list_identities lists, in every output format", async () => {
    const { client, close } = await connectInMemory({ tools: "all", endpointUrl: inject("motoUrl")! });
    const callMoto = async (name: string, args: Record<string, unknown>) =>
      (await client.callTool({ name, arguments: args })) as CallToolResult;
    try {
      const pool = await callMoto("create_identity_pool", { IdentityPoolName: "Listed identities", AllowUnauthenticatedIdentities: true });
      const IdentityPoolId = (pool.structuredContent as { IdentityPoolId: string }).IdentityPoolId;
      const made: string[] = [];
      for (let i = 0; i < 2; i++) {
        const id = await callMoto("get_id", { IdentityPoolId });
        expect(id.isError, text(id)).toBeFalsy();
        made.push((id.structuredContent as { IdentityId: string }).IdentityId);
      }
      expect(new Set(made).size).toBe(2);
      const listed = await callMoto("list_identities", { IdentityPoolId, MaxResults: 10 });
      expect(listed.isError, text(listed)).toBeFalsy();
      expect((listed.structuredContent as { Identities: { IdentityId: string }[] }).Identities.map((i) => i.IdentityId).sort()).toEqual(
        made.sort(),
      );
      const ids = await callMoto("list_identities", {
        cliArgs: `--identity-pool-id ${IdentityPoolId} --max-results 10 --query Identities[].IdentityId --output text`,
      });
      expect((ids.content as { text: string }[])[0]!.text.trim().split("\t").sort()).toEqual(made.sort());
    } finally {
      await close();
    }
  });
});
