/**
 * What any tool's call does, in order: MCP arguments → validated request → the operator's
 * controls → AWS call → typed result → rendered content. The pieces live in src/operation (pure),
 * src/cli, src/policy, src/aws and src/effects (what the tool's effect means: what a write reads
 * first, its lock, its plan, question and summary); this module puts them in order.
 *
 * Loaded once the client has listed the tools (or by the first call), not at start-up.
 */
import type { CallToolResult } from "@modelcontextprotocol/server";
import { operationOf } from "../operation/model.js";
import { inputSkeleton, outputSample } from "../operation/skeleton.js";
import { yamlInputSkeleton } from "../operation/yaml-skeleton.js";
import { changesSince } from "../operation/changes.js";
import {
  failureResult,
  inputSkeletonResult,
  outputSampleResult,
  planResult,
  problemsResult,
  readDryRunResult,
  refusedResult,
  successResult,
  versionResult,
  type Rendering,
} from "../operation/result.js";
import { outcomeUnknown, type CallOutcome, type Failure } from "../operation/types.js";
import { createFileReader } from "../cli/parse-command-line.js";
import { callOperation, type Answer } from "../aws/calls.js";
import type { DebugLog } from "../aws/debug.js";
import { unknownOutcomeFailure } from "../effects/unfinished.js";
import { redactJson, redactSecrets } from "../aws/redact.js";
import { admit, approve, plansOnly, type ProcessControls } from "../policy/gate.js";
import { writeEffectOf } from "../effects/index.js";
import type { Write, WriteEffectModule } from "../effects/effect.js";
import { changeLine } from "../effects/words.js";
import type { ServerConfig } from "../config.js";
import { versions } from "../meta/versions.js";
import type { ToolContract } from "../tools/contract.js";
import type { CallContext, UserNeeded } from "./context.js";
import { callShape, prepareCall, type PreparedCall } from "./prepare.js";
import { writeLockKey } from "../policy/locks.js";
import { listPages, type PagedAnswer } from "./pages.js";
import { routeOf, type Route } from "./route.js";
import { bindWrite, type RoundState } from "../policy/rounds.js";

export { rehearseAwsSend } from "../aws/rehearsal.js";

/**
 * Debug output goes to the operator (stderr) and to the client, with every known secret masked:
 * as log notifications where the client takes them, else into `kept`, for the call's result.
 */
function debugLog(context: CallContext, kept: Record<string, unknown>[]) {
  return (message: string, data: Record<string, unknown>) => {
    const entry = redactJson({ message, ...data });
    console.error(`[debug] ${JSON.stringify(entry)}`);
    if (context.log) context.log("debug", entry);
    else kept.push(entry);
  };
}

/** A result with the debug entries the client took no notifications for, as one more text block. */
function withDebugEntries(result: CallToolResult, kept: Record<string, unknown>[]): CallToolResult {
  if (!kept.length) return result;
  const text = `Debug log (${kept.length} entr${kept.length === 1 ? "y" : "ies"}; this client asked for no log notifications):\n${kept.map((entry) => JSON.stringify(entry)).join("\n")}`;
  return { ...result, content: [...result.content, { type: "text", text }] };
}

function explained(effect: WriteEffectModule | undefined, failure: Failure): Failure {
  if (failure.name !== outcomeUnknown || !effect) return failure;
  return { ...failure, ...unknownOutcomeFailure(effect.kind, failure.message) };
}

