/**
 * The operator's controls, applied to every call in one place: read-only mode, the duplicate
 * guard's floor, plans (--confirm-writes), the write rate limit and the user's consent.
 * No tool argument can lift any of them.
 */
import { readOnlyEnv, type IfNameExists, type ServerConfig } from "../config.js";
import type { Problem } from "../operation/problems.js";
import { inert } from "../operation/inert.js";
import type { Target } from "../operation/types.js";
import { KeyedLocks } from "./locks.js";
import type { ToolContract } from "../tools/contract.js";
import type { CallContext } from "../call/context.js";
import { createRounds, defaultConfirmTtlSeconds, type Rounds, type WriteBinding } from "./rounds.js";

/**
 * The operator's --if-name-exists is a floor: once it guards against duplicates, a call may
 * choose the other guard, never "create".
 */
export function duplicatesProblem(requested: IfNameExists | undefined, operatorDefault: IfNameExists | undefined): Problem | undefined {
  if (requested !== "create" || operatorDefault === undefined || operatorDefault === "create") return undefined;
  return {
    field: "ifNameExists",
    rule: "operator policy",
    message: `"create" is not allowed: this server's operator set --if-name-exists ${operatorDefault}, so a pool with an existing name is never created twice; use "return-existing" or "error"`,
  };
}

function readOnlyMessage(contract: ToolContract): string {
  return `This server is read-only: ${contract.name} changes nothing here. Reads and dry runs still work. Its operator set this with --read-only or ${readOnlyEnv}=true; restart the server without them to allow writes.`;
}

/** Writes per server process within a sliding minute; `now` is injectable for tests. */
export class WriteRateLimiter {
  private readonly times: number[] = [];
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  private prune(): void {
    const cutoff = this.now() - 60_000;
    while (this.times.length && this.times[0]! <= cutoff) this.times.shift();
  }

  /** undefined when a create may go ahead; otherwise when the next one will be allowed. */
  refusal(): { resetsAt: Date; resetsInSeconds: number } | undefined {
    this.prune();
    if (this.times.length < this.perMinute) return undefined;
    const resetsAt = this.times[0]! + 60_000;
    return { resetsAt: new Date(resetsAt), resetsInSeconds: Math.max(1, Math.ceil((resetsAt - this.now()) / 1000)) };
  }

  record(): void {
    this.times.push(this.now());
  }
}

function rateLimitMessage(perMinute: number, refusal: { resetsAt: Date; resetsInSeconds: number }): string {
  return `Rate limit reached: this server allows ${perMinute} write${perMinute === 1 ? "" : "s"} per minute (its operator's --max-writes-per-minute). Nothing was changed. The limit resets in ${refusal.resetsInSeconds} s, at ${refusal.resetsAt.toISOString()}.`;
}

/** What the user is asked to approve: the effect's question (src/effects/), then where the write goes. */
export function consentMessage(question: string[], target: Target): string {
  return [
    ...question,
    // The call may choose these too (within the operator's limits), so they are escaped as well;
    // where the write goes comes last, in a line only this function writes.
    `Where: region ${inert(target.region ?? "?")}, endpoint ${inert(target.endpoint ?? "?")}, profile ${inert(target.profile ?? "default")}${target.sandbox ? " (SANDBOX, not AWS)" : ""}.`,
  ].join("\n");
}

/** Whether an answer was given to this very write: same tool, request, target and state replaced. */
function sameWrite(a: WriteBinding, b: WriteBinding): boolean {
  return a.tool === b.tool && a.request === b.request && a.state === b.state;
}

/**
 * What every session of one server process shares: the rate limit is per process, not per
 * session, and so are the write locks (guarded creates of one name, writes to one pool).
 */
export interface ProcessControls {
  limiter?: WriteRateLimiter;
  locks: KeyedLocks;
  /** State carried between a call's rounds (the consent question and its answer). */
  rounds: Rounds;
  /** Confirm codes of plans (--confirm-writes). */
  plans: Rounds;
}

