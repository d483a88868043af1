/**
 * What a tool module declares: its name, its operation, how it presents itself, and its effect
 * on the world, whose module (src/effects/) decides its options, annotations and what its calls
 * mean, for the policy gate (src/policy/gate.ts) and the call pipeline (src/call/). Everything
 * else is derived from the operation's model.
 */
import type { CallToolResult, ToolAnnotations } from "@modelcontextprotocol/server";
import type { OperationName } from "../operation/model.js";
import type { Problem } from "../operation/problems.js";
import type { Effect } from "../operation/types.js";
import type { RoundState, WriteBinding } from "../policy/rounds.js";

export interface ToolContract {
  /** The AWS CLI command with underscores: `describe_identity_pool`. */
  name: string;
  title: string;
  /** For the assistant: what it does and what to watch for; at most 1,000 characters. */
  description: string;
  operation: OperationName;
  effect: Effect;
  /** For replace and delete: the operation that reads the state the call replaces (given the pool's id). */
  current?: OperationName;
  /** Only where the world differs from what the effect implies (src/effects/): those annotations win. */
  annotations?: Partial<ToolAnnotations>;
  /** Listed when the operator does not choose the tools (--tools). */
  byDefault: boolean;
  /** Rules of this operation that need the state it replaces, checked before anything is sent. */
  checkChange?(current: Record<string, unknown>, request: Record<string, unknown>): Problem[];
}

/** What the MCP layer knows about the calling client and this round of the call. */
export interface CallContext {
  /**
   * Debug entries for the client: an MCP log notification where the client asked for log
   * levels; otherwise they are added to the call's result. Absent: the client gets none.
   */
  log?: (level: "debug" | "info" | "warning" | "error", data: unknown) => void;
  /** The user's consent: whether the client can ask them (elicitation), and their answer to this call's last question. */
  consent?: { canAsk: boolean; reply?: ConsentReply };
}

export type ConsentAnswer = "accept" | "decline" | "cancel";

/** The user's answer, with the question it answers (opened from the round's sealed state). */
export interface ConsentReply {
  answer: ConsentAnswer;
  question: RoundState;
}

/**
 * A call that needs the user before it goes on: their answer (what to ask, and the state the
 * answer must come back with), or an ability to ask them that the client lacks (the refusal, as a
 * result; MCP 2026-07-28 answers it as a missing client capability instead).
 */
export type UserNeeded =
  { askUser: { message: string; question: WriteBinding } } | { cannotAsk: { message: string; refusal: CallToolResult } };
