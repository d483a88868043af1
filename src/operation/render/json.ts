/** --output json: json.dump(indent=4, ensure_ascii=False) and a newline; an empty dict prints nothing. */

import { type Dict, isDict, items, pyNumber } from "./python.js";

export function renderJson(value: unknown): string {
  if (isDict(value) && items(value).length === 0) return "";
  return toJson(value, "") + "\n";
}

function toJson(value: unknown, indent: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return pyNumber(value);
  // Python escapes the same characters as JSON.stringify: ", \, and controls below U+0020.
  if (typeof value === "string") return JSON.stringify(value);
  const inner = indent + "    ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + toJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  const members = items(value as Dict);
  if (members.length === 0) return "{}";
  return `{\n${members.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toJson(v, inner)}`).join(",\n")}\n${indent}}`;
}
