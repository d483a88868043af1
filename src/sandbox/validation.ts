/**
 * Checks an operation's input against the service model (modelSchema, which carries every
 * model constraint and the limits AWS documents elsewhere) and words the failures as the
 * service does.
 *
 * Which error type: the service deserializes before it validates, so a value of the wrong JSON
 * type is a `SerializationException`; so is a member the model does not have (AWS may ignore
 * one, but silently dropping a misspelt member would hide the mistake from the person learning
 * the API). A value that breaks a constraint is a `ValidationException` in the words of AWS's
 * request validator: that is what Cognito Identity really answers (moto issue #1979 quotes AWS;
 * the AWS SDK for Android logs `Error Code: ValidationException` for a bad `identityPoolId`),
 * although the model's error lists name only `InvalidParameterException`.
 */
import { z } from "zod";
import { model, shapeAt } from "../operation/model.js";
import { modelSchema } from "../operation/schema.js";
import { problemsFromIssues } from "../operation/validate.js";
import { formatProblem, type Problem } from "../operation/problems.js";
import { ServiceError } from "./service-error.js";

type Path = readonly PropertyKey[];

const schemas = new Map<string, z.ZodType>();

/** The input of `operationName`, checked; throws a ServiceError naming every problem. */
export function validateInput(operationName: string, body: unknown): unknown {
  const inputShape = model.operations[operationName]!.input;
  let schema = schemas.get(inputShape);
  if (!schema) schemas.set(inputShape, (schema = modelSchema(inputShape)));
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;

  const unreadable: Problem[] = [];
  const violations: string[] = [];
  // One issue at a time, so each problem keeps the path and value AWS's wording needs.
  for (const issue of result.error.issues) {
    for (const problem of problemsFromIssues([issue], inputShape)) {
      if (problem.rule.startsWith("type ") || problem.rule === "unknown key") unreadable.push(problem);
      else violations.push(violation(inputShape, body, issue.path, problem.rule));
    }
  }
  if (unreadable.length) throw new ServiceError("SerializationException", `Cannot read the request: ${unreadable.map(formatProblem).join("; ")}`);
  const count = `${violations.length} validation error${violations.length === 1 ? "" : "s"} detected`;
  throw new ServiceError("ValidationException", `${count}: ${violations.join("; ")}`);
}

/**
 * One constraint failure in AWS's words: `Value 'x!' at 'identityPoolName' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+`. Paths are
 * lower-camel member names with 1-based `N.member` list steps; a map's keys and values are
 * reported at the map, as AWS does.
 */
function violation(inputShape: string, body: unknown, issuePath: Path, rule: string): string {
  const parentIsMap = issuePath.length > 0 && shapeAt(inputShape, issuePath.slice(0, -1))?.type === "map";
  const keyRule = /^key (.*)$/s.exec(rule);
  let constraint = memberConstraint(keyRule ? keyRule[1]! : rule, keyRule ? undefined : valueAt(body, issuePath));
  if (keyRule) constraint = `Map keys must satisfy constraint: [${constraint}]`;
  else if (parentIsMap) constraint = `Map value must satisfy constraint: [${constraint}]`;
  const at = parentIsMap ? issuePath.slice(0, -1) : issuePath;
  const value = valueAt(body, at);
  const shown = value === undefined ? "null" : `'${javaString(value)}'`;
  return `Value ${shown} at '${awsPath(at)}' failed to satisfy constraint: ${constraint}`;
}

/** AWS's phrase for a rule as validate.ts names it (`required`, `maxLength 128`, `pattern …`, `no "aws:" prefix`). */
function memberConstraint(rule: string, value: unknown): string {
  if (rule === "required") return "Member must not be null";
  const bound = /^(min|max)[A-Za-z]* (\d+)$/.exec(rule);
  if (bound) return `Member must have ${typeof value === "number" ? "value" : "length"} ${bound[1] === "min" ? "greater" : "less"} than or equal to ${bound[2]}`;
  const pattern = /^pattern (.*)$/s.exec(rule);
  if (pattern) return `Member must satisfy regular expression pattern: ${pattern[1]}`;
  const prefix = /^no "(.*)" prefix$/.exec(rule);
  if (prefix) return `Member must not begin with '${prefix[1]}', a prefix reserved for AWS`;
  return `Member must satisfy ${rule}`;
}

function awsPath(path: Path): string {
  return path.map((part) => (typeof part === "number" ? `${part + 1}.member` : String(part).replace(/^./, (c) => c.toLowerCase()))).join(".");
}

function valueAt(body: unknown, path: Path): unknown {
  let value = body;
  for (const part of path) value = value === null || typeof value !== "object" ? undefined : (value as Record<PropertyKey, unknown>)[part];
  return value;
}

/** Values as AWS's (Java) messages print them: `[a, b]`, `{key=value}`. */
function javaString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaString).join(", ")}]`;
  if (value !== null && typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${k}=${javaString(v)}`).join(", ")}}`;
  return String(value);
}
