/** createServer(): the MCP server with its one tool, independent of the transport. */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { z } from "zod";
import { CallToolRequestParamsSchema, CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { listTools, processControls, toolName, type CallContext, type ProcessControls } from "./tools/create-identity-pool.js";
import type { ServerConfig } from "./config.js";
import type { jsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";
import { serverName, serverVersion } from "./versions.js";
import { redactSecrets } from "./aws/redact.js";

/**
 * tools/call with its params checked in the handler, so malformed params get JSON-RPC's
 * "invalid params" (-32602), not the internal error the SDK answers when its own parse fails.
 */
const callToolRequest = CallToolRequestSchema.extend({ params: z.unknown() });

/**
 * The validator the SDK checks elicitation answers with: its own Ajv one, but created on the
 * first elicitation instead of with every Server (Ajv and its formats cost start-up time, and
 * most sessions never elicit). `load()` must have settled before `getValidator` is used.
 */
function lazyAjvValidator(): jsonSchemaValidator & { load(): Promise<void> } {
  let loaded: jsonSchemaValidator | undefined;
  return {
    async load() {
      if (loaded) return;
      const { AjvJsonSchemaValidator } = await import("@modelcontextprotocol/sdk/validation/ajv");
      loaded ??= new AjvJsonSchemaValidator();
    },
    getValidator(schema) {
      if (!loaded) throw new Error("the JSON Schema validator is not loaded yet");
      return loaded.getValidator(schema);
    },
  };
}

/** One Server per session; pass the same `controls` to every session of a process (HTTP). */
export function createServer(config: ServerConfig = {}, controls: ProcessControls = processControls(config)): Server {
  // What a call does (zod schemas, validation, rendering, the AWS adapter) is loaded once the
  // client has listed the tools, while the model decides what to call, or by the first call.
  let loadedCall: Promise<(args: unknown, context: CallContext) => Promise<CallToolResult>> | undefined;
  const callModule = () => import("./tools/create-identity-pool-call.js");
  const loadCall = () => (loadedCall ??= callModule().then((call) => call.createIdentityPoolCall(config, controls)));
  let callsStarted = 0;
  const callTool = async (args: unknown, context: CallContext) => (callsStarted++, (await loadCall())(args, context));
  /**
   * Loads the call code and the AWS SDK, then runs them once without sending anything: an SDK
   * send answered in memory (preloadAwsSdk) and a dry run of the tool. A first call otherwise
   * pays for V8 compiling every function it reaches and for building the AWS client. No
   * credentials are resolved. Once a call has started, it warms the same code itself.
   */
  const warmUp = async () => {
    const [call, module] = await Promise.all([loadCall(), callModule()]);
    if (callsStarted === 0) await module.preloadAwsSdk().catch(() => {});
    if (callsStarted === 0) await call({ IdentityPoolName: "warm-up", AllowUnauthenticatedIdentities: false, generateCliSkeleton: "output" }, {});
  };
  const validator = lazyAjvValidator();
  const server = new Server({ name: serverName, version: serverVersion }, { capabilities: { tools: {}, logging: {} }, jsonSchemaValidator: validator });

  server.setRequestHandler(ListToolsRequestSchema, () => {
    // After the answer is on its way; a failure to load is reported by the call that needs it.
    setImmediate(() => void warmUp().catch(() => {}));
    return listTools(config);
  });
  const log = (level: "debug" | "info" | "warning" | "error", data: unknown) =>
    void server.sendLoggingMessage({ level, logger: serverName, data }).catch(() => {});
  const askUser = async (message: string) => {
    await validator.load();
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
    if (name !== toolName)
      return { isError: true, content: [{ type: "text", text: `Unknown tool ${JSON.stringify(name)}; this server has ${toolName}.` }] };
    try {
      const canElicit = Boolean(server.getClientCapabilities()?.elicitation);
      return await callTool(args, { log, askUser: canElicit ? askUser : undefined });
    } catch (error) {
      // A bug must not end the process or leak a stack trace to the client; the operator sees it on stderr.
      console.error(redactSecrets(`[${serverName}] unexpected error in ${toolName}: ${(error as Error)?.stack ?? String(error)}`));
      return { isError: true, content: [{ type: "text", text: `Internal error in ${toolName}: ${redactSecrets((error as Error)?.message ?? String(error))}. Whether a pool was created is unknown: check with ifNameExists "return-existing" before creating again.` }] };
    }
  });
  return server;
}
