/** createServer(): the MCP server with its one tool, independent of the transport. */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { z } from "zod";
import { CallToolRequestParamsSchema, CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createIdentityPoolTool, processControls, type ProcessControls } from "./tools/create-identity-pool.js";
import type { ServerConfig } from "./config.js";
import { serverName, serverVersion } from "./versions.js";

/**
 * tools/call with its params checked in the handler, so malformed params get JSON-RPC's
 * "invalid params" (-32602), not the internal error the SDK answers when its own parse fails.
 */
const callToolRequest = CallToolRequestSchema.extend({ params: z.unknown() });

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
  server.setRequestHandler(callToolRequest, async (request): Promise<CallToolResult> => {
    const params = CallToolRequestParamsSchema.safeParse(request.params);
    if (!params.success) throw new McpError(ErrorCode.InvalidParams, `Invalid tools/call params: ${z.prettifyError(params.error)}`);
    // The arguments as sent, not zod's copy: copying drops a key named "__proto__" (it becomes the
    // prototype), which would hide an unknown argument from validation.
    const { name } = params.data;
    const args = (request.params as { arguments?: unknown }).arguments;
    if (name !== tool.definition.name)
      return { isError: true, content: [{ type: "text", text: `Unknown tool ${JSON.stringify(name)}; this server has ${tool.definition.name}.` }] };
    try {
      const canElicit = Boolean(server.getClientCapabilities()?.elicitation);
      return await tool.call(args, { log, askUser: canElicit ? askUser : undefined });
    } catch (error) {
      // A bug must not end the process or leak a stack trace to the client; the operator sees it on stderr.
      console.error(`[${serverName}] unexpected error in ${tool.definition.name}:`, error);
      return { isError: true, content: [{ type: "text", text: `Internal error in ${tool.definition.name}: ${(error as Error)?.message ?? String(error)}. Nothing is known to have been created; check before retrying.` }] };
    }
  });
  return server;
}
