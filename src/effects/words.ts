/** Words the effects share: one line per change, and how a pool or a write's subject is named. */
import type { Change } from "../operation/changes.js";
import { q } from "../operation/inert.js";
import type { Write, WritePlan } from "./effect.js";

/** One line per change: the member, and what happens to its value. */
export function changeLine(change: Change): string {
  if (change.change === "added") return `${change.member}: set to ${q(change.after)}`;
  if (change.change === "changed") return `${change.member}: ${q(change.before)} → ${q(change.after)}`;
  return `${change.member}: ${q(change.before)} removed${change.leftOut ? " (the call leaves it out)" : ""}`;
}

/** A pool by name and id, each quoted: `"name" ("us-east-1:…")`. */
export function poolName(pool: Record<string, unknown>): string {
  return [
    pool.IdentityPoolName !== undefined && q(pool.IdentityPoolName),
    pool.IdentityPoolId !== undefined && `(${q(pool.IdentityPoolId)})`,
  ]
    .filter(Boolean)
    .join(" ");
}

/** A pool as results name it: `identity pool us-east-1:… ("name")`. */
export function poolLabel(pool: Record<string, unknown>): string {
  return `identity pool ${String(pool.IdentityPoolId)}${pool.IdentityPoolName !== undefined ? ` (${JSON.stringify(pool.IdentityPoolName)})` : ""}`;
}

/** What a write acts on, as its tool names it; a pool's writes name the pool read first. */
export function subjectOf(write: Write): string {
  return write.tool.subject?.(write) ?? `the identity pool ${poolName(write.current)}`;
}

/** The plan of a write that reads nothing first: what it would do, named by its tool; `warning` ends the question. */
export function subjectPlan(write: Write, warning = ""): WritePlan {
  const subject = subjectOf(write);
  return { what: `It would ${subject}.`, lines: [], extra: {}, question: [`${write.operation.name}: ${subject}?${warning}`] };
}
