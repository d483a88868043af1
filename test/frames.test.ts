/**
 * Hostile frames over stdio: the BUILT server (dist/index.js, `npm run build` first)
 * spawned as an MCP client would, fed what a broken or hostile client might write. Each frame
 * gets what JSON-RPC 2.0 requires where a response is due, stdout carries JSON-RPC alone,
 * memory stays bounded, and the process exits with 0 when stdin closes — not before, and in
 * bounded time even with a call in flight, which is answered first.
 *
 * JSON-RPC 2.0 §5.1: -32700 parse error (invalid JSON; id null), -32600 invalid request
 * (JSON that is not a Request; id null when it cannot be read), -32601 method not found,
 * -32602 invalid params. Where the MCP SDK (1.32) diverges, the protocol-correct assertion
 * is kept in its own test, apart from the survival assertions, so it fails for that reason alone.
 */
import { existsSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initialize, isJsonRpcMessage, spawnServer, type JsonRpcLine, type ServerChild } from "./support/stdio-child.js";
import { startFaultServer, type FaultServer } from "./support/fault-servers.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { resultText } from "./support/results.js";

/** Upper bound on the server's resident memory while it handles 10 MB frames (it idles near 70 MB). */
const rssBoundMb = 256;
/** How long a closed stdin may take to end the process, in-flight call or not. */
const exitBoundMs = 5_000;

const tool = "create_identity_pool";
const callFrame = (id: unknown, args: unknown) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: tool, arguments: args } });
const ping = (id: unknown) => ({ jsonrpc: "2.0", id, method: "ping" });

let server: ServerChild | undefined;
let fault: FaultServer | undefined;
let recorder: Recorder | undefined;

beforeAll(() => {
  if (!existsSync("dist/index.js")) throw new Error("dist/index.js is missing: run `npm run build` first");
});

afterEach(async () => {
  await server?.kill();
  server = undefined;
  await fault?.stop();
  fault = undefined;
  await recorder?.stop();
  recorder = undefined;
});

async function start(args: string[] = [], env: Record<string, string> = {}): Promise<ServerChild> {
  server = spawnServer(args, env);
  await initialize(server);
  return server;
}

/** Sends a ping and waits for its answer: every frame written before it has been read by then. */
async function sync(s: ServerChild, id: string): Promise<void> {
  await s.send(ping(id));
  expect(await s.waitFor(() => s.responses(id).length === 1, 15_000), `ping ${id} was not answered; stderr: ${s.stderr.slice(-2000)}`).toBe(
    true,
  );
}

/** Every test ends here: stdout held JSON-RPC alone, the process outlived the frames, and closing stdin ends it with 0. */
async function finish(s: ServerChild): Promise<void> {
  for (const line of s.stdoutLines) {
    let parsed: JsonRpcLine;
    try {
      parsed = JSON.parse(line) as JsonRpcLine;
    } catch {
      throw new Error(`stdout carried a line that is not JSON: ${line.slice(0, 200)}`);
    }
    expect(isJsonRpcMessage(parsed), `not a JSON-RPC 2.0 message: ${line.slice(0, 200)}`).toBe(true);
  }
  // Not before: still running after the frames, until stdin closes.
  await new Promise((r) => setTimeout(r, 200));
  expect(s.exited, `exited before stdin closed; stderr: ${s.stderr.slice(-2000)}`).toBe(false);
  s.child.stdin.end();
  expect(await s.waitForExit(exitBoundMs)).toBe(0);
}

