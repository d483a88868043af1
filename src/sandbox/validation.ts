/**
 * Checks an operation's input against the service model (modelSchema, which carries every
 * model constraint and the limits AWS documents elsewhere) and words the failures as the
 * service does.
 *
 * Which error type: the service deserializes before it validates, so a value of the wrong JSON
 * type is a `SerializationException`; so is a member the model does not have (AWS may ignore
 * one, but silently dropping a misspelt member would hide the mistake from the person learning
 * the API). A value that breaks a constraint is a `ValidationException` in the words of AWS's
 * request validator: that is what Cognito Identity really answers (a moto bug report quotes AWS;
 * the AWS SDK for Android logs `Error Code: ValidationException` for a bad `identityPoolId`),
 * although the model's error lists name only `InvalidParameterException`.
 */
import type { z } from "zod";
import { model, shapeAt, type OperationName } from "../operation/model.js";
import { modelSchema } from "../operation/schema.js";
import { quote } from "../operation/problems.js";
import { expectedNames, show, typeName } from "../operation/validate.js";
import { ServiceError } from "./service-error.js";

type Path = readonly PropertyKey[];
type Issue = z.core.$ZodIssue;

const schemas = new Map<string, z.ZodType>();

/** The input of `operationName`, checked; throws a ServiceError naming every problem. */
export function validateInput(operationName: string, body: unknown): unknown {
  const inputShape = model.operations[operationName as OperationName].input;
  let schema = schemas.get(inputShape);
  if (!schema) schemas.set(inputShape, (schema = modelSchema(inputShape)));
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;

  const unreadable: string[] = [];
  const violations: string[] = [];
  for (const finding of findings(inputShape, result.error.issues, [])) {
    if ("unreadable" in finding) unreadable.push(finding.unreadable);
    else violations.push(violation(inputShape, body, finding.path, finding.rule));
  }
  if (unreadable.length) throw new ServiceError("SerializationException", `Cannot read the request: ${unreadable.join("; ")}`);
  const count = `${violations.length} validation error${violations.length === 1 ? "" : "s"} detected`;
  throw new ServiceError("ValidationException", `${count}: ${violations.join("; ")}`);
}

/** A value the service could not deserialize (wrong JSON type, unknown member), or a broken constraint at `path`. */
type Finding = { unreadable: string } | { path: Path; rule: string };

/**
 * The sandbox's own reading of zod's issues (rather than the tool's wording in
 * operation/validate.ts): it needs the path and the bare rule, which AWS's wording is built from.
 * Rules: `required`, `min 1`, `max 128`, `pattern …`, `no "aws:" prefix`, `enum A, B`, `key <rule>`.
 */
function findings(inputShape: string, issues: readonly Issue[], base: Path): Finding[] {
  const out: Finding[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    const input = (issue as { input?: unknown }).input;
    const unreadable = (what: string) => out.push({ unreadable: `${fieldPath(inputShape, path)}: ${what}` });
    switch (issue.code) {
      case "invalid_type":
        if (input === undefined) out.push({ path, rule: "required" });
        else unreadable(`must be ${expectedNames[issue.expected] ?? issue.expected}, got ${typeName(input)} ${show(input)}`);
        break;
      case "unrecognized_keys": {
        const s = shapeAt(inputShape, path);
        const valid = s?.type === "structure" ? Object.keys(s.members).join(", ") : "";
        for (const key of issue.keys)
          out.push({ unreadable: `${fieldPath(inputShape, [...path, key])}: is not a known key; valid keys here: ${valid}` });
        break;
      }
      case "invalid_value":
        // An enum: a value that is not even a string cannot be read into one.
        if (typeof input !== "string") unreadable(`must be a string, got ${typeName(input)} ${show(input)}`);
        else out.push({ path, rule: `enum ${issue.values.join(", ")}` });
        break;
      case "too_small":
      case "too_big":
        out.push({
          path,
          rule: `${issue.code === "too_small" ? "min" : "max"} ${issue.code === "too_small" ? issue.minimum : issue.maximum}`,
        });
        break;
      case "invalid_format":
        // schema.ts words a check's error as the rule the model states: the pattern, or `no "aws:" prefix`.
        out.push({ path, rule: issue.message.startsWith("no ") ? issue.message : `pattern ${issue.message}` });
        break;
      case "invalid_key":
        // The path ends at the offending key.
        for (const inner of findings(inputShape, issue.issues, path))
          out.push("rule" in inner ? { path, rule: `key ${inner.rule}` } : inner);
        break;
      default:
        out.push({ path, rule: issue.message });
    }
  }
  return out;
}

