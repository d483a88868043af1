/**
 * What a tool module declares: its name, its operation, how it presents itself, and its effect
 * on the world, which the policy gate (src/policy.ts) and the call pipeline (src/call/) read.
 * Everything else is derived from the operation's model.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { OperationName } from "../operation/model.js";
import type { Problem } from "../operation/problems.js";
import type { Effect } from "../operation/types.js";

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
  annotations: ToolAnnotations;
  /** Listed when the operator does not choose the tools (--tools). */
  byDefault: boolean;
  /** Rules of this operation that need the state it replaces, checked before anything is sent. */
  checkChange?(current: Record<string, unknown>, request: Record<string, unknown>): Problem[];
}

/** What the transport knows about the calling session. */
export interface CallContext {
  /** Sends an MCP log notification to the client (respecting its logging/setLevel). */
  log?: (level: "debug" | "info" | "warning" | "error", data: unknown) => void;
  /** Asks the user through MCP elicitation; absent when the client cannot be asked. */
  askUser?: (message: string) => Promise<"accept" | "decline" | "cancel">;
}
