/**
 * The `create_identity_pool` tool: MCP arguments → validated request → AWS call → typed
 * result → rendered content. The logic lives in src/operation (pure) and src/aws (the call);
 * this module only wires them together.
 */
import { z } from "zod";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { toolInputSchema } from "../operation/arguments.js";
import { prepareCall } from "../operation/prepare.js";
import { inputSkeleton, outputSample } from "../operation/skeleton.js";
import { createdResult, failureResult, inputSkeletonResult, outputSampleResult, outputSchema, problemsResult } from "../operation/result.js";
import { createFileReader } from "../cli/parse-command-line.js";
import { createIdentityPool, resolveTarget } from "../aws/cognito.js";
import { resolveConnection } from "../connection.js";
import { redactSecrets } from "../aws/redact.js";
import type { ServerConfig } from "../config.js";
import { versions } from "../versions.js";

export const toolName = "create_identity_pool";

const description = `Creates an Amazon Cognito identity pool, exactly as \`aws cognito-identity create-identity-pool\` (AWS CLI v1) does, and returns the created pool (IdentityPoolId, name and settings) as structured output.

Required: IdentityPoolName and AllowUnauthenticatedIdentities, given as arguments or inside cliInputJson. Every other parameter is optional. Every service constraint (lengths, patterns, at most 10 login providers, at most 50 tags, no "aws:" tag keys) is checked before anything is sent; all problems are reported at once.

Calling it needs AWS developer credentials (environment, shared config/credentials files, SSO, container or instance role) and a region. DeveloperProviderName can never be changed once the pool is created: choose it with care.

A call creates a new pool every time, even with a name that already exists. Use generateCliSkeleton "output" for a dry run that validates the inputs and shows exactly what would be sent, without credentials or network; "input" returns the cliInputJson skeleton. Alternatively pass a whole AWS CLI command line as cliArgs. query and output (json, text, table) shape the text content as the CLI would; structuredContent is always the full pool.`;

function jsonSchemaOf(schema: z.ZodType): Tool["inputSchema"] {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  return rest as Tool["inputSchema"];
}

export const toolDefinition: Tool = {
  name: toolName,
  title: "Create Cognito identity pool",
  description,
  inputSchema: jsonSchemaOf(toolInputSchema),
  outputSchema: jsonSchemaOf(outputSchema) as Tool["outputSchema"],
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
};

export interface CallContext {
  /** Sends an MCP log notification to the client (respecting its logging/setLevel). */
  log?: (level: "debug" | "info" | "warning" | "error", data: unknown) => void;
}

/** Debug output goes to the operator (stderr) and to the client, with every known secret masked. */
function debugLog(context: CallContext) {
  const secrets = [process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN, process.env.AWS_ACCESS_KEY_ID];
  return (message: string, data: Record<string, unknown>) => {
    const line = redactSecrets(JSON.stringify({ message, ...data }), secrets);
    console.error(`[debug] ${line}`);
    context.log?.("debug", JSON.parse(line));
  };
}

export function createIdentityPoolTool(config: ServerConfig) {
  const readFile = createFileReader(config.allowFilesFrom);

  async function call(args: unknown, context: CallContext = {}): Promise<CallToolResult> {
    const prepared = prepareCall(args, readFile);
    if (!prepared.ok) return problemsResult(prepared.problems);
    const { call } = prepared;
    if (call.mode === "version") return versionResult();
    if (call.mode === "skeleton-input") return inputSkeletonResult(call, inputSkeleton(call.request));

    const resolved = resolveConnection(config, call.options, readFile);
    if (!resolved.ok) return problemsResult(resolved.problems);
    const { connection } = resolved;

    if (call.mode === "skeleton-output") {
      const target = await resolveTarget(connection);
      if (!target.ok) return failureResult(target.failure, target.target);
      return outputSampleResult(call, outputSample(call.request, target.target.region!), target.target);
    }
    const debug = call.options.debug ? debugLog(context) : undefined;
    const outcome = await createIdentityPool(call.request, connection, debug);
    if (!outcome.ok) return failureResult(outcome.failure, outcome.target);
    return createdResult(call, outcome.value, outcome.target, outcome.requestId);
  }

  return { definition: toolDefinition, call };
}

function versionResult(): CallToolResult {
  const all = versions();
  return {
    content: [{ type: "text", text: Object.entries(all).map(([name, version]) => `${name} ${version}`).join("\n") }],
    structuredContent: { versions: all },
  };
}