describe("lines that are not JSON", () => {
  const notJson = ["this line is not JSON", "{", '{"jsonrpc": "2.0", "id": 1, "method": "ping"', "\u0000\u0001\u0002", "[".repeat(100_000)];

  it("do not end the session: the server keeps answering, and stdout stays JSON-RPC", async () => {
    const s = await start();
    for (const line of notJson) await s.send(line);
    await sync(s, "after-garbage");
    expect(s.stderr).toMatch(/JSON/);
    await finish(s);
  });

  it("each get a parse error (-32700) with id null, as JSON-RPC 2.0 §5.1 requires", async () => {
    const s = await start();
    for (const line of notJson) await s.send(line);
    await sync(s, "after-garbage");
    const parseErrors = s.messages().filter((m) => m.error?.code === -32700);
    expect(parseErrors, `the SDK's stdio transport answered none of ${notJson.length} unparseable lines`).toHaveLength(notJson.length);
    for (const e of parseErrors) expect(e.id).toBeNull();
    await finish(s);
  });
});

describe("JSON that is not JSON-RPC", () => {
  /** Frames that are JSON but not a valid Request; the id JSON-RPC allows in the answer (null when it cannot be read). */
  const invalid: [string, (string | number | null)[]][] = [
    ['{"hello": 1}', [null]],
    ["42", [null]],
    ['"a string"', [null]],
    ["null", [null]],
    ["[]", [null]],
    ['{"jsonrpc": "1.0", "id": 6, "method": "ping"}', [6, null]],
    ['{"jsonrpc": "2.0", "id": 7, "method": 12}', [7, null]],
    ['{"jsonrpc": "2.0", "id": {"nested": true}, "method": "ping"}', [null]],
    ['{"jsonrpc": "2.0", "id": 8, "method": "tools/call", "params": "not an object"}', [8, null]],
  ];

  it("do not end the session, and a result-shaped frame for an unknown request is not fatal either", async () => {
    const s = await start();
    for (const [frame] of invalid) await s.send(frame);
    await s.send({ jsonrpc: "2.0", id: 999, result: {} }); // a response to a request the server never made
    await sync(s, "after-invalid");
    await finish(s);
  });

  it("each get an invalid-request error (-32600), with the request's id when it can be read", async () => {
    const s = await start();
    for (const [frame] of invalid) await s.send(frame);
    await sync(s, "after-invalid");
    const errors = s.messages().filter((m) => m.error?.code === -32600);
    expect(errors, `the SDK's stdio transport answered none of ${invalid.length} invalid requests`).toHaveLength(invalid.length);
    const ids = errors.map((e) => e.id);
    for (const [frame, allowed] of invalid)
      expect(
        ids.some((id) => allowed.includes(id as never)),
        frame,
      ).toBe(true);
    await finish(s);
  });

  it("tools/call whose arguments are not an object gets invalid params (-32602) with its id", async () => {
    const s = await start();
    await s.send(callFrame(21, 5));
    await s.send(callFrame(22, ["IdentityPoolName", "x"]));
    await s.send(callFrame(23, "IdentityPoolName=x"));
    await sync(s, "after-bad-params");
    for (const id of [21, 22, 23]) {
      const [answer] = s.responses(id);
      expect(answer?.error?.code, `id ${id}: ${JSON.stringify(answer)?.slice(0, 300)}`).toBe(-32602);
    }
    await finish(s);
  });
});

describe("unknown methods", () => {
  it("get method not found (-32601) with the request's own id; unknown notifications get nothing", async () => {
    const s = await start();
    const ids = ["u-1", 77, 0, -3];
    await s.send({ jsonrpc: "2.0", id: ids[0], method: "no/such/method" });
    await s.send({ jsonrpc: "2.0", id: ids[1], method: "tools/delete", params: {} });
    await s.send({ jsonrpc: "2.0", id: ids[2], method: "" });
    await s.send({ jsonrpc: "2.0", id: ids[3], method: "resources/list" });
    await s.send({ jsonrpc: "2.0", method: "notifications/no-such-thing", params: {} });
    await sync(s, "after-unknown");
    for (const id of ids) {
      const answers = s.responses(id);
      expect(answers, `id ${JSON.stringify(id)}`).toHaveLength(1);
      expect(answers[0]!.error?.code).toBe(-32601);
    }
    // The notification was not answered: every response on stdout belongs to a request.
    const answeredIds = s
      .messages()
      .filter((m) => m.method === undefined)
      .map((m) => m.id);
    expect(answeredIds.sort()).toEqual(["init", ...ids, "after-unknown"].sort());
    await finish(s);
  });
});

