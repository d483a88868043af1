/**
 * What a write that replaces (UpdateIdentityPool, SetIdentityPoolRoles, SetPrincipalTagAttributeMap)
 * does to the state it replaces, member by member, or (tags) entry by entry. Pure. A member the
 * call leaves out is removed by AWS, so it is reported as removed, never passed over.
 */
import { isDeepStrictEqual } from "node:util";
import type { Operation } from "./model.js";

export interface Change {
  member: string;
  change: "added" | "changed" | "removed";
  before?: unknown;
  after?: unknown;
  /** Set on removals the call did not ask for in so many words: it left the member out. */
  leftOut?: true;
}

/**
 * What AWS sets a member to when a call leaves it out ("Amazon Cognito sets it to its default
 * value"): nothing, which it may report as false or as an empty list or map.
 */
function isDefault(value: unknown): boolean {
  if (value === undefined || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}

/** The changes from `current` to what `request` sets; the member naming the pool is not one. */
export function changesBetween(operation: Operation, current: Record<string, unknown>, request: Record<string, unknown>): Change[] {
  return memberChanges(
    operation.inputMembers.filter((member) => member !== "IdentityPoolId"),
    current,
    request,
  );
}

/** What another writer changed between two reads of the same state (`before`, `after`): every member either has. */
export function changesSince(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const members = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((member) => member !== "IdentityPoolId");
  return memberChanges(members, before, after).map(({ leftOut: _leftOut, ...change }) => change);
}

/** A map's changes entry by entry, named `member.key`: the tags a tagging call adds, changes or removes. */
export function entryChanges(member: string, before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return memberChanges(keys, before, after).map(({ leftOut: _leftOut, ...change }) => ({
    ...change,
    member: `${member}.${change.member}`,
  }));
}

function memberChanges(members: readonly string[], current: Record<string, unknown>, request: Record<string, unknown>): Change[] {
  const changes: Change[] = [];
  for (const member of members) {
    const before = current[member];
    const after = request[member];
    if (isDeepStrictEqual(before, after) || (isDefault(before) && isDefault(after))) continue;
    // false is a setting like true: turning it over is a change, not an addition or a removal.
    if (typeof before === "boolean" && typeof after === "boolean") changes.push({ member, change: "changed", before, after });
    else if (isDefault(before)) changes.push({ member, change: "added", after });
    else if (after === undefined) changes.push({ member, change: "removed", before, leftOut: true });
    else if (isDefault(after)) changes.push({ member, change: "removed", before });
    else changes.push({ member, change: "changed", before, after });
  }
  return changes;
}
