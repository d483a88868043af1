/**
 * The baseline for start-up: the smallest useful server written with @modelcontextprotocol/sdk
 * (McpServer, one trivial tool, the SDK's stdio transport). bench/run.mjs bundles it with
 * esbuild the way scripts/build.mjs bundles ours (ESM, code splitting, same minification and
 * banner) into a temporary directory; it is not part of the product.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import * as z from "zod";

const server = new McpServer({ name: "minimal", version: "1.0.0" });
server.registerTool("echo", { description: "Returns its text.", inputSchema: { text: z.string() } }, async ({ text }) => ({
  content: [{ type: "text", text }],
}));
await server.connect(new StdioServerTransport());