/** A tool's calls, for one server; `controls` are shared by every session of the process. */
export function toolCall(
  contract: ToolContract,
  config: ServerConfig,
  controls: ProcessControls,
): (args: unknown, context?: CallContext) => Promise<CallToolResult | UserNeeded> {
  const shape = callShape(contract);
  const { operation } = shape;
  /** What the tool's effect means for its calls; undefined for reads. */
  const effect = writeEffectOf(contract.effect);
  /** A create's duplicate guard, from the call or else the operator. */
  const guardOf = (call: PreparedCall) => call.ifNameExists ?? config.ifNameExists ?? "create";
  const readFile = createFileReader(config.allowFilesFrom);

  const failure = (outcome: CallOutcome<unknown> & { ok: false }) =>
    failureResult(operation, explained(effect, outcome.error), outcome.target);

  /** A create's duplicate guard: a result when the name's existing pool settles the call, undefined to go on creating. */
  async function settleByName(call: PreparedCall, rendering: Rendering, route: Route): Promise<CallToolResult | undefined> {
    const mode = guardOf(call);
    if (mode === "create") return undefined;
    const name = call.request.IdentityPoolName as string;
    const list = operationOf("ListIdentityPools");
    const pages = await listPages(list, route, { MaxResults: 60 }, {});
    if (!pages.ok) return failureResult(list, pages.error, pages.target);
    const ids = (pages.value.value.IdentityPools as { IdentityPoolId: string; IdentityPoolName: string }[])
      .filter((p) => p.IdentityPoolName === name)
      .map((p) => p.IdentityPoolId);
    if (!ids.length) return undefined;
    if (mode === "error")
      return refusedResult(
        `Not created: an identity pool named "${name}" already exists (${ids.join(", ")}), and ifNameExists is "error". Use ifNameExists "return-existing" to get it, or choose another name.`,
        pages.target,
      );
    const describe = operationOf("DescribeIdentityPool");
    const existing = await callOperation(describe, { IdentityPoolId: ids[0] }, route.connection, route.target, {
      timeouts: route.timeouts,
    });
    if (!existing.ok) return failureResult(describe, existing.error, existing.target);
    const message = `Not created now: an identity pool named "${name}" already exists (${ids[0]}${ids.length > 1 ? `, and ${ids.length - 1} more with the same name` : ""}). It was returned as ifNameExists "return-existing" asks`;
    return successResult(rendering, existing.value.value, message, existing.target, {
      extra: { existing: { message, sameName: ids.length } },
    });
  }

  /** For writes that read the state they change first: the tool's read, and its request. */
  const readOf = (call: PreparedCall) =>
    contract.reads && { operation: operationOf(contract.reads.operation), request: contract.reads.request(call.request) };

  async function send(call: PreparedCall, route: Route, debug: DebugLog | undefined): Promise<CallOutcome<Answer>> {
    if (call.paging) return listPages(operation, route, call.request, call.paging, debug);
    const once = effect?.sendOnce ?? false;
    return callOperation(operation, call.request, route.connection, route.target, { timeouts: route.timeouts, debug, once });
  }

  async function run(args: unknown, context: CallContext, kept: Record<string, unknown>[]): Promise<CallToolResult | UserNeeded> {
    const prepared = await prepareCall(shape, args, readFile);
    if (!prepared.ok) return problemsResult(prepared.error);
    const call = prepared.value;
    if (call.mode === "version") return versionResult(versions());
    if (call.mode === "skeleton-input")
      return inputSkeletonResult(
        inputSkeleton(operation, call.request),
        call.options.generateCliSkeleton === "yaml-input" ? yamlInputSkeleton(operation) : undefined,
      );
    const rendering: Rendering = { operation, query: call.query, output: call.options.output, color: call.options.color };

    const refusal = call.mode === "skeleton-output" ? undefined : admit(contract, call, config);
    if (refusal) return "problems" in refusal ? problemsResult(refusal.problems) : refusedResult(refusal.message);

    const routed = await routeOf(operation, config, call.options, readFile);
    if (!routed.ok) return routed.result;
    const { route } = routed;
    if (call.mode === "skeleton-output")
      return outputSampleResult(rendering, call.request, outputSample(operation, call.request, route.target.region!), route.target);
    const debug = call.options.debug ? debugLog(context, kept) : undefined;

    if (!effect) {
      const outcome = await send(call, route, debug);
      if (!outcome.ok) return failure(outcome);
      const pages = "pages" in outcome.value ? (outcome.value as PagedAnswer).pages : undefined;
      return successResult(rendering, outcome.value.value, `${operation.name} answered${requestIdNote(outcome.value)}`, outcome.target, {
        pages,
        withheld: outcome.value.withheld,
      });
    }

    // A guarded create locks its name; a write that reads state first locks that state (a pool, its
    // roles, tags or principal tags); each where the call goes and as whom: a later call then sees
    // what an earlier one made or changed. Dry runs change nothing, and unguarded creates and
    // writes that read nothing first keep AWS's behaviour: neither waits for a lock. The user's consent is
    // asked in a round of its own, outside the lock; the round that carries the answer checks,
    // under the lock, that the state the write replaces is still the one the user approved.
    const lock = effect.lockSubject({
      request: call.request,
      read: readOf(call)?.request,
      dryRun: call.dryRun,
      guarded: guardOf(call) !== "create",
    });
    const key = lock && writeLockKey(lock.kind, route.connection, route.target, lock.subject);
    return key === undefined
      ? write(effect, call, rendering, route, context, debug)
      : controls.locks.run(key, () => write(effect, call, rendering, route, context, debug));
  }

  /** A write from its guard or pre-read to its result. */
  async function write(
    writeEffect: WriteEffectModule,
    call: PreparedCall,
    rendering: Rendering,
    route: Route,
    context: CallContext,
    debug: DebugLog | undefined,
  ): Promise<CallToolResult | UserNeeded> {
    let current: Record<string, unknown> = {};
    if (writeEffect.readsFirst === "same-name") {
      const settled = await settleByName(call, rendering, route);
      if (settled) return settled;
    } else if (writeEffect.readsFirst === "state") {
      const read = readOf(call)!;
      const outcome = await callOperation(read.operation, read.request, route.connection, route.target, { timeouts: route.timeouts });
      if (!outcome.ok) return failureResult(read.operation, outcome.error, outcome.target);
      current = outcome.value.value;
      const problems = contract.checkChange?.(current, call.request) ?? [];
      if (problems.length) return problemsResult(problems);
    }
    const planned: Write = { tool: contract, operation, request: call.request, current };
    const plan = writeEffect.plan(planned);
    if (call.dryRun) return readDryRunResult(operation, plan.what, plan.lines, plan.extra, route.target);

    const binding = bindWrite(contract.name, call.request, route.target, current);
    const planAnswer = async (notice?: string, extra: Record<string, unknown> = {}) =>
      planResult(
        contract.name,
        operation,
        { ...plan, request: call.request, extra: { ...plan.extra, ...extra } },
        // The code is signed, not encrypted: what it carries of the pool is masked as results are.
        { confirm: await controls.plans.seal({ ...binding, planned: redactJson(current) }), ttlSeconds: controls.plans.ttlSeconds },
        route.target,
        notice,
      );
    if (plansOnly(call, config)) return planAnswer();
    let code: RoundState | undefined;
    if (call.confirm !== undefined) {
      const opened = await controls.plans.open(call.confirm);
      if ("problem" in opened)
        return refusedResult(
          `Not done: this confirm code is not valid: ${opened.problem}. Nothing was sent; call ${contract.name} without confirm for a fresh plan.`,
          route.target,
        );
      code = opened.state;
      if (code.tool !== binding.tool || code.request !== binding.request)
        return refusedResult(
          `Not done: this confirm code is for another call (another tool, request or target). Nothing was sent; call ${contract.name} with the plan's exact arguments, or without confirm for a fresh plan.`,
          route.target,
        );
      if (code.state !== binding.state) {
        const since = changesSince(code.planned ?? {}, current);
        return planAnswer(
          [
            `Not done: the pool changed since the plan, so nothing was written. What changed:`,
            ...since.map((c) => `- ${changeLine(c)}`),
            "A fresh plan, from the pool as it is now:",
          ].join("\n"),
          { changedSincePlan: since },
        );
      }
    }

    const approval = approve(contract, plan.question, route.target, binding, config, controls, context);
    if (approval && "refused" in approval) return refusedResult(approval.refused, route.target);
    if (approval && "cannotAsk" in approval)
      return { cannotAsk: { message: approval.cannotAsk, refusal: refusedResult(approval.cannotAsk, route.target) } };
    if (approval) return { askUser: approval.ask };
    // Used once: checked last, so that a consent round in between does not spend it.
    if (code && !controls.plans.use(code))
      return refusedResult(
        `Not done: this confirm code was already used. Nothing was sent; call ${contract.name} without confirm for a fresh plan.`,
        route.target,
      );
    const outcome = await send(call, route, debug);
    if (!outcome.ok) return failure(outcome);
    const { summary, extra } = writeEffect.done(planned, outcome.value.value);
    return successResult(rendering, outcome.value.value, `${summary}${requestIdNote(outcome.value)}`, outcome.target, {
      extra,
      withheld: outcome.value.withheld,
    });
  }

  return async (args, context = {}) => {
    let result: CallToolResult;
    const kept: Record<string, unknown>[] = [];
    try {
      const outcome = await run(args, context, kept);
      // A question for the user is output too: what the pool holds reaches them, never a credential an endpoint echoed into it.
      if ("askUser" in outcome || "cannotAsk" in outcome) return redactJson(outcome);
      result = withDebugEntries(outcome, kept);
    } catch (error) {
      // A bug must not end the process or leak a stack trace to the client; the operator sees it on stderr.
      console.error(redactSecrets(`[${contract.name}] unexpected error: ${(error as Error)?.stack ?? String(error)}`));
      const unknown = effect ? ` Whether ${contract.name} took effect is unknown: read the pool before repeating it.` : "";
      result = {
        isError: true,
        content: [{ type: "text", text: `Internal error in ${contract.name}: ${(error as Error)?.message ?? String(error)}.${unknown}` }],
      };
    }
    // Whatever an endpoint answered (errors, tags) is shown, but never a credential it echoed.
    return redactJson(result);
  };
}

/** Arguments that pass a tool's validation, for the warm-up's dry run: the required parameters, sample values. */
export function sampleArguments(contract: ToolContract): Record<string, unknown> {
  const { operation } = callShape(contract);
  const skeleton = inputSkeleton(operation, {});
  const valid: Record<string, unknown> = {
    IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
    IdentityPoolName: "warm-up",
    AllowUnauthenticatedIdentities: false,
    MaxResults: 1,
    Roles: {},
  };
  return Object.fromEntries((operation.input.required ?? []).map((member) => [member, valid[member] ?? skeleton[member]]));
}

function requestIdNote(answer: Answer): string {
  return answer.requestId ? `, request id ${answer.requestId}` : "";
}
