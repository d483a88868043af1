/**
 * The operation's parameters as the AWS CLI exposes them, derived from the service model:
 * CLI names by botocore's xform_name, and each value turned into its API value the way
 * the CLI does it (paramfile, then shorthand or JSON, then boolean coercion), ending with
 * botocore's type check.
 */
import { shape, xformName, type Operation, type Shape } from "../operation/model.js";
import { excerpt, InputError, quote, type Problem } from "../operation/problems.js";
import { pythonInt } from "./global-options.js";
import type { OptionSpec } from "./argv.js";
import type { FileReader } from "./files.js";
import { JsonSyntaxError, parseJson } from "./json-text.js";
import { parseShorthand, ShorthandSyntaxError, type ShorthandValue } from "./shorthand.js";
import { hasOwn, pythonStrip, pythonStripStart, setOwn, type TextSyntaxError } from "./text.js";
import { checkTypes } from "./type-check.js";
import { isJsonObject } from "../operation/json-object.js";

export interface OperationParameter {
  apiName: string;
  /** `--identity-pool-name`. */
  flag: string;
  shapeName: string;
  shape: Shape;
}

const parametersByOperation = new Map<string, readonly OperationParameter[]>();

/** The operation's parameters in model order, as the CLI names them. */
export function operationParameters(operation: Operation): readonly OperationParameter[] {
  let found = parametersByOperation.get(operation.name);
  if (!found) {
    found = Object.entries(operation.input.members).map(([apiName, ref]) => ({
      apiName,
      flag: `--${xformName(apiName)}`,
      shapeName: ref.shape,
      shape: shape(ref.shape),
    }));
    parametersByOperation.set(operation.name, found);
  }
  return found;
}

/** The argparse options of a parameter: a boolean is a pair of flags, a list takes any number of values. */
export function optionSpecsOf(parameter: OperationParameter): OptionSpec[] {
  if (parameter.shape.type === "boolean")
    return [
      { flag: parameter.flag, arity: "none" },
      { flag: negativeFlag(parameter), arity: "none" },
    ];
  return [{ flag: parameter.flag, arity: parameter.shape.type === "list" ? "any" : "one" }];
}

export function negativeFlag(parameter: OperationParameter): string {
  return `--no-${parameter.flag.slice(2)}`;
}

/** The shorthand form the CLI's help shows for a parameter, derived from the model. */
function shorthandExample(parameter: OperationParameter): string {
  const target = parameter.shape.type === "list" ? shape(parameter.shape.member.shape) : parameter.shape;
  if (target.type === "map") return `KeyName1=${shape(target.value.shape).type},KeyName2=${shape(target.value.shape).type}`;
  if (target.type === "structure")
    return Object.entries(target.members)
      .map(([name, ref]) => `${name}=${shape(ref.shape).type}`)
      .join(",");
  return target.type;
}

const FILE_TEXT = "file://";
const FILE_BYTES = "fileb://";
const URL_PREFIXES = ["http://", "https://"];

