/**
 * The type half of botocore's parameter validation, for values parsed from the command
 * line: right JSON type at every level, no unknown structure keys. Lengths, patterns and
 * required members are left to the operation's own validation, which sees the merged request.
 */
import { shape, type Shape } from "../operation/model.js";
import { hasOwn } from "./text.js";
import { excerpt, quote } from "../operation/problems.js";
import { isJsonObject } from "../operation/json-object.js";

export interface TypeIssue {
  /** `IdentityPoolTags.env`, `CognitoIdentityProviders[1].ServerSideTokenCheck`, as botocore names them. */
  path: string;
  kind: "type" | "unknown key";
  message: string;
}

const EXPECTED: Record<Shape["type"], string> = {
  string: "a string",
  boolean: "true or false",
  integer: "a whole number",
  timestamp: "a time",
  list: "a list",
  map: "an object (a map of strings)",
  structure: "an object",
};

/** A value for a message; one read from `file` is not quoted, only its type told. */
export function describeValue(value: unknown, file?: string): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (file !== undefined) return `a ${typeof value} read from ${file}`;
  if (typeof value === "string") return `the string ${quote(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

function hasType(value: unknown, type: Shape["type"]): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return Number.isInteger(value);
    case "timestamp":
      return typeof value === "number";
    case "list":
      return Array.isArray(value);
    case "map":
    case "structure":
      return isJsonObject(value);
  }
}

/**
 * Every type problem in `value`, which should have the shape named `shapeName`; `path` names the
 * value. For a value read from `file`, no value and no key is quoted: map keys are written `*`.
 */
export function checkTypes(value: unknown, shapeName: string, path: string, file?: string): TypeIssue[] {
  const expected = shape(shapeName);
  if (!hasType(value, expected.type))
    return [{ path, kind: "type", message: `${path} must be ${EXPECTED[expected.type]}, got ${describeValue(value, file)}` }];
  const issues: TypeIssue[] = [];
  if (expected.type === "list") {
    (value as unknown[]).forEach((item, i) => issues.push(...checkTypes(item, expected.member.shape, `${path}[${i}]`, file)));
  } else if (expected.type === "map") {
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      issues.push(...checkTypes(item, expected.value.shape, `${path}.${file === undefined ? excerpt(key) : "*"}`, file));
  } else if (expected.type === "structure") {
    const members = Object.keys(expected.members);
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const member = hasOwn(expected.members, key) ? expected.members[key] : undefined;
      if (member) issues.push(...checkTypes(item, member.shape, `${path}.${key}`, file));
      else
        issues.push({
          path: file === undefined ? `${path}.${excerpt(key)}` : path,
          kind: "unknown key",
          message: `${file === undefined ? `unknown key ${quote(key)} in ${path}` : `an unknown key in ${path}, read from ${file}`}; it must be one of: ${members.join(", ")}`,
        });
    }
  }
  return issues;
}
