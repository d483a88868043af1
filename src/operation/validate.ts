/** Turns schema issues into Problems that name the field, the rule and what is wrong. */
import type { z } from "zod";
import { excerpt, quote, type Problem } from "./problems.js";
import { shape, shapeAt } from "./model.js";

type Issue = z.core.$ZodIssue;
type PathPart = PropertyKey;

/**
 * The file the value at `path` was read from, when it was: such a value is described
 * (what is wrong, which rule), never quoted, and map keys from it are not named.
 */
export type FileOf = (path: readonly PathPart[]) => string | undefined;

const noFiles: FileOf = () => undefined;

/** `root` is the shape paths start in: the operation's input. */
function isMapKey(root: string, path: readonly PathPart[]): boolean {
  return path.length > 1 && shapeAt(root, path.slice(0, -1))?.type === "map";
}

/** A key as long as the model allows is named whole; a longer one (refused for that too) is cut. */
function longestKey(root: string, mapPath: readonly PathPart[]): number | undefined {
  const map = shapeAt(root, mapPath);
  const key = map?.type === "map" ? shape(map.key.shape) : undefined;
  return key?.type === "string" ? key.max : undefined;
}

/**
 * `CognitoIdentityProviders[0].ClientId`, `IdentityPoolTags["env"]`: map keys are quoted, members
 * dotted; with `hideKeys` (a map read from a file) a key is written `[*]`.
 */
function fieldPath(root: string, path: readonly PathPart[], hideKeys = false): string {
  let out = "";
  path.forEach((part, i) => {
    if (typeof part === "number") out += `[${part}]`;
    else if (i > 0 && isMapKey(root, path.slice(0, i + 1)))
      out += hideKeys ? "[*]" : `[${quote(String(part), longestKey(root, path.slice(0, i)))}]`;
    // Cut, since an unknown key may be any length.
    else out += `${out ? "." : ""}${excerpt(String(part))}`;
  });
  return out || "(arguments)";
}

/** Member names valid at `path` in `root`, for "unknown key" messages. */
function membersAt(root: string, path: readonly PathPart[]): string[] {
  const s = shapeAt(root, path);
  return s?.type === "structure" ? Object.keys(s.members) : [];
}

/** A value as a message shows it: strings quoted (cut), collections by kind. */
export function show(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  // A YAML timestamp (--cli-input-yaml), which no parameter takes.
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** The JSON type of a value, in words. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "object") return "object";
  return typeof value;
}

/** A pattern as zod reports it, `/source/flags`, back to a RegExp. */
function regExpOf(pattern: string): RegExp {
  const end = pattern.lastIndexOf("/");
  return new RegExp(pattern.slice(1, end), pattern.slice(end + 1));
}

const shownOffenders = 5;
/** How far into a value offenders are looked for (names allow 128 characters); past it the message says only "does not match". */
const scannedCharacters = 4096;

/**
 * The first few distinct characters a whole-value character-class pattern (`[...]+`) does not
 * allow, among the value's first characters: a 10 MB value is neither copied nor walked.
 */
function offendingCharacters(value: string, pattern: RegExp): string[] {
  const cls = /^\^\(\?:(\[.*\])\+\)\$$/.exec(pattern.source)?.[1];
  if (!cls) return [];
  const one = new RegExp(`^${cls}$`, pattern.flags);
  const found = new Set<string>();
  let scanned = 0;
  for (const ch of value) {
    if (found.size === shownOffenders || scanned++ === scannedCharacters) break;
    if (!one.test(ch)) found.add(ch);
  }
  return [...found];
}

/** What zod's expected type means, in words. */
export const expectedNames: Record<string, string> = {
  string: "a string",
  boolean: "true or false",
  array: "a list",
  record: "an object (map)",
  object: "an object",
  number: "a number",
  int: "a whole number",
};

type ValidKeys = (path: readonly PathPart[]) => string[];

/**
 * Problems for issues found in a value of the shape `root` (an operation's input). `validKeys`
 * lists the keys allowed at a path whose object had unknown ones (default: the shape's members);
 * `fileOf` says which values were read from files.
 */
export function problemsFromIssues(
  issues: readonly Issue[],
  root: string,
  { validKeys, fileOf = noFiles }: { validKeys?: ValidKeys; fileOf?: FileOf } = {},
): Problem[] {
  return wordIssues(issues, { root, validKeys: validKeys ?? ((path) => membersAt(root, path)), fileOf, basePath: [], aboutKey: false });
}

interface Wording {
  root: string;
  validKeys: ValidKeys;
  fileOf: FileOf;
  /** Where the issues' paths start (a union branch's issues are relative to the union). */
  basePath: readonly PathPart[];
  /** The issues are about a map key, not a value. */
  aboutKey: boolean;
}

