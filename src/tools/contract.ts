/**
 * What a tool module declares: its name, its operation, how it presents itself, and its effect
 * on the world, whose module (src/effects/) decides its options, annotations and what its calls
 * mean, for the policy gate (src/policy/gate.ts) and the call pipeline (src/call/). Everything
 * else is derived from the operation's model.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/server";
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
  /** Only where the world differs from what the effect implies (src/effects/): those annotations win. */
  annotations?: Partial<ToolAnnotations>;
  /** Listed when the operator does not choose the tools (--tools). */
  byDefault: boolean;
  /** Rules of this operation that need the state it replaces, checked before anything is sent. */
  checkChange?(current: Record<string, unknown>, request: Record<string, unknown>): Problem[];
}
