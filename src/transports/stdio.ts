/** stdio: stdout carries JSON-RPC alone; everything else goes to stderr. */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";

export async function serveStdio(server: Server): Promise<void> {
  const transport = new StdioServerTransport();
  // A line that is not JSON-RPC is reported to the operator, never fatal.
  transport.onerror = (error) => console.error(`[stdio] ${error.message}`);
  await server.connect(transport);
  // Exit once the client closes stdin, after pending replies are flushed.
  process.stdin.on("end", () => void server.close());
}