/** The CLI's test for JSON: after whitespace, the value starts with `{` or `[`. */
function looksLikeJson(text: string): boolean {
  return /^[[{]/.test(pythonStrip(text));
}

/** The steps that read one parameter's value, each refusing with the parameter as the problem's field. */
class ValueReader {
  readonly field: string;
  /** The first file read for this value: once set, problems describe the value without quoting it. */
  file?: string;

  constructor(
    readonly parameter: OperationParameter,
    private readonly fileReader: FileReader,
  ) {
    this.field = `cliArgs ${parameter.flag}`;
  }

  refuse(rule: string, message: string): never {
    throw new InputError([{ field: this.field, rule, message }]);
  }

  readFile(uri: string): string {
    if (uri.startsWith(FILE_BYTES))
      this.refuse(
        "type",
        `${excerpt(uri)}: fileb:// gives the file's raw bytes, which ${this.parameter.flag} does not take (the AWS CLI refuses them); use file:// for text`,
      );
    try {
      const text = this.fileReader(uri);
      this.file ??= uri;
      return text;
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.problems.map((p) => ({ ...p, field: this.field })));
      throw error;
    }
  }

  json(text: string, what: string): unknown {
    try {
      return parseJson(text);
    } catch (error) {
      if (error instanceof JsonSyntaxError) this.refuse("JSON syntax", `${what} is not valid JSON: ${this.described(error)}`);
      throw error;
    }
  }

  shorthand(text: string, what: string): ShorthandValue {
    try {
      return parseShorthand(text, (uri) => this.readFile(uri));
    } catch (error) {
      if (error instanceof ShorthandSyntaxError)
        this.refuse(
          "shorthand syntax",
          `${what} is not valid shorthand (${shorthandExample(this.parameter)}; JSON would start with "{" or "["): ${this.described(error)}`,
        );
      throw error;
    }
  }

  /** A syntax error's message, without the excerpt once a file was read: it could be the file's. */
  private described(error: TextSyntaxError): string {
    return this.file === undefined ? error.message : error.withoutText;
  }

  /** botocore's type check of the finished value. */
  typed(value: unknown): unknown {
    const issues = checkTypes(value, this.parameter.shapeName, this.parameter.apiName, this.file);
    if (issues.length) throw new InputError(issues.map((i) => ({ field: this.field, rule: i.kind, message: i.message })));
    return value;
  }

  coerced(value: unknown): unknown {
    return coerce(value, this.parameter.shapeName, true);
  }
}

/** A parameter's API value, and the first file read for it (the whole value, or a shorthand `key@=file://…`). */
export interface UnpackedParameter {
  value: unknown;
  file?: string;
}

/**
 * Turns the command-line value(s) of one parameter into its API value. `raw` is a string for
 * single-value parameters and the list of argv items for list parameters. Throws InputError.
 */
export function unpackParameter(parameter: OperationParameter, raw: string | string[], readFile: FileReader): UnpackedParameter {
  const reader = new ValueReader(parameter, readFile);
  return { value: apiValue(reader, raw), file: reader.file };
}

function apiValue(reader: ValueReader, raw: string | string[]): unknown {
  const { parameter } = reader;
  // The CLI's paramfile step: a single value naming a file (or URL) is replaced by its contents.
  const single = typeof raw === "string" ? raw : raw.length === 1 ? raw[0]! : undefined;
  if (single !== undefined && URL_PREFIXES.some((prefix) => single.startsWith(prefix)))
    reader.refuse(
      "url access",
      `${excerpt(single)}: the AWS CLI v1 would download this URL and use what it returns as the value, the AWS CLI v2 would take it literally as the value; this server fetches no URLs and, as the line may mean either, refuses it: give the value itself (or in --cli-input-json/--cli-input-yaml)`,
    );
  const file = single !== undefined && (single.startsWith(FILE_TEXT) || single.startsWith(FILE_BYTES)) ? single : undefined;
  const value = file === undefined ? raw : reader.readFile(file);

  switch (parameter.shape.type) {
    case "string":
      return value;
    case "integer":
      // botocore's unpack_cli_arg: int(value), as Python reads a whole number.
      if (!pythonInt.test(value as string))
        reader.refuse(
          "type",
          `${parameter.flag} takes a whole number, got ${file === undefined ? quote(value as string) : `the contents of ${file}`}`,
        );
      return Number((value as string).replace(/_/g, ""));
    case "map":
      return mapValue(reader, value as string, file ?? "the value");
    case "list":
      return file === undefined ? listFromArguments(reader, value as string[]) : listFromFile(reader, value as string, file);
    default:
      throw new Error(`${parameter.apiName}: no command-line form for ${parameter.shape.type} parameters`);
  }
}

function mapValue(reader: ValueReader, text: string, what: string): unknown {
  if (!looksLikeJson(text)) return reader.typed(reader.coerced(reader.shorthand(text, what)));
  if (pythonStripStart(text).startsWith("{")) return reader.typed(reader.json(text, what));
  return reader.refuse(
    "type",
    `${reader.parameter.flag} takes a JSON object ({"key": "value"}) or shorthand (${shorthandExample(reader.parameter)}); ${what} is a JSON list`,
  );
}

/** A file's contents given to a list parameter: the CLI takes them as a list only when they start with "[". */
function listFromFile(reader: ValueReader, text: string, file: string): unknown {
  const { parameter } = reader;
  const ofStructures = memberTypeOf(parameter) === "structure";
  const start = pythonStripStart(text).charAt(0);
  if (start === "[") return reader.typed(reader.json(text, file));
  // Shorthand makes one structure, not a list: the type check says so.
  if (ofStructures && start !== "{") return reader.typed(reader.coerced(reader.shorthand(text, file)));
  return reader.refuse(
    "type",
    `${file} must hold a JSON list such as ${ofStructures ? "[{...}]" : '["..."]'}: the AWS CLI reads a file given to ${parameter.flag} as a list only when its contents start with "["`,
  );
}

/** A list parameter's argv items: one JSON list, or one item per element (shorthand or JSON for structures). */
function listFromArguments(reader: ValueReader, items: string[]): unknown {
  const first = items[0];
  if (first === undefined) return [];
  if (items.length === 1 && pythonStrip(first).startsWith("[")) return reader.typed(reader.json(first, "the value"));
  if (memberTypeOf(reader.parameter) !== "structure") return items;
  if (!looksLikeJson(first))
    return reader.typed(reader.coerced(collect(items.map((item, i) => () => reader.shorthand(item, `item ${i + 1}`)))));
  return reader.typed(
    collect(
      items.map((item, i) => () => {
        if (!pythonStripStart(item).startsWith("{"))
          reader.refuse(
            "JSON syntax",
            `item ${i + 1} is not a JSON object; when the first item of ${reader.parameter.flag} is JSON, every item must be a JSON object`,
          );
        return reader.json(item, `item ${i + 1}`);
      }),
    ),
  );
}

function memberTypeOf(parameter: OperationParameter): Shape["type"] | undefined {
  return parameter.shape.type === "list" ? shape(parameter.shape.member.shape).type : undefined;
}

/** Runs every step, so that each broken item is reported, not only the first. */
function collect<T>(steps: (() => T)[]): T[] {
  const problems: Problem[] = [];
  const results: T[] = [];
  for (const step of steps) {
    try {
      results.push(step());
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new InputError(problems);
  return results;
}

/**
 * The CLI's BackCompatVisitor: shorthand gives only strings, so booleans are made from
 * "true"/"false" (any case; other words stay strings and fail the type check), and a
 * single value where the model has a nested list becomes a one-item list. At the top
 * the CLI's visitor cannot replace the value, so a lone structure stays one.
 */
function coerce(value: unknown, shapeName: string, top = false): unknown {
  const model = shape(shapeName);
  switch (model.type) {
    case "boolean": {
      const word = typeof value === "string" ? value.toLowerCase() : undefined;
      return word === "true" ? true : word === "false" ? false : value;
    }
    case "list":
      if (Array.isArray(value)) return value.map((item) => coerce(item, model.member.shape));
      return top || value === undefined ? value : [value];
    case "map":
      if (!isJsonObject(value)) return value;
      for (const key of Object.keys(value)) setOwn(value, key, coerce(value[key], model.value.shape));
      return value;
    case "structure":
      if (!isJsonObject(value)) return value;
      for (const [member, ref] of Object.entries(model.members))
        if (hasOwn(value, member)) value[member] = coerce(value[member], ref.shape);
      return value;
    default:
      return value;
  }
}
