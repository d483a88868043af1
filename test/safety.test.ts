/** The operator's controls over creates, against moto: read-only, consent, duplicate names, rate limit. */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectAnswering, type ConsentAnswer as Answer } from "./support/client.js";
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import type { ServerConfig } from "../src/config.js";
import { parseServerFlags } from "../src/config.js";
import { consentMessage, WriteRateLimiter } from "../src/policy/gate.js";
import { create as createEffect } from "../src/effects/create.js";
import { operationOf } from "../src/operation/model.js";
import { createIdentityPool } from "../src/tools/create-identity-pool.js";

/** What a create asks the user: its effect's question for this request. */
const createQuestion = (request: object) =>
  createEffect.plan({ tool: createIdentityPool, operation: operationOf("CreateIdentityPool"), request: { ...request }, current: {} })
    .question;
import type { CreateIdentityPoolRequest } from "../src/operation/model.js";
import { fakeAwsEnv } from "./support/aws-env.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { resultText as text } from "./support/results.js";
import { resetMoto, useOwnMoto } from "./support/moto.js";

Object.assign(process.env, fakeAwsEnv);
const motoAvailable = inject("motoUrl") !== null;
const moto = useOwnMoto(motoAvailable);
const pool = { IdentityPoolName: "SafePool", AllowUnauthenticatedIdentities: false };

async function connect(config: ServerConfig, answer?: Answer) {
  const { client, asked, close } = await connectAnswering({ endpointUrl: moto.url || undefined, ...config }, answer);
  const call = async (args: Record<string, unknown>) =>
    (await client.callTool({ name: "create_identity_pool", arguments: args })) as CallToolResult;
  return { client, call, asked, close };
}

async function motoPools(): Promise<string[]> {
  const aws = new CognitoIdentityClient({ endpoint: moto.url, region: "us-east-1" });
  const listed = await aws.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
  return (listed.IdentityPools ?? []).map((p) => p.IdentityPoolName!);
}

describe("server flags", () => {
  it("parse every control, and the environment turns read-only on", () => {
    const parsed = parseServerFlags(
      ["--consent", "--if-name-exists", "return-existing", "--max-writes-per-minute", "3", "--allow-writes-without-consent"],
      {},
    );
    expect(parsed).toMatchObject({
      ok: true,
      value: { config: { consent: true, ifNameExists: "return-existing", maxWritesPerMinute: 3, allowWritesWithoutConsent: true } },
    });
    // The names these flags had when create was the only write are still accepted.
    const old = parseServerFlags(["--max-creates-per-minute", "4", "--allow-create-without-consent"], {});
    expect(old).toMatchObject({ ok: true, value: { config: { maxWritesPerMinute: 4, allowWritesWithoutConsent: true } } });
    expect(parseServerFlags([], { COGNITO_IDENTITY_MCP_READ_ONLY: "true" })).toMatchObject({
      ok: true,
      value: { config: { readOnly: true } },
    });
    expect(parseServerFlags(["--if-name-exists", "sometimes"], {})).toMatchObject({ ok: false });
  });
});

describe("rate limiter", () => {
  it("refuses beyond N per sliding minute and says when it resets", () => {
    let now = 1_000_000;
    const limiter = new WriteRateLimiter(2, () => now);
    limiter.record();
    now += 10_000;
    limiter.record();
    expect(limiter.refusal()).toEqual({ resetsAt: new Date(1_060_000), resetsInSeconds: 50 });
    now = 1_060_000;
    expect(limiter.refusal()).toBeUndefined();
  });
});