export function processControls(config: ServerConfig): ProcessControls {
  return {
    limiter: config.maxWritesPerMinute ? new WriteRateLimiter(config.maxWritesPerMinute) : undefined,
    locks: new KeyedLocks(),
    rounds: createRounds(config.stateKey),
    plans: createRounds(config.stateKey, config.confirmTtlSeconds ?? defaultConfirmTtlSeconds),
  };
}

/** A call the operator's controls stop: a refusal to show, or problems with the arguments. */
export type Refusal = { message: string } | { problems: Problem[] };

/**
 * First stage, before anything is read or sent: read-only mode stops writes (dry runs and plans
 * excepted), a create may not lift the operator's duplicate guard, and a confirm code needs a
 * server that plans writes.
 */
export function admit(
  contract: ToolContract,
  call: { dryRun?: boolean; ifNameExists?: IfNameExists; confirm?: string },
  config: ServerConfig,
): Refusal | undefined {
  if (contract.effect === "read") return undefined;
  const problems = [
    contract.effect === "create" ? duplicatesProblem(call.ifNameExists, config.ifNameExists) : undefined,
    call.confirm !== undefined && !config.confirmWrites
      ? {
          field: "confirm",
          rule: "operator policy",
          message: "this server does not plan writes (its operator did not set --confirm-writes): leave confirm out",
        }
      : undefined,
  ].filter((problem) => problem !== undefined);
  if (problems.length) return { problems };
  if (config.readOnly && !call.dryRun && !plansOnly(call, config)) return { message: readOnlyMessage(contract) };
  return undefined;
}

/** A write call that only answers with its plan: the server plans writes, and the call has no confirm code. */
export function plansOnly(call: { dryRun?: boolean; confirm?: string }, config: ServerConfig): boolean {
  return Boolean(config.confirmWrites) && !call.dryRun && call.confirm === undefined;
}

/**
 * Where approve() leaves a write: refused with a message, refused because the client cannot ask
 * the user, waiting for the user's answer to `question`, or cleared to go.
 */
export type Approval = { refused: string } | { cannotAsk: string } | { ask: { message: string; question: WriteBinding } } | undefined;

/**
 * Last stage, right before a write is sent: the rate limit, then the user's consent, then the
 * rate limit again (other calls may have used the minute while the user decided). A write that
 * passes is counted.
 *
 * Consent takes two rounds of the same call: the first asks (the question is bound to the
 * request, its target and the state it replaces), the second carries the answer. An answer to a
 * question whose binding no longer matches (the pool changed meanwhile) asks again, with what the
 * write would do now; an answer is used once.
 */
export function approve(
  contract: ToolContract,
  question: string[],
  target: Target,
  binding: WriteBinding,
  config: ServerConfig,
  controls: ProcessControls,
  context: CallContext,
): Approval {
  const { limiter } = controls;
  const limited = () => {
    const refusal = limiter?.refusal();
    return refusal ? { refused: rateLimitMessage(limiter!.perMinute, refusal) } : undefined;
  };
  const before = limited();
  if (before) return before;
  if (config.consent) {
    const consent = context.consent;
    if (!consent?.canAsk) {
      if (!config.allowWritesWithoutConsent)
        return {
          cannotAsk: `Not done: this server asks the user to approve every write (its operator's --consent), and this MCP client does not support elicitation, so the user cannot be asked. Use a client with elicitation, or the operator can add --allow-writes-without-consent.`,
        };
    } else {
      const reply = consent.reply;
      const answersThis = reply !== undefined && sameWrite(reply.question, binding);
      if (!answersThis) {
        const changed = reply !== undefined ? ["Asked again: the pool or the request changed since the last question."] : [];
        return { ask: { message: [...changed, consentMessage(question, target)].join("\n"), question: binding } };
      }
      if (!controls.rounds.use(reply.question))
        return { refused: `Not done: this answer to ${contract.name}'s question was already used. Call the tool again to be asked anew.` };
      if (reply.answer !== "accept")
        return { refused: `Not done: the user ${reply.answer === "decline" ? "declined" : "cancelled"} ${contract.name}.` };
    }
  }
  const after = limited();
  if (after) return after;
  limiter?.record();
  return undefined;
}
