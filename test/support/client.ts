/** Connects the SDK's own MCP Client to the server, in memory or over stdio. */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ElicitRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createServer } from "../../src/server.js";
import type { ServerConfig } from "../../src/config.js";
import { childEnv } from "./aws-env.js";

/** The tools a server lists when its operator names none (--tools), in tools/list order. */
export const defaultToolNames = ["create_identity_pool", "describe_identity_pool", "list_identity_pools", "get_identity_pool_roles"];

export async function connectInMemory(config: ServerConfig = {}): Promise<{ client: Client; close(): Promise<void> }> {
  const server = createServer(config);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "test", version: "0" });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return {
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** One create_identity_pool call with these arguments, on a server of its own in memory, closed once answered. */
export async function callOnce(config: ServerConfig, args: Record<string, unknown>): Promise<CallToolResult> {
  const { client, close } = await connectInMemory(config);
  try {
    return (await client.callTool({ name: "create_identity_pool", arguments: args })) as CallToolResult;
  } finally {
    await close();
  }
}

/** The built server over stdio; its environment is PATH, HOME and `env` alone (pass fakeAwsEnv for the tests' AWS environment). */
export async function connectStdio(
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ client: Client; transport: StdioClientTransport; close(): Promise<void> }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["dist/index.js", ...args],
    env: childEnv(env),
    stderr: "pipe",
  });
  const client = new Client({ name: "test", version: "0" });
  await client.connect(transport);
  return { client, transport, close: () => client.close() };
}

/** The user's answer to every consent prompt; undefined: a client without elicitation. */
export type ConsentAnswer = "accept" | "decline" | "cancel";

/** A server in memory and a client that answers its consent prompts as `answer` says, keeping each prompt in `asked`. */
export async function connectAnswering(
  config: ServerConfig,
  answer?: ConsentAnswer,
): Promise<{ client: Client; asked: string[]; close(): Promise<void> }> {
  const server = createServer(config);
  const client = new Client({ name: "test", version: "0" }, { capabilities: answer ? { elicitation: { form: {} } } : {} });
  const asked: string[] = [];
  if (answer)
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked.push((request.params as { message: string }).message);
      return answer === "accept" ? { action: "accept", content: {} } : { action: answer };
    });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return { client, asked, close: () => client.close() };
}