describe("a 10 MB argument", () => {
  it("10,000,000 characters in IdentityPoolName: an isError naming the field, nothing echoed, memory bounded", async () => {
    const s = await start();
    await s.send(callFrame(31, { IdentityPoolName: "x".repeat(10_000_000), AllowUnauthenticatedIdentities: false }));
    await s.send(
      callFrame(32, { IdentityPoolName: "ok", AllowUnauthenticatedIdentities: false, IdentityPoolTags: { big: "v".repeat(10_000_000) } }),
    );
    expect(await s.waitFor(() => s.responses(31).length === 1 && s.responses(32).length === 1, 30_000)).toBe(true);
    const [first] = s.responses(31);
    const [second] = s.responses(32);
    expect(first!.result?.isError).toBe(true);
    expect(resultText(first?.result)).toMatch(/IdentityPoolName: .*has 10000000 characters; at most 128 allowed/);
    expect(second!.result?.isError).toBe(true);
    expect(resultText(second?.result)).toMatch(/IdentityPoolTags\["big"\]/);
    // The answer quotes the value, shortened: it does not send 10 MB back.
    for (const line of s.stdoutLines) expect(line.length).toBeLessThan(100_000);
    await sync(s, "after-10mb");
    expect(s.peakRssMb).toBeLessThan(rssBoundMb);
    await finish(s);
  }, 60_000);

  it("a frame over the transport's 10 MiB buffer: answered with an error, and the session goes on", async () => {
    const s = await start();
    // 10 MiB of argument: the frame is larger than the SDK's stdio ReadBuffer (10 × 1024 × 1024 bytes).
    await s.send(callFrame(41, { IdentityPoolName: "x".repeat(10 * 1024 * 1024), AllowUnauthenticatedIdentities: false }));
    await s.send(ping("after-huge"));
    const answered = await s.waitFor(() => s.responses("after-huge").length === 1, 5_000);
    expect(s.peakRssMb).toBeLessThan(rssBoundMb);
    expect(answered, `the server stopped reading stdin after the oversized frame; stderr: ${s.stderr.slice(-500)}`).toBe(true);
    // A request is owed an answer under its own id, read from the start of the frame.
    expect(s.responses(41).map((m) => m.error)).toEqual([
      { code: -32600, message: `Invalid Request: a frame is limited to ${10 * 1024 * 1024} bytes` },
    ]);
    expect(s.messages().filter((m) => m.id === null)).toEqual([]);
    await finish(s);
  }, 60_000);

  it("10 MB inside cliInputJson and cliArgs (a document, a command line, a shorthand value): answered, memory bounded", async () => {
    const s = await start();
    const tenMillion = (c: string) => c.repeat(10_000_000);
    const frames: [number, unknown, RegExp][] = [
      [
        36,
        { cliInputJson: JSON.stringify({ IdentityPoolName: tenMillion("x"), AllowUnauthenticatedIdentities: false }) },
        /^- (IdentityPoolName|cliInputJson)\b/m,
      ],
      [
        37,
        { cliArgs: `--identity-pool-name ${tenMillion("x")} --no-allow-unauthenticated-identities` },
        /^- (IdentityPoolName|cliArgs)\b/m,
      ],
      [
        38,
        { cliArgs: ["--identity-pool-name", "x", "--no-allow-unauthenticated-identities", "--identity-pool-tags", `k=${tenMillion("v")}`] },
        /^- (IdentityPoolTags|cliArgs)\b/m,
      ],
    ];
    // One at a time: the peak is each frame's own, not their sum.
    for (const [id, args, field] of frames) {
      await s.send(callFrame(id, args));
      expect(await s.waitFor(() => s.responses(id).length === 1, 30_000), `id ${id} unanswered`).toBe(true);
      const [answer] = s.responses(id);
      expect(answer!.result?.isError, `id ${id}`).toBe(true);
      expect(resultText(answer?.result), `id ${id}`).toMatch(field);
      expect(s.peakRssMb, `peak RSS after id ${id}`).toBeLessThan(rssBoundMb);
    }
    await finish(s);
  }, 90_000);

  it("several 10 MB frames in a row do not accumulate memory", async () => {
    const s = await start();
    for (let i = 0; i < 5; i++)
      await s.send(callFrame(50 + i, { IdentityPoolName: "y".repeat(10_000_000), AllowUnauthenticatedIdentities: true }));
    expect(await s.waitFor(() => [0, 1, 2, 3, 4].every((i) => s.responses(50 + i).length === 1), 60_000)).toBe(true);
    for (let i = 0; i < 5; i++) expect(s.responses(50 + i)[0]!.result?.isError).toBe(true);
    expect(s.peakRssMb).toBeLessThan(rssBoundMb);
    await finish(s);
  }, 90_000);
});

