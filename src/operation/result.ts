/**
 * Typed outcome → MCP result. Pure: decides what the assistant reads (text rendered as the
 * AWS CLI renders it) and what programs read (structuredContent: what the API answered).
 */
import { z } from "zod";
import type { CallToolResult } from "@modelcontextprotocol/server";
import { resultTypesShape } from "./schema.js";
import type { Operation } from "./model.js";
import { formatProblem, type Problem } from "./problems.js";
import { RenderError, renderOutput, type OutputFormat } from "./render.js";
import { applyQuery, QueryError, type CompiledQuery } from "./query.js";
import type { Failure, Target } from "./types.js";
import { holdsSecrets, withheldSchema, withheldText, type Withheld } from "./secrets.js";

const targetShape = z.object({
  region: z.string().optional(),
  endpoint: z.string().optional(),
  profile: z.string().optional(),
  credentials: z.string().optional(),
  sandbox: z.boolean().optional(),
});

const dryRun = z
  .object({
    mode: z.enum(["input", "output", "read", "plan"]),
    message: z.string(),
    request: z.record(z.string(), z.unknown()).optional(),
    target: targetShape.optional(),
  })
  .optional()
  .describe("Only on dry runs and plans: nothing was changed.");

/**
 * Every success of a tool shares this shape: the operation's answer under its AWS names, typed but
 * not constrained (the input skeleton holds placeholders such as ""), plus what the tool's effect
 * adds (`extras`, from src/effects/).
 */
