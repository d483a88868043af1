/**
 * What a call carries between rounds (src/policy/rounds.ts): sealed with the process's key, refused when
 * altered, sealed with another key or expired, and used once; the operator's key is checked at start.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { createRounds, parseStateKey } from "../src/policy/rounds.js";
import { parseServerFlags } from "../src/config.js";

const question = { tool: "update_identity_pool", request: "digest-of-request-and-target", state: "digest-of-the-pool" };

afterEach(() => vi.useRealTimers());

describe("round state", () => {
  it("opens what the same key sealed, with the question it was sealed with and a nonce of its own", async () => {
    const key = new Uint8Array(randomBytes(32));
    const sealed = await createRounds(key).seal(question);
    // Another process (a replica) with the same key opens it.
    const opened = await createRounds(key).open(sealed);
    expect(opened).toEqual({ state: { ...question, nonce: expect.stringMatching(/^[\w-]{22}$/) } });
    const again = await createRounds(key).seal(question);
    expect(again).not.toBe(sealed);
  });

  it("refuses state sealed with another key, and state altered in any byte of its payload", async () => {
    const sealed = await createRounds().seal(question);
    expect(await createRounds().open(sealed)).toEqual({ problem: expect.stringMatching(/not sealed with this server's key/) });
    const rounds = createRounds();
    const own = await rounds.seal(question);
    const [body, mac] = [own.slice(0, own.lastIndexOf(".")), own.slice(own.lastIndexOf(".") + 1)];
    const payload = JSON.parse(Buffer.from(body.slice(3), "base64url").toString("utf8")) as { p: typeof question };
    const forged = `v1.${Buffer.from(JSON.stringify({ ...payload, p: { ...payload.p, request: "another request" } })).toString("base64url")}.${mac}`;
    expect(await rounds.open(forged)).toEqual({ problem: expect.stringMatching(/not sealed with this server's key/) });
    expect(await rounds.open("not a state")).toEqual({ problem: expect.stringMatching(/not sealed with this server's key/) });
  });

  it("refuses state past its time to live", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const rounds = createRounds(undefined, 60);
    const sealed = await rounds.seal(question);
    vi.setSystemTime(Date.now() + 59_000);
    expect(await rounds.open(sealed)).toHaveProperty("state");
    vi.setSystemTime(Date.now() + 2_000);
    expect(await rounds.open(sealed)).toEqual({ problem: "it expired (it was valid for 60 s)" });
  });

  it("lets each state be used once", async () => {
    const rounds = createRounds();
    const opened = (await rounds.open(await rounds.seal(question))) as { state: Parameters<typeof rounds.use>[0] };
    expect(rounds.use(opened.state)).toBe(true);
    expect(rounds.use(opened.state)).toBe(false);
    const other = (await rounds.open(await rounds.seal(question))) as { state: Parameters<typeof rounds.use>[0] };
    expect(rounds.use(other.state)).toBe(true);
  });
});

describe("COGNITO_IDENTITY_MCP_STATE_KEY", () => {
  it("takes base64 or base64url of at least 32 bytes, and the server refuses to start with anything else", () => {
    const key = randomBytes(32);
    expect(parseStateKey(key.toString("base64"))).toEqual({ key: new Uint8Array(key) });
    expect(parseStateKey(key.toString("base64url"))).toEqual({ key: new Uint8Array(key) });
    expect(parseStateKey(randomBytes(31).toString("base64"))).toEqual({
      error: expect.stringMatching(/at least 32 bytes once decoded \(it holds 31\)/),
    });
    expect(parseStateKey("not base64!")).toEqual({ error: expect.stringMatching(/must be base64/) });
    const parsed = parseServerFlags([], { COGNITO_IDENTITY_MCP_STATE_KEY: "short" });
    expect(parsed.ok ? "accepted" : parsed.error).toMatch(/COGNITO_IDENTITY_MCP_STATE_KEY must hold at least 32 bytes/);
    const accepted = parseServerFlags([], { COGNITO_IDENTITY_MCP_STATE_KEY: key.toString("base64") });
    expect(accepted.ok && accepted.value.config.stateKey).toEqual(new Uint8Array(key));
  });
});
