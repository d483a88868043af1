/**
 * An orderly stop over stdio, on the BUILT server (dist/index.js, `npm run build` first): when
 * stdin closes, or on SIGTERM or SIGINT, nothing new is taken, the calls in flight finish and
 * their answers reach the client, and the process exits with 0. A call still running at the
 * bound (COGNITO_IDENTITY_MCP_STOP_GRACE_MS shortens the 30 s for tests) is answered, never
 * dropped: a create as an unknown outcome, a read as stopped before it finished.
 */
import { existsSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initialize, spawnServer, type ServerChild } from "./support/stdio-child.js";
import { resultText } from "./support/results.js";
import { slowEndpoint } from "./support/slow-endpoint.js";
import { envelope } from "./support/modern-client.js";

type SlowEndpoint = Awaited<ReturnType<typeof slowEndpoint>>;

const poolId = "us-east-1:11111111-2222-3333-4444-555555555555";

let server: ServerChild | undefined;

beforeAll(() => {
  if (!existsSync("dist/index.js")) throw new Error("dist/index.js is missing: run `npm run build` first");
});

afterEach(async () => {
  await server?.kill();
  server = undefined;
});

async function start(delayMs: number | "never", env: Record<string, string> = {}): Promise<{ s: ServerChild; e: SlowEndpoint }> {
  // Stopped when the test ends.
  const e = await slowEndpoint(delayMs === "never" ? null : delayMs);
  const s = (server = spawnServer(["--endpoint-url", e.url, "--region", "us-east-1"], env));
  await initialize(s);
  return { s, e };
}

const createFrame = (id: unknown) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name: "create_identity_pool", arguments: { IdentityPoolName: "Slow", AllowUnauthenticatedIdentities: false } },
});
const describeFrame = (id: unknown) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name: "describe_identity_pool", arguments: { IdentityPoolId: poolId } },
});

/** Waits until the endpoint has received `count` requests: the calls are in flight. */
async function inFlight(s: ServerChild, e: SlowEndpoint, count: number): Promise<void> {
  expect(
    await s.waitFor(() => e.requests === count, 15_000),
    `the calls never reached the endpoint; stderr: ${s.stderr.slice(-1000)}`,
  ).toBe(true);
}

/**
 * Waits until the server has logged that the stop has begun (src/transports/stdio.ts logs
 * "stopping (<signal>): waiting for …" when calls are in flight, in the same tick as it stops
 * taking new work): frames sent after this are sent to a stopping server.
 */
async function stopBegun(s: ServerChild, signal: NodeJS.Signals): Promise<void> {
  expect(
    await s.waitFor(() => s.stderr.includes(`stopping (${signal})`), 15_000),
    `the server never logged that the stop began; stderr: ${s.stderr.slice(-1000)}`,
  ).toBe(true);
}

/** The create's answer, a success: the endpoint's pool. */
function expectCreated(s: ServerChild, id: unknown): void {
  const answers = s.responses(id);
  expect(answers, `answers to ${String(id)}; stderr: ${s.stderr.slice(-1000)}`).toHaveLength(1);
  expect(answers[0]!.result?.isError, resultText(answers[0]!.result)).toBeFalsy();
  expect(answers[0]!.result?.structuredContent).toMatchObject({ IdentityPoolId: poolId });
}

describe("a call in flight when the stop comes finishes, and its answer reaches the client", () => {
  it("stdin closes with a create in flight: the create's result is written, then the process exits with 0", async () => {
    const { s, e } = await start(1_000);
    await s.send(createFrame("create-1"));
    await inFlight(s, e, 1);
    s.child.stdin.end();
    expect(await s.waitForExit(15_000)).toBe(0);
    expectCreated(s, "create-1");
  }, 30_000);

  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s with a create in flight: nothing new is taken, the create's result is written, exit 0",
    async (signal) => {
      const { s, e } = await start(1_000);
      await s.send(createFrame("create-2"));
      await inFlight(s, e, 1);
      s.child.kill(signal);
      // Sent once the stop has begun, with stdin still open: neither processed nor answered.
      await stopBegun(s, signal);
      // Not awaited: a process that died at the signal would never drain them.
      void s.send({ jsonrpc: "2.0", id: "late-ping", method: "ping" });
      void s.send(createFrame("late-create"));
      expect(await s.waitForExit(15_000)).toBe(0);
      expectCreated(s, "create-2");
      expect(s.responses("late-ping")).toEqual([]);
      expect(s.responses("late-create")).toEqual([]);
      expect(e.requests, "a frame sent after the signal reached the endpoint").toBe(1);
      expect(s.stderr).toContain(`stopping (${signal})`);
    },
    30_000,
  );

  it("an idle server exits with 0 at once on SIGTERM", async () => {
    const { s } = await start(1_000);
    s.child.kill("SIGTERM");
    // waitForExit answers "timeout" after 5 s: a server that does not exit at once fails here.
    expect(await s.waitForExit(5_000)).toBe(0);
  });
});