/** `CognitoIdentityProviders[0].ClientId`, `RoleMappings["graph.facebook.com"].Type`: for messages about unreadable values. */
function fieldPath(inputShape: string, path: Path): string {
  let out = "";
  path.forEach((part, i) => {
    if (typeof part === "number") out += `[${part}]`;
    else if (isMapKey(inputShape, path.slice(0, i + 1))) out += `[${quote(String(part))}]`;
    else out += `${out ? "." : ""}${quote(String(part)).slice(1, -1)}`;
  });
  return out || "(request)";
}

function isMapKey(inputShape: string, path: Path): boolean {
  return path.length > 1 && shapeAt(inputShape, path.slice(0, -1))?.type === "map";
}

/**
 * One constraint failure in AWS's words: `Value 'x!' at 'identityPoolName' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+`. Paths are
 * lower-camel member names with 1-based `N.member` list steps; a map's keys and scalar values are
 * reported at the map, as AWS does. Inside a structure that is a map's value (RoleMappings), the
 * path goes on through the key as written (`roleMappings.graph.facebook.com.type`): no AWS sample
 * of that case was found, so this form is the sandbox's own.
 */
function violation(inputShape: string, body: unknown, issuePath: Path, rule: string): string {
  const parentIsMap = isMapKey(inputShape, issuePath);
  const keyRule = /^key (.*)$/s.exec(rule);
  let constraint = memberConstraint(keyRule ? keyRule[1]! : rule, keyRule ? undefined : valueAt(body, issuePath));
  if (keyRule) constraint = `Map keys must satisfy constraint: [${constraint}]`;
  else if (parentIsMap) constraint = `Map value must satisfy constraint: [${constraint}]`;
  const at = parentIsMap ? issuePath.slice(0, -1) : issuePath;
  const value = valueAt(body, at);
  const shown = value === undefined ? "null" : `'${javaString(value)}'`;
  return `Value ${shown} at '${awsPath(inputShape, at)}' failed to satisfy constraint: ${constraint}`;
}

/** AWS's phrase for a rule (`required`, `max 128`, `pattern …`, `no "aws:" prefix`, `enum A, B`). */
function memberConstraint(rule: string, value: unknown): string {
  if (rule === "required") return "Member must not be null";
  const bound = /^(min|max) (\d+)$/.exec(rule);
  if (bound)
    return `Member must have ${typeof value === "number" ? "value" : "length"} ${bound[1] === "min" ? "greater" : "less"} than or equal to ${bound[2]}`;
  const pattern = /^pattern (.*)$/s.exec(rule);
  if (pattern) return `Member must satisfy regular expression pattern: ${pattern[1]}`;
  const prefix = /^no "(.*)" prefix$/.exec(rule);
  if (prefix) return `Member must not begin with '${prefix[1]}', a prefix reserved for AWS`;
  const values = /^enum (.*)$/.exec(rule);
  if (values) return `Member must satisfy enum value set: [${values[1]}]`;
  return `Member must satisfy ${rule}`;
}

function awsPath(inputShape: string, path: Path): string {
  return path
    .map((part, i) => {
      if (typeof part === "number") return `${part + 1}.member`;
      return isMapKey(inputShape, path.slice(0, i + 1)) ? String(part) : String(part).replace(/^./, (c) => c.toLowerCase());
    })
    .join(".");
}

function valueAt(body: unknown, path: Path): unknown {
  let value = body;
  for (const part of path) value = value === null || typeof value !== "object" ? undefined : (value as Record<PropertyKey, unknown>)[part];
  return value;
}

/** Values as AWS's (Java) messages print them: `[a, b]`, `{key=value}`. */
function javaString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaString).join(", ")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javaString(v)}`)
      .join(", ")}}`;
  return String(value);
}
