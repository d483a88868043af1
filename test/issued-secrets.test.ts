/**
 * Secrets the service issues never reach the assistant: GetCredentialsForIdentity's SecretKey and
 * SessionToken, and the Token of GetOpenIdToken and GetOpenIdTokenForDeveloperIdentity, are
 * withheld in content, structuredContent, every --output, every --query and the debug log, while
 * the result says what was issued (the identity, the access key id, the expiry, a token's decoded
 * header and claims). Login tokens a call sends stay out of the debug log. Checked with a loopback
 * endpoint answering known secrets, and against moto, whose secrets a proxy in front of it sees.
 */
import { createServer, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectInMemory } from "./support/client.js";
import { fakeAwsEnv } from "./support/aws-env.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { listen } from "../src/net/listen.js";

Object.assign(process.env, fakeAwsEnv);
const motoUrl = inject("motoUrl");

const identityId = "us-east-1:22222222-3333-4444-5555-666666666666";
const poolId = "us-east-1:11111111-2222-3333-4444-555555555555";
const secretKey = "ISSUEDsecretKEYnever/shown+0000000000000";
const sessionToken = "ISSUEDsessionTOKENneverShown".repeat(8);
const signature = "ISSUEDsignatureNEVERshown";
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const header = { kid: "us-east-11", typ: "JWS", alg: "RS512" };
const claims = { sub: identityId, aud: poolId, amr: ["unauthenticated"], iss: "https://cognito-identity.amazonaws.com", exp: 1700000600 };
const token = `${base64url(header)}.${base64url(claims)}.${signature}`;
const loginToken = "LOGINtokenTHEcallerGAVEnotForLogs";
const secrets = [secretKey, sessionToken, token, signature, base64url(claims)];

const answers: Record<string, object> = {
  GetCredentialsForIdentity: {
    IdentityId: identityId,
    Credentials: { AccessKeyId: "ASIAISSUEDKEYID00000", SecretKey: secretKey, SessionToken: sessionToken, Expiration: 1700003600 },
  },
  GetOpenIdToken: { IdentityId: identityId, Token: token },
  GetOpenIdTokenForDeveloperIdentity: { IdentityId: identityId, Token: token },
};

const calls: Record<string, Record<string, unknown>> = {
  get_credentials_for_identity: { IdentityId: identityId, Logins: { "accounts.google.com": loginToken } },
  get_open_id_token: { IdentityId: identityId, Logins: { "accounts.google.com": loginToken } },
  get_open_id_token_for_developer_identity: { IdentityPoolId: poolId, Logins: { "login.example": "developer-user-1" } },
};

const outputs = ["json", "text", "table", "yaml", "yaml-stream", "off"];
const queries = [
  "@",
  "*",
  "Credentials",
  "Credentials.SecretKey",
  "[Credentials.SecretKey, Credentials.SessionToken]",
  "Token",
  "values(@)",
];