describe("an over-long frame (48 MB)", () => {
  const limitError = { code: -32600, message: `Invalid Request: a frame is limited to ${10 * 1024 * 1024} bytes` };
  const huge = "x".repeat(48 * 1024 * 1024);
  const params = (args: string) => `"params":{"name":"${tool}","arguments":{${args},"IdentityPoolName":"${huge}"}}`;
  /** Sends a frame, then a ping; resolves once the ping is answered, the frame answered under `id` with the limit's error. */
  async function overlong(s: ServerChild, frame: string, id: unknown, after: string): Promise<void> {
    await s.send(frame);
    await s.send(ping(after));
    expect(
      await s.waitFor(() => s.responses(after).length === 1, 20_000),
      `the session did not go on; stderr: ${s.stderr.slice(-500)}`,
    ).toBe(true);
    expect(s.responses(id).map((m) => m.error)).toEqual([limitError]);
  }

  it("answered under its id when the id comes first, and when it comes last (after an id inside params); memory bounded", async () => {
    const s = await start();
    // Each waits at most 20 s for the session to go on (overlong's waitFor): a hang fails there.
    await overlong(s, `{"jsonrpc":"2.0","id":81,"method":"tools/call",${params('"id":1')}}`, 81, "after-first");
    await overlong(s, `{"jsonrpc":"2.0","method":"tools/call",${params('"id":2')},"id":"last-82"}`, "last-82", "after-last");
    // Neither the ids inside params nor null: one answer each, under the request's id.
    expect(s.messages().filter((m) => m.error?.code === -32600)).toHaveLength(2);
    expect(s.peakRssMb).toBeLessThan(rssBoundMb);
    await finish(s);
  }, 60_000);

  it("with no top-level id (only ids inside params, one of them closing params at the very end): answered with id null", async () => {
    const s = await start();
    const frame = `{"jsonrpc":"2.0","method":"tools/call","params":{"id":7,"name":"${tool}","arguments":{"IdentityPoolName":"${huge}","id":8}}}`;
    await overlong(s, frame, null, "after-no-id");
    for (const id of [7, 8]) expect(s.responses(id)).toEqual([]);
    expect(s.peakRssMb).toBeLessThan(rssBoundMb);
    await finish(s);
  }, 60_000);
});

