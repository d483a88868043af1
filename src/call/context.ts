/**
 * What passes between the MCP layer (src/server.ts) and a tool's call (src/call/run.ts): what the
 * layer knows of the client and this round, and what a call needs of the user before it goes on.
 */
import type { CallToolResult } from "@modelcontextprotocol/server";
import type { RoundState, WriteBinding } from "../policy/rounds.js";

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