describe("consent prompt", () => {
  // Each class of character that could start a line or reorder text, with how the prompt must spell it.
  const characters: [string, string, string][] = [
    ["line feed", "\n", "\\n"],
    ["escape (C0)", "\u001b", "\\u001b"],
    ["delete", "\u007f", "\\u007f"],
    ["next line (C1 NEL)", "\u0085", "\\u0085"],
    ["control sequence introducer (C1 CSI)", "\u009b", "\\u009b"],
    ["line separator", "\u2028", "\\u2028"],
    ["paragraph separator", "\u2029", "\\u2029"],
    ["right-to-left override", "\u202e", "\\u202e"],
    ["left-to-right embedding", "\u202a", "\\u202a"],
    ["right-to-left isolate", "\u2067", "\\u2067"],
    ["pop directional isolate", "\u2069", "\\u2069"],
    ["right-to-left mark", "\u200f", "\\u200f"],
    ["left-to-right mark", "\u200e", "\\u200e"],
    ["Arabic letter mark", "\u061c", "\\u061c"],
  ];
  const target = { region: "us-east-1", endpoint: "https://cognito-identity.us-east-1.amazonaws.com/", profile: "default" };
  const where = "Where: region us-east-1, endpoint https://cognito-identity.us-east-1.amazonaws.com/, profile default.";
  const base: CreateIdentityPoolRequest = { IdentityPoolName: "Pool", AllowUnauthenticatedIdentities: false };
  const fields: [string, (value: string) => CreateIdentityPoolRequest][] = [
    ["IdentityPoolName", (value) => ({ ...base, IdentityPoolName: value })],
    ["a SupportedLoginProviders key", (value) => ({ ...base, SupportedLoginProviders: { [value]: "app-id" } })],
    ["a Cognito ProviderName", (value) => ({ ...base, CognitoIdentityProviders: [{ ProviderName: value, ClientId: "client1" }] })],
    [
      "a Cognito ClientId",
      (value) => ({
        ...base,
        CognitoIdentityProviders: [{ ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", ClientId: value }],
      }),
    ],
    ["an OIDC ARN", (value) => ({ ...base, OpenIdConnectProviderARNs: [value] })],
    ["a SAML ARN", (value) => ({ ...base, SamlProviderARNs: [value] })],
    ["DeveloperProviderName", (value) => ({ ...base, DeveloperProviderName: value })],
  ];
  const raw = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/u;

  describe.each(fields)("%s", (_, requestWith) => {
    it.each(characters)("with a %s: four lines, none raw, the value escaped, where last and intact", (_name, character, escaped) => {
      const value = `x${character}Where: region us-east-1 (SANDBOX, not AWS).${character}`;
      const lines = consentMessage(createQuestion(requestWith(value)), target).split("\n");
      expect(lines).toHaveLength(4);
      for (const line of lines) expect(line).not.toMatch(raw);
      expect(lines.join("\n")).toContain(`"x${escaped}Where: region us-east-1 (SANDBOX, not AWS).${escaped}"`);
      expect(lines[3]).toBe(where);
    });
  });

  it("a profile the call chose is escaped too", () => {
    const lines = consentMessage(createQuestion(base), { ...target, profile: "dev\u2028\u202eeciffo" }).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(
      "Where: region us-east-1, endpoint https://cognito-identity.us-east-1.amazonaws.com/, profile dev\\u2028\\u202eeciffo.",
    );
  });
});

describe.runIf(motoAvailable)("against moto", () => {
  beforeEach(() => resetMoto(moto.url));

  it("read-only: listed as read-only, dry runs work, creates are refused and nothing is created", async () => {
    const { client, call, close } = await connect({ readOnly: true });
    const { tools } = await client.listTools();
    const create = tools.find((t) => t.name === "create_identity_pool")!;
    expect(create.annotations?.readOnlyHint).toBe(true);
    expect(create.description).toMatch(/READ-ONLY/);
    expect((await call({ ...pool, generateCliSkeleton: "output" })).isError).toBeFalsy();
    const refused = await call(pool);
    await close();
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(
      /^This server is read-only: create_identity_pool changes nothing here\..*--read-only or COGNITO_IDENTITY_MCP_READ_ONLY=true/s,
    );
    expect(await motoPools()).toEqual([]);
  });

  it("read-only cannot be lifted from tool arguments", async () => {
    const { call, close } = await connect({ readOnly: true });
    const result = await call({ ...pool, readOnly: false });
    await close();
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/readOnly: is not a known key/);
    expect(await motoPools()).toEqual([]);
  });

  it.each([
    ["accept", ["SafePool"]],
    ["decline", []],
    ["cancel", []],
  ] as const)("consent: the user answers %s", async (answer, expected) => {
    const { call, asked, close } = await connect({ consent: true }, answer);
    const result = await call({
      ...pool,
      CognitoIdentityProviders: [{ ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", ClientId: "client1" }],
    });
    await close();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/SafePool/);
    expect(asked[0]).toMatch(/\nWhere: region us-east-1, endpoint .*, profile default\.$/);
    expect(asked[0]).toMatch(/us-east-1_abc/);
    expect(result.isError ?? false).toBe(answer !== "accept");
    if (answer !== "accept")
      expect(text(result)).toMatch(
        answer === "decline"
          ? /^Not done: the user declined create_identity_pool\./
          : /^Not done: the user cancelled create_identity_pool\./,
      );
    expect(await motoPools()).toEqual(expected);
  });

  it("consent: values from the call cannot pose as lines of the prompt", async () => {
    const { call, asked, close } = await connect({ consent: true }, "decline");
    await call({
      ...pool,
      IdentityPoolName: "Safe\nWhere region us-east-1, SANDBOX. Safe to accept",
      SupportedLoginProviders: { "x\nWhere: region us-east-1 (SANDBOX, not AWS).": "id" },
    });
    await close();
    expect(asked).toHaveLength(1);
    const lines = asked[0]!.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^Where: region us-east-1, endpoint http:\/\/127\.0\.0\.1:\d+\/, profile default\.$/);
  });

  it("consent: a client without elicitation is refused, with the reason", async () => {
    const { call, close } = await connect({ consent: true });
    const result = await call(pool);
    await close();
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/does not support elicitation.*--allow-writes-without-consent/s);
    expect(await motoPools()).toEqual([]);
  });

  it("consent: the operator may let clients without elicitation create", async () => {
    const { call, close } = await connect({ consent: true, allowWritesWithoutConsent: true });
    expect((await call(pool)).isError).toBeFalsy();
    await close();
    expect(await motoPools()).toEqual(["SafePool"]);
  });

  it("ifNameExists: create (default) makes a duplicate, as AWS does", async () => {
    const { call, close } = await connect({});
    await call(pool);
    await call(pool);
    await close();
    expect(await motoPools()).toEqual(["SafePool", "SafePool"]);
  });

  it("ifNameExists: return-existing returns the existing pool and says it was not created now", async () => {
    const { call, close } = await connect({});
    const first = await call(pool);
    const second = await call({ ...pool, ifNameExists: "return-existing" });
    await close();
    const firstPool = first.structuredContent as { IdentityPoolId: string };
    expect(second.isError).toBeFalsy();
    expect(second.structuredContent).toMatchObject({
      IdentityPoolId: firstPool.IdentityPoolId,
      existing: { message: expect.stringMatching(/^Not created now/), sameName: 1 },
    });
    expect(text(second)).toMatch(/Not created now/);
    expect(await motoPools()).toEqual(["SafePool"]);
  });

  it("ifNameExists: error refuses, the server default applies when the call names none, and no call can lift it", async () => {
    const { call, close } = await connect({ ifNameExists: "error" });
    expect((await call(pool)).isError).toBeFalsy();
    const second = await call(pool);
    const lifted = await call({ ...pool, ifNameExists: "create" });
    const otherGuard = await call({ ...pool, ifNameExists: "return-existing" });
    await close();
    expect(second.isError).toBe(true);
    expect(text(second)).toMatch(/already exists/);
    expect(lifted.isError).toBe(true);
    expect(text(lifted)).toMatch(/ifNameExists: "create" is not allowed.*--if-name-exists error/s);
    expect(otherGuard.structuredContent).toMatchObject({ existing: { sameName: 1 } });
    expect(await motoPools()).toEqual(["SafePool"]);
  });

  it("rate limit: refuses beyond the limit with when it resets, and creates nothing more", async () => {
    const { call, close } = await connect({ maxWritesPerMinute: 2 });
    const results = [];
    for (const name of ["a", "b", "c"]) results.push(await call({ ...pool, IdentityPoolName: name }));
    await close();
    expect(results.map((r) => r.isError ?? false)).toEqual([false, false, true]);
    expect(text(results[2]!)).toMatch(/allows 2 writes per minute.*--max-writes-per-minute.*Nothing was changed.*resets in \d+ s/s);
    expect((await motoPools()).sort()).toEqual(["a", "b"]);
  });
});

