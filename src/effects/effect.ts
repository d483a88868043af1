/**
 * What an effect on the world means for a tool's calls, in one place per effect (read, create,
 * replace, delete, unlink, issue): the options it adds, what its results carry, its annotations, and, for writes,
 * what it reads first, its lock, its dry-run and plan words, what the user is asked, its success
 * summary and what a lost answer means. The call pipeline (src/call/run.ts) does the reading,
 * locking and sending; the effect says what they mean.
 */
import type { z } from "zod";
import type { ToolAnnotations } from "@modelcontextprotocol/server";
import type { EffectOption } from "../operation/arguments.js";
import type { Operation } from "../operation/model.js";
import type { Effect } from "../operation/types.js";
import type { ToolContract } from "../tools/contract.js";

export interface EffectModule {
  kind: Effect;
  /** Options it adds to a tool's arguments. */
  options: readonly EffectOption[];
  /** What its successful results carry besides the operation's answer. */
  resultExtras: Record<string, z.ZodType>;
  /** The annotations that follow from it; a tool overrides them only where the world needs it. */
  annotations: ToolAnnotations;
}

/** A write, as its effect sees it: the tool, its operation, the validated request, and the state it replaces ({} when nothing is read first). */
export interface Write {
  tool: ToolContract;
  operation: Operation;
  request: Record<string, unknown>;
  current: Record<string, unknown>;
}

/** What a write would do: for its dry run and its plan (`what`, `lines`, `extra`), and the user's question. */
export interface WritePlan {
  what: string;
  lines: string[];
  extra: Record<string, unknown>;
  /** What the user is asked to approve, before the line saying where (the policy gate adds it). */
  question: string[];
}

export interface WriteEffectModule extends EffectModule {
  kind: Exclude<Effect, "read">;
  /** What it reads before it writes: the state it changes (the tool's `reads`), the pools of the same name (a create's duplicate guard), or nothing. */
  readsFirst: "state" | "same-name" | "nothing";
  /** Whether a send that may have reached AWS must not be repeated. */
  sendOnce: boolean;
  /** What the call may have done when its answer never came, and what to do about it. */
  unknownOutcome: { means: string; hint: string };
  /** What its lock is on: the state it reads first (by the read's request), or (a guarded create) the name; undefined: it takes none. */
  lockSubject(write: {
    request: Record<string, unknown>;
    /** The request of the read that gives the state it changes. */
    read?: Record<string, unknown>;
    dryRun?: boolean;
    guarded: boolean;
  }): { kind: "state" | "name"; subject: string } | undefined;
  plan(write: Write): WritePlan;
  /** What a success says, before its request id, and what its result adds. */
  done(write: Write, answer: Record<string, unknown>): { summary: string; extra: Record<string, unknown> };
}
