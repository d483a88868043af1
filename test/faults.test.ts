/**
 * Faults in the middle of a call: loopback endpoints that break after the request
 * was sent. Each call must end, in bounded time, as a clear isError — never a hang, never a
 * false success — and, because the request reached the endpoint, as an unknown outcome that
 * tells the assistant to check with ifNameExists "return-existing" instead of retrying blindly.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectInMemory } from "./support/client.js";
import { isolateAwsEnvironment } from "./support/aws-env.js";
import { resultText as text } from "./support/results.js";
import { lateAnswerMs, startFaultServer, type Fault, type FaultServer } from "./support/fault-servers.js";

const pool = { IdentityPoolName: "FaultPool", AllowUnauthenticatedIdentities: false };

/** No call may take longer than this, whatever the endpoint does (the default read timeout is 60 s). */
const callBoundMs = 10_000;

beforeEach(() => isolateAwsEnvironment());

/** One call against the fault server, through the SDK's client; a hang fails the test instead of stalling it. */
async function callAgainst(server: FaultServer, extra: Record<string, unknown> = {}): Promise<{ result: CallToolResult; ms: number }> {
  const { client, close } = await connectInMemory({ endpointUrl: server.url, region: "us-east-1" });
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`hang: no result within ${callBoundMs} ms`)), callBoundMs);
    });
    const result = (await Promise.race([
      client.callTool({ name: "create_identity_pool", arguments: { ...pool, ...extra } }),
      hang,
    ])) as CallToolResult;
    return { result, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
    await close();
  }
}

/**
 * What every mid-call fault must produce: an error that says the pool may exist and how to check.
 * `answered200`: the endpoint said 200 but the body could not be read, so the pool was probably
 * created; the wording may say so ("probably created") instead of "may or may not", and the
 * result must show that a 200 came (not claim that no answer came back).
 */
function expectUnknownOutcome(result: CallToolResult, answered200 = false) {
  const shown = text(result);
  expect(result.isError, shown).toBe(true);
  // Never a false success: no pool is claimed.
  expect(result.structuredContent, shown).toBeUndefined();
  expect(shown).not.toMatch(/^Created identity pool/m);
  expect(shown).toMatch(/OutcomeUnknown/);
  if (answered200) {
    expect(shown).toMatch(/(may or may not have been|may have been|was probably|probably) created/);
    // The service's 200 is the best clue there is: the result says it came, not that nothing did.
    expect(shown).toMatch(/\b200\b/);
  } else expect(shown).toMatch(/may or may not have been created/);
  expect(shown).toMatch(/ifNameExists "return-existing"/);
  expect(shown).toMatch(/Do not simply retry/);
  expect((result._meta as { error?: { name?: string } } | undefined)?.error?.name).toBe("OutcomeUnknown");
}

interface Case {
  fault: Fault;
  what: string;
  args?: Record<string, unknown>;
  /** The endpoint's status line said 200 before the fault. */
  answered200?: boolean;
  /** Bounds on the call's duration, in ms. */
  atLeastMs?: number;
  atMostMs: number;
}

const cases: Case[] = [
  { fault: "headers-then-close", what: "closes the connection after sending 200 and its headers", answered200: true, atMostMs: 5_000 },
  {
    fault: "truncated-body",
    what: "sends half of the JSON body, then closes before content-length is reached",
    answered200: true,
    atMostMs: 5_000,
  },
  { fault: "reset", what: "resets the connection after reading the request", atMostMs: 5_000 },
  { fault: "stall", what: "never answers (cliReadTimeout 1)", args: { cliReadTimeout: 1 }, atLeastMs: 900, atMostMs: 4_000 },
  {
    fault: "late-ok",
    what: `answers correctly, but ${lateAnswerMs} ms later, after the read timeout (cliReadTimeout 1)`,
    args: { cliReadTimeout: 1 },
    atLeastMs: 900,
    atMostMs: lateAnswerMs - 200,
  },
  // A complete HTTP 200 whose body cannot be read: AWS said yes, so the pool was probably created.
  // Reporting it as a plain failure invites a retry and a duplicate pool; it is an unknown outcome.
  { fault: "truncated-json", what: "answers 200 with a complete response whose JSON is cut in half", answered200: true, atMostMs: 5_000 },
  { fault: "not-json", what: "answers 200 with a body that is not JSON (a proxy's HTML page)", answered200: true, atMostMs: 5_000 },
];

describe("faults in the middle of a create", () => {
  let server: FaultServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it.each(cases)(
    "the endpoint $what: an unknown outcome, sent once, never retried, in bounded time",
    async ({ fault, args, answered200, atLeastMs, atMostMs }) => {
      server = await startFaultServer(fault);
      const { result, ms } = await callAgainst(server, args);
      // The request was sent exactly once: a retry after it went out could create a duplicate.
      expect(server.requests, `${server.requests} creates were sent: ${text(result)}`).toBe(1);
      expectUnknownOutcome(result, answered200);
      expect(text(result)).toMatch(/Attempts: 1/);
      if (atLeastMs !== undefined) expect(ms).toBeGreaterThanOrEqual(atLeastMs);
      expect(ms).toBeLessThan(atMostMs);
    },
  );

  it("a late answer arriving after the timeout result changes nothing, and the server keeps serving", async () => {
    server = await startFaultServer("late-ok");
    const { client, close } = await connectInMemory({ endpointUrl: server.url, region: "us-east-1" });
    try {
      const first = (await client.callTool({ name: "create_identity_pool", arguments: { ...pool, cliReadTimeout: 1 } })) as CallToolResult;
      expectUnknownOutcome(first);
      // Let the late answer arrive at a socket the adapter has given up on.
      await new Promise((r) => setTimeout(r, lateAnswerMs));
      // The same server still answers: a dry run, then a create that waits long enough for the answer.
      const dry = (await client.callTool({
        name: "create_identity_pool",
        arguments: { ...pool, generateCliSkeleton: "output" },
      })) as CallToolResult;
      expect(dry.isError, text(dry)).toBeFalsy();
      const second = (await client.callTool({ name: "create_identity_pool", arguments: { ...pool, cliReadTimeout: 5 } })) as CallToolResult;
      expect(second.isError, text(second)).toBeFalsy();
      expect(second.structuredContent).toMatchObject({ IdentityPoolName: "FaultPool" });
      expect(server.requests).toBe(2);
    } finally {
      await close();
    }
  }, 20_000);
});