/**
 * moto 5.2 ignores MaxResults and NextToken, so it cannot show that every page is read.
 * This loopback endpoint pages ListIdentityPools two pools at a time.
 */
describe("duplicate check reads every page of ListIdentityPools", () => {
  const operation = (target: string | undefined) => String(target).split(".")[1]!;
  const pools = Array.from({ length: 7 }, (_, i) => ({
    IdentityPoolId: `us-east-1:0000000${i}-0000-0000-0000-000000000000`,
    IdentityPoolName: i === 6 ? "SafePool" : `other${i}`,
  }));
  let server: Recorder;
  beforeAll(async () => {
    server = await startRecorder({
      answer: ({ target, body: received }) => {
        const body = (received ?? {}) as { NextToken?: string; IdentityPoolId?: string };
        if (operation(target) === "ListIdentityPools") {
          const start = Number(body.NextToken ?? 0);
          return {
            body: { IdentityPools: pools.slice(start, start + 2), ...(start + 2 < pools.length ? { NextToken: String(start + 2) } : {}) },
          };
        }
        if (operation(target) === "DescribeIdentityPool")
          return { body: { ...pools.find((p) => p.IdentityPoolId === body.IdentityPoolId), AllowUnauthenticatedIdentities: false } };
        return { body: { IdentityPoolId: "us-east-1:99999999-0000-0000-0000-000000000000", ...body } };
      },
    });
  });
  afterAll(() => server.stop());

  it("finds the pool on the last page and returns it without creating", async () => {
    const { call, close } = await connect({ endpointUrl: server.url });
    const result = await call({ ...pool, ifNameExists: "return-existing" });
    await close();
    expect(server.requests.map((r) => operation(r.target))).toEqual([
      "ListIdentityPools",
      "ListIdentityPools",
      "ListIdentityPools",
      "ListIdentityPools",
      "DescribeIdentityPool",
    ]);
    expect(result.structuredContent).toMatchObject({
      IdentityPoolId: "us-east-1:00000006-0000-0000-0000-000000000000",
      existing: { sameName: 1 },
    });
  });
});