export function outputSchema(operation: Operation, extras: Record<string, z.ZodType>) {
  return z.object({
    ...resultTypesShape(operation),
    ...extras,
    ...(operation.outputShapeName && holdsSecrets(operation.outputShapeName) && { withheld: withheldSchema }),
    dryRun,
    versions: z.record(z.string(), z.string()).optional(),
  });
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

function text(value: string) {
  return { type: "text" as const, text: value };
}

export function describeTarget(target: Target): string {
  const parts = [
    target.sandbox && "SANDBOX: the server's local emulator, not AWS",
    target.region && `region ${target.region}`,
    target.endpoint && `endpoint ${target.endpoint}`,
    target.profile && `profile ${target.profile}`,
    target.credentials &&
      !target.sandbox &&
      (target.credentials.startsWith("none") ? `credentials ${target.credentials}` : `credentials from ${target.credentials}`),
  ].filter(Boolean);
  return parts.join(", ");
}

/** How the CLI would print the answer: the call's query and output options. */
export interface Rendering {
  operation: Operation;
  query?: CompiledQuery;
  output?: OutputFormat;
  color?: "on" | "off" | "auto";
}

/**
 * The text the CLI would print: the query applied, then rendered in the chosen output format.
 * Where the CLI would fail after the call (a query type error, a value its formatter cannot
 * draw), say so here without hiding that the call itself succeeded.
 */
function rendered(rendering: Rendering, value: Record<string, unknown>, pages?: Record<string, unknown>[]): string {
  const format = rendering.output ?? "json";
  const render = (answer: unknown) => {
    const shown = rendering.query ? applyQuery(rendering.query, answer) : answer;
    // The CLI prints nothing for an empty answer (an operation that answers nothing, or {}).
    return isEmptyObject(shown) || (format === "table" && shown === null)
      ? ""
      : renderOutput(shown, format, rendering.operation.name, { color: rendering.color === "on" });
  };
  try {
    if (format === "off") return "";
    if (format === "yaml-stream" && pages) return pages.map(render).join("");
    // The CLI's text output of a paged answer is page by page, then the resume token on its own.
    if (format === "text" && pages) {
      const token = rendering.operation.paginator && value[rendering.operation.paginator.output_token];
      return [...pages.map(render), ...(token === undefined ? [] : [render({ NextToken: { NextToken: token } })])].join("");
    }
    return render(value);
  } catch (error) {
    if (!(error instanceof QueryError || error instanceof RenderError)) throw error;
    const printed = error instanceof RenderError ? error.partialOutput : "";
    return `${printed}The AWS CLI would fail here, after the call: ${error.message}. The result itself is complete in structuredContent.`;
  }
}

/**
 * A call that went through: the CLI's text, then what happened and where, then what was withheld;
 * structuredContent the answer and `extra` (with `withheld`, when secrets were).
 */
export function successResult(
  rendering: Rendering,
  answer: Record<string, unknown>,
  summary: string,
  target: Target,
  { extra = {}, pages, withheld }: { extra?: Record<string, unknown>; pages?: Record<string, unknown>[]; withheld?: Withheld } = {},
): CallToolResult {
  return {
    content: [
      text(rendered(rendering, answer, pages)),
      text(`${summary} (${describeTarget(target)}).`),
      ...(withheld ? [text(withheldText(withheld))] : []),
    ],
    structuredContent: { ...answer, ...extra, ...(withheld && { withheld }) },
    _meta: { target },
  };
}

/** A write the operator's controls stopped, or the user declined: nothing was changed. */
export function refusedResult(message: string, target?: Target): CallToolResult {
  return {
    isError: true,
    content: [text(target ? `${message}\nTarget: ${describeTarget(target)}` : message)],
    ...(target ? { _meta: { target } } : {}),
  };
}

/** `yaml`: v2's yaml-input skeleton text, shown instead of the JSON one. */
export function inputSkeletonResult(skeleton: Record<string, unknown>, yaml?: string): CallToolResult {
  const message =
    yaml === undefined
      ? "Dry run (generateCliSkeleton: input): nothing was sent. Fill in the skeleton and pass it as cliInputJson."
      : "Dry run (generateCliSkeleton: yaml-input): nothing was sent. Fill in the skeleton and pass it as cliInputYaml.";
  return {
    content: [text(yaml ?? renderOutput(skeleton, "json", "")), text(message)],
    structuredContent: { ...skeleton, dryRun: { mode: "input", message } },
  };
}

export function outputSampleResult(
  rendering: Rendering,
  request: Record<string, unknown>,
  sample: Record<string, unknown>,
  target: Target,
): CallToolResult {
  const message = `Dry run (generateCliSkeleton: output): nothing was sent. ${rendering.operation.outputShapeName ? "The sample is what the service would answer; the" : "The"} request would go to ${describeTarget(target)}.`;
  return {
    content: [text(rendered(rendering, sample)), text(message)],
    structuredContent: { ...sample, dryRun: { mode: "output", message, request: { ...request }, target } },
  };
}

/** A write's dry run, from the pool as it is: `what` says what the write would do; nothing was changed. */
export function readDryRunResult(
  operation: Operation,
  what: string,
  lines: string[],
  extra: Record<string, unknown>,
  target: Target,
): CallToolResult {
  const message = `Dry run: ${operation.name} was not sent, nothing was changed. ${what}`;
  return {
    content: [text([message, ...lines.map((l) => `- ${l}`)].join("\n")), text(`Read from ${describeTarget(target)}.`)],
    structuredContent: { ...extra, dryRun: { mode: "read", message, target } },
    _meta: { target },
  };
}

/** What a plan needs to say: what the write would do, its lines, its extras, and the code that does it. */
export interface Plan {
  what: string;
  lines: string[];
  extra: Record<string, unknown>;
  request: Record<string, unknown>;
}

/**
 * A write's plan (--confirm-writes): what it would do and where, and the confirm code that does
 * it; nothing was done yet. `notice` comes first, when the plan replaces one that no longer holds.
 */
export function planResult(
  tool: string,
  operation: Operation,
  plan: Plan,
  code: { confirm: string; ttlSeconds: number },
  target: Target,
  notice?: string,
): CallToolResult {
  const message = `Plan: ${operation.name} was not sent, nothing was done yet. ${plan.what}`;
  const next = `To do it, call ${tool} again with the same arguments and confirm: ${JSON.stringify(code.confirm)} (valid for ${code.ttlSeconds} s, once).`;
  return {
    content: [
      text([...(notice ? [notice] : []), message, ...plan.lines.map((l) => `- ${l}`)].join("\n")),
      text(`Target: ${describeTarget(target)}.\n${next}`),
    ],
    structuredContent: { ...plan.extra, confirm: code.confirm, dryRun: { mode: "plan", message, request: { ...plan.request }, target } },
    _meta: { target },
  };
}

export function problemsResult(problems: Problem[]): CallToolResult {
  const header = `Invalid input: ${problems.length} problem${problems.length === 1 ? "" : "s"}. Nothing was sent to AWS.`;
  return { isError: true, content: [text([header, ...problems.map((p) => `- ${formatProblem(p)}`)].join("\n"))], _meta: { problems } };
}

export function failureResult(operation: Operation, failure: Failure, target: Target): CallToolResult {
  const lines = [
    `${operation.name} failed: ${failure.name}: ${failure.message}`,
    failure.httpStatus !== undefined ? `HTTP status: ${failure.httpStatus}` : undefined,
    failure.requestId ? `Request id: ${failure.requestId}` : undefined,
    failure.attempts !== undefined ? `Attempts: ${failure.attempts}` : undefined,
    describeTarget(target) ? `Target: ${describeTarget(target)}` : undefined,
    failure.hint,
  ].filter(Boolean);
  return { isError: true, content: [text(lines.join("\n"))], _meta: { error: failure, target } };
}

export function versionResult(versions: Record<string, string>): CallToolResult {
  return {
    content: [
      text(
        Object.entries(versions)
          .map(([name, version]) => `${name} ${version}`)
          .join("\n"),
      ),
    ],
    structuredContent: { versions },
  };
}
