/**
 * What a tool module declares: its name, its operation, how it presents itself, and its effect
 * on the world, whose module (src/effects/) decides its options, annotations and what its calls
 * mean, for the policy gate (src/policy/gate.ts) and the call pipeline (src/call/). Everything
 * else is derived from the operation's model.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/server";
import type { Change } from "../operation/changes.js";
import type { OperationName } from "../operation/model.js";
import type { Problem } from "../operation/problems.js";
import type { Effect } from "../operation/types.js";

/** The groups `--tools` takes by name, each the tools of one part of the service. */
export const toolsets = ["pools", "roles", "tags", "identities", "developer-identities"] as const;
export type Toolset = (typeof toolsets)[number];

/** A write as the tool sees it: its request, and the state it replaces as read first ({} when nothing is). */
export interface WriteState {
  request: Record<string, unknown>;
  current: Record<string, unknown>;
}

export interface ToolContract {
  /** The AWS CLI command with underscores: `describe_identity_pool`. */
  name: string;
  title: string;
  /** For the assistant: what it does and what to watch for; at most 1,000 characters. */
  description: string;
  operation: OperationName;
  effect: Effect;
  toolset: Toolset;
  /** For replace and delete: how to read the state the call changes, from the call's request. */
  reads?: { operation: OperationName; request(request: Record<string, unknown>): Record<string, unknown> };
  /** For writes other than creates: what the write acts on, in words for its plan, question and result. */
  subject?(write: WriteState): string;
  /** For replace: each change the write makes; by default every member of the request against the state read. */
  changes?(write: WriteState): Change[];
  /** Only where the world differs from what the effect implies (src/effects/): those annotations win. */
  annotations?: Partial<ToolAnnotations>;
  /** Listed when the operator does not choose the tools (--tools). */
  byDefault: boolean;
  /** Rules of this operation that need the state it replaces, checked before anything is sent. */
  checkChange?(current: Record<string, unknown>, request: Record<string, unknown>): Problem[];
}
