/** createServer(): the MCP server with its one tool, independent of the transport. */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createIdentityPoolTool, processControls, type ProcessControls } from "./tools/create-identity-pool.js";
import type { ServerConfig } from "./config.js";
import { serverName, serverVersion } from "./versions.js";

/** One Server per session; pass the same `controls` to every session of a process (HTTP). */
export function createServer(config: ServerConfig = {}, controls: ProcessControls = processControls(config)): Server {
  const tool = createIdentityPoolTool(config, controls);
  const server = new Server({ name: serverName, version: serverVersion }, { capabilities: { tools: {}, logging: {} } });

  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [tool.definition] }));
  const log = (level: "debug" | "info" | "warning" | "error", data: unknown) =>
    void server.sendLoggingMessage({ level, logger: serverName, data }).catch(() => {});
  const askUser = async (message: string) => {
    const answer = await server.elicitInput({ mode: "form", message, requestedSchema: { type: "object", properties: {} } });
    return answer.action;
  };
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    if (request.params.name !== tool.definition.name)
      return { isError: true, content: [{ type: "text", text: `Unknown tool ${JSON.stringify(request.params.name)}; this server has ${tool.definition.name}.` }] };
    try {
      const canElicit = Boolean(server.getClientCapabilities()?.elicitation);
      return await tool.call(request.params.arguments, { log, askUser: canElicit ? askUser : undefined });
    } catch (error) {
      // A bug must not end the process or leak a stack trace to the client; the operator sees it on stderr.
      console.error(`[${serverName}] unexpected error in ${tool.definition.name}:`, error);
      return { isError: true, content: [{ type: "text", text: `Internal error in ${tool.definition.name}: ${(error as Error)?.message ?? String(error)}. Nothing is known to have been created; check before retrying.` }] };
    }
  });
  return server;
}