function wordIssues(issues: readonly Issue[], wording: Wording): Problem[] {
  const { root, validKeys, fileOf, basePath, aboutKey } = wording;
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    const file = fileOf(path);
    const field = fieldPath(root, path, file !== undefined);
    const input = (issue as { input?: unknown }).input;
    // What the message calls the value: the value itself, or, for one read from a file, where it came from.
    const subject =
      file === undefined ? show(input) : `${aboutKey ? "a map key" : isMapKey(root, path) ? "a map value" : "the value"} read from ${file}`;
    // "got number 5", "got string "x"", but "got null", "got a list": those words already name the type.
    const typed = input === null || typeof input === "object" ? "" : `${typeName(input)} `;
    const got = file === undefined ? `got ${typed}${subject}` : `got ${typeName(input)} (${subject})`;
    switch (issue.code) {
      case "invalid_type":
        if (input === undefined) problems.push({ field, rule: "required", message: "is required but missing" });
        else
          problems.push({
            field,
            rule: `type ${issue.expected}`,
            message: `must be ${expectedNames[issue.expected] ?? issue.expected}, ${got}`,
          });
        break;
      case "too_small":
      case "too_big": {
        const small = issue.code === "too_small";
        const bound = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
        const origin = issue.origin;
        if (origin === "number" || origin === "int") {
          problems.push({
            field,
            rule: `${small ? "minimum" : "maximum"} ${bound}`,
            message: `${subject} is ${small ? "below the minimum" : "above the maximum"} ${bound}`,
          });
          break;
        }
        const unit = origin === "string" ? "characters" : origin === "array" ? "items" : "entries";
        const rule = `${small ? "min" : "max"}${origin === "string" ? "Length" : origin === "array" ? "Items" : "Entries"} ${bound}`;
        const size =
          typeof input === "string"
            ? input.length
            : Array.isArray(input)
              ? input.length
              : input && typeof input === "object"
                ? Object.keys(input).length
                : 0;
        const what = origin === "string" ? `${subject} has ${size} ${unit}` : `has ${size} ${unit}`;
        problems.push({ field, rule, message: `${what}; ${small ? "at least" : "at most"} ${bound} allowed` });
        break;
      }
      case "invalid_format": {
        const pattern = (issue as { pattern?: string }).pattern;
        // The issue's message is the rule as the model states it (see schema.ts).
        if (issue.message.startsWith("no ")) {
          problems.push({ field, rule: issue.message, message: `${subject} starts with a prefix reserved for AWS` });
          break;
        }
        const bad = pattern ? offendingCharacters(String(input), regExpOf(pattern)) : [];
        const named =
          file === undefined ? `${bad.map((c) => JSON.stringify(c)).join(", ")}, not allowed` : "characters that are not allowed";
        const detail = bad.length ? `contains ${named}` : "does not match";
        problems.push({
          field,
          rule: `pattern ${issue.message}`,
          message: `${subject} ${detail}; the whole value must match ${issue.message}`,
        });
        break;
      }
      case "unrecognized_keys": {
        const valid = `valid keys${path.length ? ` here` : ""}: ${validKeys(path).join(", ")}`;
        const hidden = new Set<string>();
        for (const key of issue.keys) {
          const keyFile = fileOf([...path, key]);
          if (keyFile === undefined)
            problems.push({ field: fieldPath(root, [...path, key]), rule: "unknown key", message: `is not a known key; ${valid}` });
          else hidden.add(keyFile);
        }
        // A key read from a file is file contents too: the file is named, the key is not.
        for (const keyFile of hidden)
          problems.push({ field, rule: "unknown key", message: `has a key read from ${keyFile} that is not a known key; ${valid}` });
        break;
      }
      case "invalid_key":
        // The path ends at the offending key: name the map as the field; the inner message shows the key.
        for (const p of wordIssues(issue.issues, { ...wording, basePath: path, aboutKey: true }))
          problems.push({
            field: fieldPath(root, path.slice(0, -1), file !== undefined),
            rule: `key ${p.rule}`,
            message: file === undefined ? `key ${p.message}` : p.message,
          });
        break;
      case "invalid_value":
        problems.push({
          field,
          rule: `one of ${issue.values.join(", ")}`,
          message: `${subject} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
        });
        break;
      case "invalid_union": {
        // The branch whose type matched says what is wrong; if none matched, the type is.
        const matched = issue.errors.find((branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0));
        if (matched) problems.push(...wordIssues(matched, { ...wording, basePath: path }));
        else problems.push({ field, rule: "type", message: `must be a string or a list of strings, ${got}` });
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