describe("calls still running at the stop's bound are answered, not dropped", () => {
  const graceMs = 1_500;

  it("a stalled create gets an unknown outcome under its id, a stalled read says it changed nothing; then exit 0 at the bound", async () => {
    const { s, e } = await start("never", { COGNITO_IDENTITY_MCP_STOP_GRACE_MS: String(graceMs) });
    await s.send(createFrame("stalled-create"));
    await s.send(describeFrame("stalled-read"));
    await inFlight(s, e, 2);
    const closedAt = Date.now();
    s.child.stdin.end();
    expect(await s.waitForExit(graceMs + 10_000)).toBe(0);
    const took = Date.now() - closedAt;
    // It waited for the calls, up to the bound, and not much longer.
    expect(took).toBeGreaterThanOrEqual(graceMs - 100);
    expect(took).toBeLessThan(graceMs + 5_000);

    const [create] = s.responses("stalled-create");
    expect(s.responses("stalled-create")).toHaveLength(1);
    expect(create!.result?.isError).toBe(true);
    expect(resultText(create!.result)).toMatch(/OutcomeUnknown: The server stopped \(stdin closed\) before create_identity_pool finished/);
    expect(resultText(create!.result)).toMatch(/may or may not have been created[\s\S]*ifNameExists "return-existing"/);

    const [read] = s.responses("stalled-read");
    expect(s.responses("stalled-read")).toHaveLength(1);
    expect(read!.result?.isError).toBe(true);
    expect(resultText(read!.result)).toMatch(/before describe_identity_pool finished; it changes nothing/);
    expect(s.stderr).toMatch(/2 calls still running answered as unfinished/);
  }, 30_000);

  it("under MCP 2026-07-28 (no initialize, the envelope on each request), a create still running at the bound is answered as a complete result with an unknown outcome", async () => {
    const e = await slowEndpoint(null);
    const s = (server = spawnServer(["--endpoint-url", e.url, "--region", "us-east-1"], {
      COGNITO_IDENTITY_MCP_STOP_GRACE_MS: String(graceMs),
    }));
    const modern = (frame: { params: Record<string, unknown> }) => ({ ...frame, params: { ...frame.params, _meta: envelope() } });
    await s.send(modern(createFrame("modern-stalled")));
    await inFlight(s, e, 1);
    s.child.stdin.end();
    expect(await s.waitForExit(graceMs + 10_000)).toBe(0);
    const answers = s.responses("modern-stalled");
    expect(answers).toHaveLength(1);
    expect(answers[0]!.result).toMatchObject({ resultType: "complete", isError: true });
    expect(resultText(answers[0]!.result)).toMatch(
      /The server stopped \(stdin closed\) before create_identity_pool finished, so the pool may or may not/,
    );
  }, 30_000);

  it("a second SIGTERM ends the wait at once: the stalled create is answered as an unknown outcome, exit 0", async () => {
    // The production bound (30 s): only the second signal can end the stop this early.
    const { s, e } = await start("never");
    await s.send(createFrame("insisted"));
    await inFlight(s, e, 1);
    s.child.kill("SIGTERM");
    await stopBegun(s, "SIGTERM");
    expect(s.exited, "exited before the call finished or the bound came").toBe(false);
    s.child.kill("SIGTERM");
    // waitForExit answers "timeout" after 10 s, well before the 30 s bound: only the second signal ends the wait in time.
    expect(await s.waitForExit(10_000)).toBe(0);
    const answers = s.responses("insisted");
    expect(answers).toHaveLength(1);
    expect(resultText(answers[0]!.result)).toMatch(
      /The server stopped \(SIGTERM\) before create_identity_pool finished, so the pool may or may not/,
    );
  }, 30_000);
});
