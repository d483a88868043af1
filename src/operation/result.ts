/**
 * Typed outcome → MCP result. Pure: decides what the assistant reads (text rendered as the
 * AWS CLI renders it) and what programs read (structuredContent, always the full pool).
 */
import { z } from "zod";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { identityPoolTypesShape } from "./schema.js";
import { operationName, type IdentityPool } from "./model.js";
import { formatProblem, type Problem } from "./problems.js";
import { RenderError, renderOutput } from "./render.js";
import { applyQuery, QueryError } from "./query.js";
import type { PreparedCall } from "./prepare.js";
import type { AwsFailure, Target } from "../aws/cognito.js";

const title = operationName;

const targetShape = z.object({
  region: z.string().optional().describe("The AWS region the request went, or would go, to."),
  endpoint: z.string().optional().describe("The endpoint URL."),
  profile: z.string().optional().describe("The AWS profile used."),
  credentials: z.string().optional().describe("What kind of credentials were used (never the keys)."),
  sandbox: z.boolean().optional().describe("True when the call went to the server's local sandbox emulator, not to AWS."),
});

/**
 * Every success shares this shape: the pool's members under their AWS names (a created pool is
 * exactly what DescribeIdentityPool returns), plus `dryRun` when nothing was created.
 * Members are typed but not constrained, because the input skeleton holds placeholders such as "".
 */
export const outputSchema = z.object({
  ...identityPoolTypesShape,
  dryRun: z
    .object({
      created: z.literal(false),
      mode: z.enum(["input", "output"]),
      message: z.string(),
      request: z.record(z.string(), z.unknown()).optional().describe("The exact request body that would be sent (output mode)."),
      target: targetShape.optional(),
    })
    .optional()
    .describe("Present only on dry runs (generateCliSkeleton): nothing was created."),
  existing: z
    .object({ created: z.literal(false), message: z.string(), sameName: z.number().int().describe("How many pools in the region have this name.") })
    .optional()
    .describe("Present only when ifNameExists \"return-existing\" found a pool with this name: it was returned, not created now."),
  versions: z.record(z.string(), z.string()).optional().describe("Present only when the version option was given: component versions; nothing was created."),
});


function text(value: string) {
  return { type: "text" as const, text: value };
}

function describeTarget(target: Target): string {
  const parts = [
    target.sandbox && "SANDBOX: the server's local emulator, not AWS",
    target.region && `region ${target.region}`,
    target.endpoint && `endpoint ${target.endpoint}`,
    target.profile && `profile ${target.profile}`,
    target.credentials && !target.sandbox && `credentials from ${target.credentials}`,
  ].filter(Boolean);
  return parts.join(", ");
}

/**
 * The text the CLI would print: the query applied, then rendered in the chosen output format.
 * Where the CLI would fail after the call (a query type error, a value its formatter cannot
 * draw), say so here without hiding that the call itself succeeded.
 */
function rendered(call: PreparedCall, value: unknown): string {
  try {
    const shown = call.query ? applyQuery(call.query, value) : value;
    return renderOutput(shown, call.options.output ?? "json", title, { color: call.options.color === "on" });
  } catch (error) {
    if (!(error instanceof QueryError || error instanceof RenderError)) throw error;
    const printed = error instanceof RenderError ? error.partialOutput : "";
    return `${printed}The AWS CLI would fail here, after the call: ${error.message}. The result itself is complete in structuredContent.`;
  }
}

export function createdResult(call: PreparedCall, pool: IdentityPool, target: Target, requestId?: string): CallToolResult {
  return {
    content: [text(rendered(call, pool)), text(`Created identity pool ${pool.IdentityPoolId} (${describeTarget(target)}${requestId ? `, request id ${requestId}` : ""}).`)],
    structuredContent: pool as unknown as Record<string, unknown>,
    _meta: { target },
  };
}

export function existingPoolResult(call: PreparedCall, pool: IdentityPool, target: Target, sameName: number): CallToolResult {
  const message = `Not created now: an identity pool named "${pool.IdentityPoolName}" already exists (${pool.IdentityPoolId}${sameName > 1 ? `, and ${sameName - 1} more with the same name` : ""}; ${describeTarget(target)}). It was returned as ifNameExists "return-existing" asks.`;
  return {
    content: [text(rendered(call, pool)), text(message)],
    structuredContent: { ...pool, existing: { created: false, message, sameName } },
    _meta: { target },
  };
}

/** A create the operator's controls stopped, or the user declined: nothing was created. */
export function refusedResult(message: string, target?: Target): CallToolResult {
  return { isError: true, content: [text(target ? `${message}\nTarget: ${describeTarget(target)}` : message)], ...(target ? { _meta: { target } } : {}) };
}

export function inputSkeletonResult(skeleton: Record<string, unknown>): CallToolResult {
  const message = "Dry run (generateCliSkeleton: input): nothing was created and nothing was sent. Fill in the skeleton and pass it as cliInputJson.";
  return {
    content: [text(renderOutput(skeleton, "json", title)), text(message)],
    structuredContent: { ...skeleton, dryRun: { created: false, mode: "input", message } },
  };
}

export function outputSampleResult(call: PreparedCall, sample: IdentityPool, target: Target): CallToolResult {
  const message = `Dry run (generateCliSkeleton: output): nothing was created and nothing was sent. This sample is what the service would return; the request would go to ${describeTarget(target)}.`;
  return {
    content: [text(rendered(call, sample)), text(message)],
    structuredContent: { ...sample, dryRun: { created: false, mode: "output", message, request: { ...call.request }, target } },
  };
}

export function problemsResult(problems: Problem[]): CallToolResult {
  const header = `Invalid input: ${problems.length} problem${problems.length === 1 ? "" : "s"}. Nothing was sent to AWS.`;
  return { isError: true, content: [text([header, ...problems.map((p) => `- ${formatProblem(p)}`)].join("\n"))], _meta: { problems } };
}

export function failureResult(failure: AwsFailure, target: Target): CallToolResult {
  const lines = [
    `${title} failed: ${failure.name}: ${failure.message}`,
    failure.httpStatus !== undefined ? `HTTP status: ${failure.httpStatus}` : undefined,
    failure.requestId ? `Request id: ${failure.requestId}` : undefined,
    failure.attempts !== undefined ? `Attempts: ${failure.attempts}` : undefined,
    describeTarget(target) ? `Target: ${describeTarget(target)}` : undefined,
    failure.hint,
  ].filter(Boolean);
  return { isError: true, content: [text(lines.join("\n"))], _meta: { error: failure, target } };
}