describe("memory over many calls", () => {
  it("creates that each name another cliReadTimeout do not accumulate memory", async () => {
    recorder = await startRecorder();
    const s = await start(["--endpoint-url", recorder.url, "--region", "us-east-1"]);
    const pool = { IdentityPoolName: "Many", AllowUnauthenticatedIdentities: false };
    const batchSize = 50;
    let nextId = 10_000;
    /** `count` creates, each with a cliReadTimeout never used before: a distinct connection for the adapter. */
    const distinctCreates = async (count: number) => {
      for (let sent = 0; sent < count; sent += batchSize) {
        const from = nextId;
        for (let i = 0; i < batchSize; i++, nextId++) await s.send(callFrame(nextId, { ...pool, cliReadTimeout: nextId }));
        expect(await s.waitFor(() => s.responses(from + batchSize - 1).length === 1, 30_000)).toBe(true);
      }
    };
    // The first thousand let the heap reach its working size; the next two thousand must not add to it.
    await distinctCreates(1_000);
    const settled = s.rssMb();
    await distinctCreates(2_000);
    const grown = s.rssMb() - settled;
    const answered = s.messages().filter((m) => typeof m.id === "number" && m.id >= 10_000);
    expect(answered).toHaveLength(3_000);
    for (const m of answered) expect(m.result?.isError, resultText(m.result)).toBeFalsy();
    expect(recorder.count).toBe(3_000);
    // Measured with one SDK client cached per distinct connection and never released: +98 MB.
    expect(grown, `RSS grew by ${grown.toFixed(0)} MB over the last 2000 creates with distinct cliReadTimeout values`).toBeLessThan(40);
    await finish(s);
  }, 90_000);
});

