/**
 * The `create_identity_pool` tool's definition (tools/list) and what its calls share. Start-up
 * loads only this module; what a call does (./create-identity-pool-call.ts: the zod schemas,
 * validation, rendering, the AWS adapter) is imported on the first call (src/server.ts), and the
 * tool's JSON Schemas are computed at build time (scripts/build.mjs), so an MCP client's
 * handshake and tools/list cost little more than starting Node.
 */
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { CreateRateLimiter } from "../safety.js";
import type { ServerConfig } from "../config.js";

export const toolName = "create_identity_pool";

function describeTool(config: ServerConfig): string {
  const controls = [
    config.readOnly && "This server is READ-ONLY: creates are refused; dry runs (generateCliSkeleton) work.",
    config.consent && "Every create asks the user to approve it first (MCP elicitation).",
    config.ifNameExists && config.ifNameExists !== "create" && `When ifNameExists is not given, it is "${config.ifNameExists}".`,
    config.maxCreatesPerMinute && `At most ${config.maxCreatesPerMinute} creates per minute.`,
  ].filter(Boolean);
  return `Creates an Amazon Cognito identity pool, exactly as \`aws cognito-identity create-identity-pool\` (AWS CLI v1) does, and returns the created pool (IdentityPoolId, name and settings) as structured output.

Required: IdentityPoolName and AllowUnauthenticatedIdentities, given as arguments or inside cliInputJson. Every other parameter is optional. Every service constraint (lengths, patterns, at most 10 login providers, at most 50 tags, no "aws:" tag keys) is checked before anything is sent, and all problems are reported at once.

Needs AWS developer credentials (environment, shared config/credentials files, SSO, container or instance role) and a region. DeveloperProviderName can never be changed once the pool is created: choose it with care.

A create is not idempotent: the same name twice makes two pools. Pass ifNameExists "return-existing" (or "error") to check the region's pools first, especially when retrying after a timeout. generateCliSkeleton "output" is a dry run that validates the inputs and shows the exact request, region and endpoint, with no credentials or network; "input" returns the cliInputJson skeleton. A whole AWS CLI command line can be passed as cliArgs. query and output (json, text, table) shape the text content as the CLI would; structuredContent is always the full pool.

The server's operator may restrict regions, profiles, endpoints and TLS options, make the server read-only, require the user's consent per create, and rate-limit creates; tool arguments cannot change that.${controls.length ? `\n\nActive now: ${controls.join(" ")}` : ""}`;
}

export interface ToolJsonSchemas {
  input: Tool["inputSchema"];
  output: Tool["outputSchema"];
}

/**
 * In the bundle, scripts/build.mjs replaces this with the JSON text of toolJsonSchemas()
 * (./create-identity-pool-call.ts), computed at build time; undefined when running the sources.
 */
declare const __TOOL_JSON_SCHEMAS__: string | undefined;

// Computed once: converting the schemas is the costliest part of answering tools/list.
let jsonSchemas: Promise<ToolJsonSchemas> | undefined;
function toolJsonSchemas(): Promise<ToolJsonSchemas> {
  jsonSchemas ??=
    typeof __TOOL_JSON_SCHEMAS__ === "string"
      ? Promise.resolve(JSON.parse(__TOOL_JSON_SCHEMAS__) as ToolJsonSchemas)
      : import("./create-identity-pool-call.js").then((call) => call.toolJsonSchemas());
  return jsonSchemas;
}

export async function toolDefinition(config: ServerConfig = {}): Promise<Tool> {
  const { input, output } = await toolJsonSchemas();
  return {
    name: toolName,
    title: "Create Cognito identity pool",
    description: describeTool(config),
    inputSchema: input,
    outputSchema: output,
    annotations: { readOnlyHint: Boolean(config.readOnly), destructiveHint: false, idempotentHint: false, openWorldHint: true },
  };
}

/** The tools/list result. */
export async function listTools(config: ServerConfig): Promise<{ tools: Tool[] }> {
  return { tools: [await toolDefinition(config)] };
}

/** What the transport knows about the calling session. */
export interface CallContext {
  /** Sends an MCP log notification to the client (respecting its logging/setLevel). */
  log?: (level: "debug" | "info" | "warning" | "error", data: unknown) => void;
  /** Asks the user through MCP elicitation; absent when the client cannot be asked. */
  askUser?: (message: string) => Promise<"accept" | "decline" | "cancel">;
}

/** What every session of one server process shares: the rate limit is per process, not per session. */
export interface ProcessControls {
  limiter?: CreateRateLimiter;
}

export function processControls(config: ServerConfig): ProcessControls {
  return { limiter: config.maxCreatesPerMinute ? new CreateRateLimiter(config.maxCreatesPerMinute) : undefined };
}
