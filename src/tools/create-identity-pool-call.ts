/**
 * What `create_identity_pool` does when called: MCP arguments → validated request → operator's
 * controls → AWS call → typed result → rendered content. The logic lives in src/operation (pure),
 * src/connection.ts, src/safety.ts and src/aws; this module only puts them in order.
 *
 * Loaded on the first call (see ./create-identity-pool.ts), not at start-up: its zod schemas and
 * the modules behind them cost more than the whole MCP handshake.
 */
import { z } from "zod";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { toolInputSchema } from "../operation/arguments.js";
import { prepareCall, type PreparedCall } from "../operation/prepare.js";
import { inputSkeleton, outputSample } from "../operation/skeleton.js";
import {
  createdResult,
  existingPoolResult,
  failureResult,
  inputSkeletonResult,
  outputSampleResult,
  outputSchema,
  problemsResult,
  refusedResult,
} from "../operation/result.js";
import { createFileReader } from "../cli/parse-command-line.js";
import { createIdentityPool, describeIdentityPool, findPoolsNamed, resolveTarget, type Connection, type Target, type Timeouts } from "../aws/cognito.js";

export { preloadAwsSdk } from "../aws/cognito.js";
import { redactJson } from "../aws/redact.js";
import { regionPolicyProblem, resolveConnection } from "../connection.js";
import { consentMessage, duplicatesProblem, rateLimitMessage, readOnlyMessage } from "../safety.js";
import type { ServerConfig } from "../config.js";
import { versions } from "../versions.js";
import type { CallContext, ProcessControls, ToolJsonSchemas } from "./create-identity-pool.js";

function jsonSchemaOf(schema: z.ZodType): Tool["inputSchema"] {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  return rest as Tool["inputSchema"];
}

/**
 * The tool's input and output schemas as JSON Schema, converted from the zod schemas that
 * validate calls. scripts/build.mjs runs this at build time and puts the result in the bundle.
 */
export function toolJsonSchemas(): ToolJsonSchemas {
  return { input: jsonSchemaOf(toolInputSchema), output: jsonSchemaOf(outputSchema) as Tool["outputSchema"] };
}

/** Debug output goes to the operator (stderr) and to the client, with every known secret masked. */
function debugLog(context: CallContext) {
  return (message: string, data: Record<string, unknown>) => {
    const entry = redactJson({ message, ...data });
    console.error(`[debug] ${JSON.stringify(entry)}`);
    context.log?.("debug", entry);
  };
}

/** The tool's call, for one server; `limiter` is shared by every session of the process. */
export function createIdentityPoolCall(config: ServerConfig, { limiter }: ProcessControls): (args: unknown, context?: CallContext) => Promise<CallToolResult> {
  const readFile = createFileReader(config.allowFilesFrom);

  /** Duplicate handling: a result when the name's existing pool settles the call, undefined to go on creating. */
  async function settleByName(call: PreparedCall, connection: Connection, target: Target, timeouts: Timeouts): Promise<CallToolResult | undefined> {
    const mode = call.ifNameExists ?? config.ifNameExists ?? "create";
    if (mode === "create") return undefined;
    const found = await findPoolsNamed(call.request.IdentityPoolName, connection, target, timeouts);
    if (!found.ok) return failureResult(found.failure, found.target);
    const [first] = found.value;
    if (first === undefined) return undefined;
    if (mode === "error")
      return refusedResult(
        `Not created: an identity pool named "${call.request.IdentityPoolName}" already exists (${found.value.join(", ")}), and ifNameExists is "error". Use ifNameExists "return-existing" to get it, or choose another name.`,
        found.target,
      );
    const existing = await describeIdentityPool(first, connection, target, timeouts);
    if (!existing.ok) return failureResult(existing.failure, existing.target);
    return existingPoolResult(call, existing.value, existing.target, found.value.length);
  }

  /** The user's consent, when the operator requires it: undefined to go on, a result to stop. */
  async function consent(call: PreparedCall, target: Target, context: CallContext): Promise<CallToolResult | undefined> {
    if (!config.consent) return undefined;
    if (!context.askUser) {
      if (config.allowCreateWithoutConsent) return undefined;
      return refusedResult(
        "Not created: this server asks the user to approve every create (its operator's --consent), and this MCP client does not support elicitation, so the user cannot be asked. Use a client with elicitation, or the operator can add --allow-create-without-consent.",
        target,
      );
    }
    const answer = await context.askUser(consentMessage(call.request, target));
    if (answer === "accept") return undefined;
    return refusedResult(`Not created: the user ${answer === "decline" ? "declined" : "cancelled"} the request to create "${call.request.IdentityPoolName}".`, target);
  }

  async function callTool(args: unknown, context: CallContext = {}): Promise<CallToolResult> {
    // Whatever an endpoint answered (errors, tags) is shown, but never a credential it echoed.
    return redactJson(await unredactedCall(args, context));
  }

  async function unredactedCall(args: unknown, context: CallContext): Promise<CallToolResult> {
    const prepared = prepareCall(args, readFile);
    if (!prepared.ok) return problemsResult(prepared.problems);
    const { call } = prepared;
    if (call.mode === "version") return versionResult();
    if (call.mode === "skeleton-input") return inputSkeletonResult(inputSkeleton(call.request));

    if (call.mode === "create" && config.readOnly) return refusedResult(readOnlyMessage());
    const duplicatesPolicy = duplicatesProblem(call.ifNameExists, config.ifNameExists);
    if (duplicatesPolicy) return problemsResult([duplicatesPolicy]);

    const resolved = resolveConnection(config, call.options, readFile);
    if (!resolved.ok) return problemsResult(resolved.problems);
    const { connection, timeouts } = resolved;

    const target = await resolveTarget(connection);
    if (!target.ok) return failureResult(target.failure, target.target);
    // The region may come from a profile's config, which the call's own check could not see.
    const regionRefused = regionPolicyProblem(config, target.value.region);
    if (regionRefused) return problemsResult([regionRefused]);
    if (call.mode === "skeleton-output") return outputSampleResult(call, outputSample(call.request, target.value.region!), target.value);

    const settled = await settleByName(call, connection, target.value, timeouts);
    if (settled) return settled;
    const limited = limiter?.refusal();
    if (limited) return refusedResult(rateLimitMessage(limiter!.perMinute, limited), target.value);
    const stopped = await consent(call, target.value, context);
    if (stopped) return stopped;
    // Re-checked: other calls may have used the minute's allowance while the user was deciding.
    const limitedNow = limiter?.refusal();
    if (limitedNow) return refusedResult(rateLimitMessage(limiter!.perMinute, limitedNow), target.value);
    limiter?.record();

    const outcome = await createIdentityPool(call.request, connection, target.value, timeouts, call.options.debug ? debugLog(context) : undefined);
    if (!outcome.ok) return failureResult(outcome.failure, outcome.target);
    return createdResult(call, outcome.value, outcome.target, outcome.requestId);
  }

  return callTool;
}

function versionResult(): CallToolResult {
  const all = versions();
  return {
    content: [{ type: "text", text: Object.entries(all).map(([name, version]) => `${name} ${version}`).join("\n") }],
    structuredContent: { versions: all },
  };
}
