/**
 * The stdio transport in-process, over in-memory streams: how it finds an over-long frame's id
 * without buffering the frame, and what it owes the client when it stops.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { maxFrameBytes, StdioTransport } from "../src/transports/stdio.js";
import { closingId, leadingId } from "../src/transports/frame-id.js";
import { cutOffAnswer } from "../src/effects/unfinished.js";

describe("an over-long frame's id, from its start", () => {
  it.each<[string, string | number | null | undefined]>([
    ['{"jsonrpc":"2.0","id":81,"method":"tools/call","params":{"arguments":{"IdentityPoolName":"xxx', 81],
    ['  {"id" : "a\\"b" , "params":{"x":"xxx', 'a"b'],
    ['{"\\u0069d":-3.5e2,"params":{"x":"xxx', -350],
    // Only the top-level object's members count: ids inside params, nested objects or strings do not.
    ['{"params":{"id":1,"arguments":{"id":2}},"id":3,"x":"xxx', 3],
    ['{"method":"a \\"id\\":4 b","list":[{"id":5}],"id":6,"x":"xxx', 6],
    ['{"jsonrpc":"2.0","method":"tools/call","params":{"id":7,"name":"t","arguments":{"IdentityPoolName":"xxx', undefined],
    // Not a usable id: answered with null.
    ['{"id":{"nested":1},"x":"xxx', null],
    ['{"id":true,"x":"xxx', null],
    ['{"id":1e999,"x":"xxx', null],
    // Cut off inside the id: not known from the start.
    ['{"jsonrpc":"2.0","id":12', undefined],
    ['{"jsonrpc":"2.0","id":"abc', undefined],
    ['[{"id":1}', undefined],
    ['{"a":1}{"id":2', undefined],
  ])("%s → %s", (text, id) => {
    expect(leadingId(text)).toBe(id);
  });
});

describe("an over-long frame's id, from its end", () => {
  it.each<[string, string | number | undefined]>([
    ['xxx"}},"id":82}', 82],
    ['xxx"}} , "id" : "last-82" }\r', "last-82"],
    ['xxx"},"id":"a\\"}"}', 'a"}'],
    // The member must close the top-level object: an id closing params (or any inner object) does not count.
    ['xxx","id":8}}}', undefined],
    ['xxx"}},"id":82,"x":1}', undefined],
    // Inside a string, a quote is always escaped.
    ['xxx \\",\\"id\\":9}"}', undefined],
    ['xxx"},"xid":9}', undefined],
    ['xxx"},"id":true}', undefined],
  ])("%s → %s", (text, id) => {
    expect(closingId(text)).toBe(id);
  });
});

/** A transport over in-memory streams, with every line it writes parsed. */
function harness() {
  const input = new PassThrough();
  const output = new PassThrough();
  const written: Record<string, unknown>[] = [];
  let partial = "";
  output.setEncoding("utf8");
  output.on("data", (chunk: string) => {
    partial += chunk;
    for (let newline; (newline = partial.indexOf("\n")) !== -1; partial = partial.slice(newline + 1))
      written.push(JSON.parse(partial.slice(0, newline)) as Record<string, unknown>);
  });
  const transport = new StdioTransport(input, output);
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (message) => received.push(message);
  transport.onend = () => {};
  const settle = () => new Promise((r) => setImmediate(r));
  return { input, transport, written, received, settle };
}

const call = (id: unknown, name: string, args: Record<string, unknown> = {}) =>
  JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } }) + "\n";

