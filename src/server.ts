/** createServer(): the MCP server with the tools the operator enabled, independent of the transport. */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { z } from "zod";
import {
  CallToolRequestParamsSchema,
  CallToolRequestSchema,
  CallToolResultSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
} from "@modelcontextprotocol/sdk/types.js";
import { listTools } from "./tools/definitions.js";
import type { CallContext } from "./tools/contract.js";
import { enabledTools, processControls, type ProcessControls } from "./policy.js";
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

/** Whether a session of this process has started the warm-up (see createServer). */
let warmedUp = false;

/** One Server per session; pass the same `controls` to every session of a process (HTTP). */
export function createServer(config: ServerConfig = {}, controls: ProcessControls = processControls(config)): Server {
  const enabled = enabledTools(config);
  // What a call does (zod schemas, validation, rendering, the AWS adapter) is loaded once the
  // client has listed the tools, while the model decides what to call, or by the first call.
  const callModule = () => import("./call/run.js");
  const calls = new Map<string, Promise<(args: unknown, context: CallContext) => Promise<CallToolResult>>>();
  const loadCall = (name: string) => {
    let call = calls.get(name);
    if (!call)
      calls.set(
        name,
        (call = callModule().then((run) =>
          run.toolCall(
            enabled.find((t) => t.name === name)!,
            config,
            controls,
          ),
        )),
      );
    return call;
  };
  let callsStarted = 0;
  const callTool = async (name: string, args: unknown, context: CallContext) => (callsStarted++, (await loadCall(name))(args, context));
  /**
   * Loads the call code with the AWS SDK, then runs them once without sending anything: an SDK
   * send to an endpoint the process opens on loopback (rehearseAwsSend), and a dry run of the first
   * tool, which builds the client a default call uses, its request and result checked as a
   * tools/call's are. A first call otherwise pays for V8 compiling every function it reaches, and
   * for zod compiling each schema. No credentials are resolved. Once a call has started, it warms
   * the same code itself. Runs once per process, whichever session lists the tools first (the code
   * it warms is the process's); resolves with whether it ran to the end.
   */
  const warmUp = async (): Promise<boolean> => {
    if (warmedUp) return false;
    warmedUp = true;
    const [first] = enabled;
    if (!first) return false;
    const run = await callModule();
    const call = await loadCall(first.name);
    // A rehearsal that fails (no loopback listener allowed, say) leaves the rest to run, then is reported.
    const rehearsalFailure =
      callsStarted === 0
        ? await run.rehearseAwsSend().then(
            () => undefined,
            (error: unknown) => error,
          )
        : undefined;
    if (callsStarted > 0) return false;
    const args = { ...run.sampleArguments(first), generateCliSkeleton: "output" };
    const request = { method: "tools/call", params: { name: first.name, arguments: args } };
    // Every tools/call request and result is checked with these schemas (ours and the SDK's); zod compiles each on its first use.
    for (const schema of [callToolRequest, CallToolRequestSchema]) schema.safeParse(request);
    CallToolRequestParamsSchema.safeParse(request.params);
    CallToolResultSchema.safeParse(await call(args, {}));
    if (rehearsalFailure) throw rehearsalFailure;
    return true;
  };
  const validator = lazyAjvValidator();
  const server = new Server(
    { name: serverName, version: serverVersion },
    { capabilities: { tools: {}, logging: {} }, jsonSchemaValidator: validator },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => {
    // After the answer is on its way. The operator sees the outcome on stderr; a failure to load
    // is also reported by the call that needs it.
    setImmediate(() => {
      const started = performance.now();
      warmUp().then(
        (ran) => {
          const ms = (performance.now() - started).toFixed(0);
          if (ran) console.error(`[${serverName}] warm-up: call code and AWS SDK loaded and run once in ${ms} ms, nothing sent`);
        },
        (error: unknown) =>
          console.error(
            redactSecrets(`[${serverName}] warm-up failed (a call loads what it needs): ${(error as Error)?.message ?? String(error)}`),
          ),
      );
    });
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
    // A tool the operator did not enable does not exist for the client.
    if (!enabled.some((t) => t.name === name))
      return {
        isError: true,
        content: [
          { type: "text", text: `Unknown tool ${JSON.stringify(name)}; this server has ${enabled.map((t) => t.name).join(", ")}.` },
        ],
      };
    const canElicit = Boolean(server.getClientCapabilities()?.elicitation);
    return callTool(name, args, { log, askUser: canElicit ? askUser : undefined });
  });
  return server;
}