describe("with an endpoint answering known secrets", () => {
  let recorder: Recorder;
  beforeAll(async () => {
    recorder = await startRecorder({ answer: ({ target }) => ({ body: answers[String(target).split(".")[1]!] ?? {} }) });
  });
  afterAll(() => recorder.stop());

  async function callAll(name: string, variants: Record<string, unknown>[]): Promise<CallToolResult[]> {
    const { client, close } = await connectInMemory({ tools: "all", endpointUrl: recorder.url });
    try {
      const results: CallToolResult[] = [];
      for (const extra of variants)
        results.push((await client.callTool({ name, arguments: { ...calls[name], ...extra } })) as CallToolResult);
      return results;
    } finally {
      await close();
    }
  }

  it.each(Object.keys(calls))("%s: no secret in any output, query, structuredContent or debug log", async (name) => {
    const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const variants = [
        {},
        { debug: true },
        ...outputs.map((output) => ({ output })),
        ...queries.flatMap((query) => ["json", "text"].map((output) => ({ query, output }))),
      ];
      const results = await callAll(name, variants);
      for (const [i, result] of results.entries()) {
        expect(result.isError, JSON.stringify(result)).toBeFalsy();
        const whole = JSON.stringify(result);
        for (const secret of secrets) expect(whole, `${JSON.stringify(variants[i])} shows a secret`).not.toContain(secret);
      }
      // The debug log (stderr, and the same entries to the client) has the traffic, without the secrets or the login token.
      const logged = JSON.stringify(stderr.mock.calls);
      expect(logged).toContain(name === "get_open_id_token_for_developer_identity" ? "login.example" : "accounts.google.com");
      expect(logged).toContain('\\"status\\":200');
      for (const secret of [...secrets, loginToken]) expect(logged).not.toContain(secret);
    } finally {
      stderr.mockRestore();
    }
  });

  it("credentials: the identity, the access key id and the expiry are shown; withheld names the rest", async () => {
    const [result] = await callAll("get_credentials_for_identity", [{}]);
    expect(result!.structuredContent).toEqual({
      IdentityId: identityId,
      Credentials: {
        AccessKeyId: "ASIAISSUEDKEYID00000",
        SecretKey: "(withheld: a secret this server never shows)",
        SessionToken: "(withheld: a secret this server never shows)",
        Expiration: 1700003600,
      },
      withheld: { paths: ["Credentials.SecretKey", "Credentials.SessionToken"], tokens: {} },
    });
    expect((result!.content as { text: string }[]).at(-1)!.text).toMatch(/^Withheld .*Credentials\.SecretKey, Credentials\.SessionToken\./);
  });

  it.each(["get_open_id_token", "get_open_id_token_for_developer_identity"])(
    "%s: the token's header and claims are shown, decoded, never the token or its signature",
    async (name) => {
      const [result] = await callAll(name, [{}]);
      expect(result!.structuredContent).toEqual({
        IdentityId: identityId,
        Token: "(withheld: a secret this server never shows)",
        withheld: { paths: ["Token"], tokens: { Token: { header, claims } } },
      });
      const text = (result!.content as { text: string }[]).map((c) => c.text).join("\n");
      expect(text).toContain(`claims: ${JSON.stringify(claims)}`);
    },
  );
});

/** A pass-through proxy to moto that keeps every response body: what the server under test was really sent. */
async function startProxy(upstream: string): Promise<{ url: string; bodies: string[]; stop(): Promise<void> }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const forwarded = httpRequest(new URL(req.url ?? "/", upstream), { method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        const body = Buffer.concat(chunks);
        bodies.push(body.toString("utf8"));
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(body);
      });
    });
    req.pipe(forwarded);
  });
  const { port } = await listen(server, 0, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe.runIf(motoUrl)("against moto", () => {
  it("a guest identity's credentials and token, and a developer user's token: issued, shown as issued, never shown", async () => {
    const proxy = await startProxy(motoUrl!);
    const { client, close } = await connectInMemory({ tools: "all", endpointUrl: proxy.url });
    const call = async (name: string, args: Record<string, unknown>) =>
      (await client.callTool({ name, arguments: args })) as CallToolResult;
    try {
      const pool = await call("create_identity_pool", {
        IdentityPoolName: "Issued secrets",
        AllowUnauthenticatedIdentities: true,
        DeveloperProviderName: "login.example",
      });
      const IdentityPoolId = (pool.structuredContent as { IdentityPoolId: string }).IdentityPoolId;
      const id = await call("get_id", { IdentityPoolId });
      expect(id.isError, JSON.stringify(id)).toBeFalsy();
      const IdentityId = (id.structuredContent as { IdentityId: string }).IdentityId;

      const results = [
        await call("get_credentials_for_identity", { IdentityId }),
        await call("get_credentials_for_identity", { IdentityId, output: "text", debug: true }),
        await call("get_open_id_token", { IdentityId, query: "Token" }),
        await call("get_open_id_token_for_developer_identity", { IdentityPoolId, Logins: { "login.example": "user-1" } }),
      ];
      const issued = proxy.bodies
        .map((body) => JSON.parse(body || "{}") as { Credentials?: { SecretKey: string; SessionToken: string }; Token?: string })
        .flatMap((body) => [body.Credentials?.SecretKey, body.Credentials?.SessionToken, body.Token])
        .filter((value): value is string => typeof value === "string");
      // Two credentials (a key and a token each), two tokens.
      expect(issued).toHaveLength(6);
      for (const result of results) {
        expect(result.isError, JSON.stringify(result)).toBeFalsy();
        for (const secret of issued) expect(JSON.stringify(result)).not.toContain(secret);
      }
      expect(results[0]!.structuredContent).toMatchObject({
        IdentityId,
        Credentials: { AccessKeyId: expect.any(String), Expiration: expect.any(Number) },
        withheld: { paths: ["Credentials.SecretKey", "Credentials.SessionToken"] },
      });
      expect((results[3]!.structuredContent as { withheld: { paths: string[] } }).withheld.paths).toEqual(["Token"]);
    } finally {
      await close();
      await proxy.stop();
    }
  });
});