describe("the transport", () => {
  it("answers an over-long frame under the id at its end, then reads on", async () => {
    const { input, transport, written, received, settle } = harness();
    await transport.start();
    input.write('{"jsonrpc":"2.0","method":"tools/call","params":{"arguments":{"id":1,"IdentityPoolName":"');
    const chunk = Buffer.alloc(1024 * 1024, "x");
    for (let i = 0; i < 12; i++) input.write(chunk);
    input.write('"}},"id":"end-id"}\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    await settle();
    expect(written).toEqual([
      { jsonrpc: "2.0", id: "end-id", error: { code: -32600, message: `Invalid Request: a frame is limited to ${maxFrameBytes} bytes` } },
    ]);
    expect(received).toEqual([{ jsonrpc: "2.0", id: 2, method: "ping" }]);
  });

  it("a stop waits for the calls in flight and lets their answers through; nothing new is delivered meanwhile, but answers to the server's own requests are", async () => {
    const { input, transport, written, received, settle } = harness();
    await transport.start();
    input.write(call(1, "create_identity_pool"));
    await settle();
    let stopped: number | undefined;
    // A bound longer than the test's own timeout: only the last answer can end the wait in time.
    const stopping = transport.stop("SIGTERM", cutOffAnswer, 60_000);
    void stopping.then((n) => (stopped = n));
    input.write(call(2, "create_identity_pool"));
    input.write('{"jsonrpc":"2.0","id":"elicit-1","result":{"action":"accept"}}\nnot json\n');
    await settle();
    expect(received.map((m) => ("id" in m ? m.id : undefined))).toEqual([1, "elicit-1"]);
    expect(stopped).toBeUndefined();
    await transport.send({ jsonrpc: "2.0", id: 1, result: { content: [] } });
    // The last answer ends the wait; none was left to answer.
    expect(await stopping).toBe(0);
    expect(stopped).toBe(0);
    expect(written).toEqual([{ jsonrpc: "2.0", id: 1, result: { content: [] } }]);
  });

  it("at the bound, answers what is still running by what the tool does; a reused id is owed one answer per request; a cancelled one none", async () => {
    const { input, transport, written, settle } = harness();
    await transport.start();
    input.write(call(1, "create_identity_pool", { IdentityPoolName: "p" }));
    input.write(call(1, "create_identity_pool", { IdentityPoolName: "p" }));
    input.write(call("r", "describe_identity_pool"));
    input.write(call("u", "update_identity_pool"));
    input.write(call("d", "delete_identity_pool", { dryRun: true }));
    input.write(call("gone", "delete_identity_pool"));
    input.write('{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"gone"}}\n');
    input.write('{"jsonrpc":"2.0","id":"l","method":"tools/list"}\n');
    await settle();
    expect(transport.callsInFlight).toBe(6);
    await transport.send({ jsonrpc: "2.0", id: 1, result: { content: [] } });
    expect(await transport.stop("stdin closed", cutOffAnswer, 50)).toBe(5);
    // Answered once: a late answer after the stop's own is dropped.
    await transport.send({ jsonrpc: "2.0", id: "r", result: { content: [] } });
    await settle();
    const byId = (id: unknown) => written.filter((m) => m.id === id);
    const text = (id: unknown) => byId(id).map((m) => (m.result as { content: { text: string }[] }).content[0]?.text);
    expect(byId(1)).toHaveLength(2);
    expect(text(1)[1]).toMatch(
      /^CreateIdentityPool failed: OutcomeUnknown: The server stopped \(stdin closed\) before create_identity_pool finished, so the pool may or may not have been created\.\nDo not simply retry.*ifNameExists "return-existing"/,
    );
    expect(text("r")).toEqual([
      "DescribeIdentityPool failed: ServerStopped: The server stopped (stdin closed) before describe_identity_pool finished; it changes nothing, so calling it again is safe.",
    ]);
    expect(text("u")[0]).toMatch(/OutcomeUnknown: .*so the change may or may not have been made\.\nRead the pool again/);
    expect(text("d")[0]).toMatch(/ServerStopped: .*it changes nothing/);
    expect(byId("gone")).toEqual([]);
    expect(byId("l")).toEqual([
      { jsonrpc: "2.0", id: "l", error: { code: -32603, message: "The server stopped (stdin closed) before answering tools/list" } },
    ]);
    for (const m of written.slice(1).filter((w) => w.result)) expect((m.result as { isError?: boolean }).isError).toBe(true);
  });
});