describe("deeply nested JSON (100,000 levels)", () => {
  const depth = 100_000;
  const deepArray = "[".repeat(depth) + "]".repeat(depth);
  const deepObject = '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

  it("as an argument's value, under an unknown key, inside cliInputJson, through cliArgs and in _meta: answered, never a crash", async () => {
    const s = await start();
    await s.send(
      `{"jsonrpc":"2.0","id":61,"method":"tools/call","params":{"name":"${tool}","arguments":{"IdentityPoolName":${deepArray},"AllowUnauthenticatedIdentities":false}}}`,
    );
    await s.send(`{"jsonrpc":"2.0","id":62,"method":"tools/call","params":{"name":"${tool}","arguments":{"Unknown":${deepObject}}}}`);
    await s.send(
      `{"jsonrpc":"2.0","id":63,"method":"tools/call","params":{"name":"${tool}","arguments":{"cliInputJson":${JSON.stringify(deepArray)}}}}`,
    );
    await s.send(
      `{"jsonrpc":"2.0","id":64,"method":"tools/call","params":{"name":"${tool}","arguments":{"cliInputJson":${JSON.stringify(`{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":false,"IdentityPoolTags":${deepObject}}`)}}}}`,
    );
    await s.send(
      `{"jsonrpc":"2.0","id":65,"method":"tools/call","params":{"name":"${tool}","arguments":{"IdentityPoolTags":{"k":${deepObject}}}}}`,
    );
    await s.send(`{"jsonrpc":"2.0","id":66,"method":"ping","params":{"_meta":${deepObject}}}`);
    await s.send(`{"jsonrpc":"2.0","id":67,"method":"tools/list","params":{"cursor":${deepArray}}}`);
    // The same depth through cliArgs: a --cli-input-json document, and shorthand lists and structures.
    const required = ["--identity-pool-name", "p", "--no-allow-unauthenticated-identities"];
    await s.send(callFrame(68, { cliArgs: [...required, "--cli-input-json", deepArray] }));
    await s.send(callFrame(69, { cliArgs: [...required, "--cognito-identity-providers", `ProviderName=${"[".repeat(depth / 2)}`] }));
    await s.send(callFrame(70, { cliArgs: [...required, "--identity-pool-tags", `k=${"{a=".repeat(depth / 2)}`] }));
    await s.send(callFrame(71, { cliArgs: [...required, "--identity-pool-tags", deepObject] }));
    const ids = [61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71];
    expect(await s.waitFor(() => ids.every((id) => s.responses(id).length === 1), 30_000), s.stderr.slice(-2000)).toBe(true);
    const named: [number, RegExp][] = [
      [61, /IdentityPoolName: must be a string/],
      [62, /Unknown: is not a known key/],
      [63, /^- cliInputJson: /m],
      [64, /^- (cliInputJson|IdentityPoolTags)\b/m],
      [65, /IdentityPoolTags\["k"\]/],
      [68, /^- cliArgs/m],
      [69, /^- cliArgs/m],
      [70, /^- cliArgs/m],
      [71, /^- (cliArgs|IdentityPoolTags)/m],
    ];
    // Every frame checked, then all that went wrong reported at once.
    const wrong = named.flatMap(([id, field]) => {
      const [answer] = s.responses(id);
      const shown = resultText(answer?.result);
      return answer?.result?.isError === true && field.test(shown) && !/Internal error|Maximum call stack/.test(shown)
        ? []
        : [`id ${id}: ${shown.slice(0, 160)}`];
    });
    expect(wrong).toEqual([]);
    expect(s.responses(66)[0]!.result).toEqual({});
    // A cursor must be a string: invalid params, answered as an error for its id.
    expect(s.responses(67)[0]!.error?.code).toBeTypeOf("number");
    expect(s.stderr).not.toMatch(/Maximum call stack|RangeError/);
    expect(s.peakRssMb).toBeLessThan(rssBoundMb);
    await finish(s);
  }, 60_000);
});

describe("a reused request id", () => {
  it("two overlapping calls with one id each get exactly one answer; reusing it afterwards works too", async () => {
    fault = await startFaultServer("stall");
    const s = await start(["--endpoint-url", fault.url, "--region", "us-east-1"]);
    const slow = { IdentityPoolName: "Dup", AllowUnauthenticatedIdentities: false, cliReadTimeout: 1 };
    await s.send(callFrame(9, slow));
    await s.send(callFrame(9, slow));
    expect(await s.waitFor(() => s.responses(9).length >= 2, 15_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const answers = s.responses(9);
    expect(answers).toHaveLength(2);
    for (const a of answers) {
      expect(a.result?.isError).toBe(true);
      expect(resultText(a.result)).toMatch(/OutcomeUnknown/);
    }
    expect(fault.requests).toBe(2);
    // Sequential reuse, once the id is free again.
    await s.send(ping(9));
    expect(await s.waitFor(() => s.responses(9).length === 3, 15_000)).toBe(true);
    expect(s.responses(9)[2]!.result).toEqual({});
    await finish(s);
  }, 30_000);
});

describe("stdin closed in the middle of a slow call", () => {
  it("the process stays up until stdin closes, then answers the call as an unknown outcome at the stop's bound and exits with 0", async () => {
    fault = await startFaultServer("stall");
    // A shorter stop bound than the 30 s in production, so the test stays fast.
    const graceMs = 1_500;
    const s = await start(["--endpoint-url", fault.url, "--region", "us-east-1"], { COGNITO_IDENTITY_MCP_STOP_GRACE_MS: String(graceMs) });
    // The default read timeout (60 s): the call is still running at the bound.
    await s.send(callFrame(71, { IdentityPoolName: "Slow", AllowUnauthenticatedIdentities: false }));
    const stalled = fault;
    expect(await s.waitFor(() => stalled.requests === 1, 15_000), "the create never reached the stalling endpoint").toBe(true);
    // Not before: with a call in flight and stdin open, the process keeps running.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(s.exited).toBe(false);
    const closedAt = Date.now();
    s.child.stdin.end();
    const code = await s.waitForExit(graceMs + exitBoundMs);
    expect(code, `still running ${graceMs + exitBoundMs} ms after stdin closed (the stalled create keeps the process alive)`).toBe(0);
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(graceMs - 100);
    for (const line of s.stdoutLines) expect(isJsonRpcMessage(JSON.parse(line) as JsonRpcLine), line.slice(0, 200)).toBe(true);
    // Answered, never dropped, and as an unknown outcome, never as a success.
    const answers = s.responses(71);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.result?.isError).toBe(true);
    expect(resultText(answers[0]!.result)).toMatch(/may or may not have been created[\s\S]*ifNameExists "return-existing"/);
    expect(stalled.requests).toBe(1);
  }, 30_000);

  it("an idle server exits with 0 as soon as stdin closes", async () => {
    const s = await start();
    await sync(s, "idle");
    await finish(s);
  });
});
