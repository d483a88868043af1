/** Connects the SDK's own MCP Client to the server, in memory or over stdio. */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { createServer } from "../../src/server.js";
import type { ServerConfig } from "../../src/config.js";

export async function connectInMemory(config: ServerConfig = {}): Promise<{ client: Client; close(): Promise<void> }> {
  const server = createServer(config);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "test", version: "0" });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return { client, close: async () => { await client.close(); await server.close(); } };
}

/** Fake but well-formed credentials: moto does not check signatures. */
export const fakeAwsEnv = {
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  AWS_REGION: "us-east-1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

export async function connectStdio(args: string[] = [], env: Record<string, string> = {}): Promise<{ client: Client; transport: StdioClientTransport; close(): Promise<void> }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["dist/index.js", ...args],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stderr: "pipe",
  });
  const client = new Client({ name: "test", version: "0" });
  await client.connect(transport);
  return { client, transport, close: () => client.close() };
}

/**
 * Replaces every AWS_* variable of this test process with fake credentials and no config files,
 * so nothing from the machine's AWS setup leaks in; returns the function that restores them.
 */
export function isolateAwsEnvironment(extra: Record<string, string> = {}): () => void {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
  Object.assign(process.env, fakeAwsEnv, { AWS_CONFIG_FILE: "/nonexistent/config", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials", AWS_EC2_METADATA_DISABLED: "true" }, extra);
  return () => {
    process.env = saved;
  };
}
