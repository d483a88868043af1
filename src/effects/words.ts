/**
 * Words the effects share: values quoted so they cannot pass for a line of a prompt, one line per
 * change, and how a pool is named.
 */
import type { Change } from "../operation/changes.js";

/**
 * Controls (C0, DEL, C1), line and paragraph separators and bidi controls: characters that can
 * start a line of their own or reorder the text after them, and that JSON.stringify leaves as they are.
 */
const lineOrOrderCharacters = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/gu;

/** text with those characters written as \uXXXX escapes. */
export function inert(text: string): string {
  return text.replace(lineOrOrderCharacters, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value the call supplied, quoted and escaped: it cannot pass itself off as a line of the prompt or reorder it. */
export function q(value: unknown): string {
  return inert(JSON.stringify(value) ?? "null");
}

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
