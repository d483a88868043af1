/** Turns schema issues into Problems that name the field, the rule and what is wrong. */
import type { z } from "zod";
import type { Problem } from "./problems.js";
import { operation, shapeAt } from "./model.js";

const inputShapeName = operation.input;

type Issue = z.core.$ZodIssue;
type PathPart = PropertyKey;

/** `CognitoIdentityProviders[0].ClientId`, `IdentityPoolTags["env"]`: map keys are quoted, members dotted. */
export function fieldPath(path: readonly PathPart[]): string {
  let out = "";
  path.forEach((part, i) => {
    if (typeof part === "number") out += `[${part}]`;
    else if (i > 0 && shapeAt(inputShapeName, path.slice(0, i))?.type === "map") out += `[${JSON.stringify(String(part))}]`;
    else out += out ? `.${String(part)}` : String(part);
  });
  return out || "(arguments)";
}

/** Member names valid at `path` in the request, for "unknown key" messages. */
export function membersAt(path: readonly PathPart[]): string[] {
  const s = shapeAt(inputShapeName, path);
  return s?.type === "structure" ? Object.keys(s.members) : [];
}

function show(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "object") return "object";
  return typeof value;
}

/** The first characters a whole-value character-class pattern (`[...]+`) does not allow. */
function offendingCharacters(value: string, pattern: RegExp): string[] {
  const cls = /^\^\(\?:(\[.*\])\+\)\$$/.exec(pattern.source)?.[1];
  if (!cls) return [];
  const one = new RegExp(`^${cls}$`);
  return [...new Set([...value].filter((ch) => !one.test(ch)))].slice(0, 5);
}

const expectedNames: Record<string, string> = { string: "a string", boolean: "true or false", array: "a list", record: "an object (map)", object: "an object" };

/** `validKeys` lists the keys allowed at a path whose object had unknown ones. */
export function problemsFromIssues(issues: readonly Issue[], validKeys: (path: readonly PathPart[]) => string[] = membersAt, basePath: readonly PathPart[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    const field = fieldPath(path);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case "invalid_type":
        if (input === undefined) problems.push({ field, rule: "required", message: "is required but missing" });
        else problems.push({ field, rule: `type ${issue.expected}`, message: `must be ${expectedNames[issue.expected] ?? issue.expected}, got ${typeName(input)} ${show(input)}` });
        break;
      case "too_small":
      case "too_big": {
        const small = issue.code === "too_small";
        const bound = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
        const origin = issue.origin;
        if (origin === "number" || origin === "int") {
          problems.push({ field, rule: `${small ? "minimum" : "maximum"} ${bound}`, message: `${show(input)} is ${small ? "below the minimum" : "above the maximum"} ${bound}` });
          break;
        }
        const unit = origin === "string" ? "characters" : origin === "array" ? "items" : "entries";
        const rule = `${small ? "min" : "max"}${origin === "string" ? "Length" : origin === "array" ? "Items" : "Entries"} ${bound}`;
        const size = typeof input === "string" ? input.length : Array.isArray(input) ? input.length : input && typeof input === "object" ? Object.keys(input).length : 0;
        const what = origin === "string" ? `${show(input)} has ${size} ${unit}` : `has ${size} ${unit}`;
        problems.push({ field, rule, message: `${what}; ${small ? "at least" : "at most"} ${bound} allowed` });
        break;
      }
      case "invalid_format": {
        const pattern = (issue as { pattern?: string }).pattern;
        const value = String(input);
        // The issue's message is the rule as the model states it (see schema.ts).
        if (issue.message.startsWith("no ")) {
          problems.push({ field, rule: issue.message, message: `${show(value)} starts with a prefix reserved for AWS` });
          break;
        }
        const bad = pattern ? offendingCharacters(value, new RegExp(pattern.slice(1, -1))) : [];
        const detail = bad.length ? `contains ${bad.map((c) => JSON.stringify(c)).join(", ")}, not allowed` : "does not match";
        problems.push({ field, rule: `pattern ${issue.message}`, message: `${show(value)} ${detail}; the whole value must match ${issue.message}` });
        break;
      }
      case "unrecognized_keys": {
        const valid = validKeys(path);
        for (const key of issue.keys)
          problems.push({ field: fieldPath([...path, key]), rule: "unknown key", message: `is not a known key; valid keys${path.length ? ` here` : ""}: ${valid.join(", ")}` });
        break;
      }
      case "invalid_key":
        // The path ends at the offending key: name the map as the field; the inner message shows the key.
        for (const p of problemsFromIssues(issue.issues, validKeys))
          problems.push({ field: fieldPath(path.slice(0, -1)), rule: `key ${p.rule}`, message: `key ${p.message}` });
        break;
      case "invalid_value":
        problems.push({ field, rule: `one of ${issue.values.join(", ")}`, message: `${show(input)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` });
        break;
      case "invalid_union": {
        // The branch whose type matched says what is wrong; if none matched, the type is.
        const matched = issue.errors.find((branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0));
        if (matched) problems.push(...problemsFromIssues(matched, validKeys, path));
        else problems.push({ field, rule: "type", message: `must be a string or a list of strings, got ${typeName(input)} ${show(input)}` });
        break;
      }
      default:
        problems.push({ field, rule: issue.code, message: issue.message });
    }
  }
  return dropEchoes(problems);
}

/** An empty string breaks both the minimum length and the pattern; the length alone says it. */
function dropEchoes(problems: Problem[]): Problem[] {
  const lengthFields = new Set(problems.filter((p) => p.rule.startsWith("minLength")).map((p) => p.field));
  return problems.filter((p) => !(p.rule.startsWith("pattern") && lengthFields.has(p.field)));
}
