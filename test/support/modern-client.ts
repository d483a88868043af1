/**
 * MCP 2026-07-28 clients for tests: the SDK v2 client pinned to that revision (no fallback to
 * `initialize`), over stdio (the built server as a child) or Streamable HTTP. The 2025-11-25 side
 * of the same tests uses the SDK v1 client (test/support/client.ts), as clients in the field do.
 */
import { Client, StreamableHTTPClientTransport, type CallToolResult } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { childEnv } from "./aws-env.js";

export type ConsentAnswer = "accept" | "decline" | "cancel";
/** The user: the same answer to every question, or one decided per question (after doing what it likes). */
export type User = ConsentAnswer | ((question: string) => Promise<ConsentAnswer>);

export interface ModernClient {
  client: Client;
  /** Each consent question the server asked, in order. */
  asked: string[];
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

function pinned(answer: User | undefined): { client: Client; asked: string[] } {
  const client = new Client(
    { name: "modern-test", version: "0" },
    { versionNegotiation: { mode: { pin: "2026-07-28" } }, capabilities: answer ? { elicitation: { form: {} } } : {} },
  );
  const asked: string[] = [];
  if (answer)
    client.setRequestHandler("elicitation/create", async (request) => {
      const question = (request.params as { message: string }).message;
      asked.push(question);
      const action = typeof answer === "function" ? await answer(question) : answer;
      return action === "accept" ? { action, content: {} } : { action };
    });
  return { client, asked };
}

function wrap(client: Client, asked: string[]): ModernClient {
  return {
    client,
    asked,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: () => client.close(),
  };
}

/** The built server over stdio, spoken to at 2026-07-28; `answer` is the user's answer to every consent question (none: no elicitation). */
export async function connectModernStdio(args: string[], env: Record<string, string>, answer?: User): Promise<ModernClient> {
  const { client, asked } = pinned(answer);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["dist/index.js", ...args],
    env: childEnv(env),
    stderr: "pipe",
  });
  await client.connect(transport);
  if (client.getProtocolEra() !== "modern") throw new Error(`expected the 2026-07-28 era, got ${client.getProtocolEra()}`);
  return wrap(client, asked);
}

/** A server over HTTP at `url`, spoken to at 2026-07-28; `fetch` may send each request elsewhere (a load balancer's part). */
export async function connectModernHttp(
  url: string,
  token: string,
  options: { answer?: User; fetch?: (url: string | URL, init?: RequestInit) => Promise<Response> } = {},
): Promise<ModernClient> {
  const { client, asked } = pinned(options.answer);
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    fetch: options.fetch,
  });
  await client.connect(transport);
  if (client.getProtocolEra() !== "modern") throw new Error(`expected the 2026-07-28 era, got ${client.getProtocolEra()}`);
  return wrap(client, asked);
}

/** The envelope a 2026-07-28 request carries in params._meta, for raw requests. */
export function envelope(capabilities: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientInfo": { name: "raw-test", version: "0" },
    "io.modelcontextprotocol/clientCapabilities": capabilities,
    ...extra,
  };
}

type Message = { id: number | string; method: string; params?: Record<string, unknown> };

/** One raw 2026-07-28 request over HTTP, with the headers the revision asks for; the response as it comes. */
export function sendModern(url: string, token: string, message: Message): Promise<Response> {
  const name = (message.params?.name as string | undefined) ?? undefined;
  return fetch(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": message.method,
      ...(name !== undefined && { "mcp-name": name }),
    },
    body: JSON.stringify({ jsonrpc: "2.0", ...message }),
  });
}

/** One raw 2026-07-28 request over HTTP: the answer as received, from a JSON body or the last event of a stream. */
export async function postModern(
  url: string,
  token: string,
  message: Message,
): Promise<{ status: number; body: { result?: Record<string, unknown>; error?: { code: number; message: string; data?: unknown } } }> {
  const res = await sendModern(url, token, message);
  const text = await res.text();
  // An answer may come as one JSON body or as an event stream whose last event is the answer.
  const data = text.startsWith("{")
    ? text
    : (text
        .match(/^data: (.*)$/gm)
        ?.pop()
        ?.slice(6) ?? "{}");
  return { status: res.status, body: JSON.parse(data) };
}
