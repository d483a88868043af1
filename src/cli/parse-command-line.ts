/**
 * The tool's `cliArgs`: an `aws cognito-identity create-identity-pool` command line, read as
 * the AWS CLI v1 reads it. Global options are taken from the whole line first, then the
 * operation's parameters; every value is turned into its API value (shorthand, JSON, files).
 * What the CLI refuses before sending is refused here, all problems at once; required
 * parameters and the model's constraints are left to the operation's validation, which
 * sees the request merged with --cli-input-json.
 */
import { split } from "shlex";
import { excerpt, InputError, quote, type Problem } from "../operation/problems.js";
import { scanOptions, type Arg, type Leftover, type OptionMatch, type OptionSpec } from "./argv.js";
import { createFileReader, type FileReader } from "./files.js";
import { GLOBAL_OPTION_SPECS, readGlobalOptions, SUPPORTED_GLOBAL_FLAGS, VERSION_SPEC, type GlobalOptions } from "./global-options.js";
import { readInputDocument } from "./input-document.js";
import { negativeFlag, operationParameters, optionSpecsOf, unpackParameter, type OperationParameter } from "./operation-parameters.js";

export { createFileReader } from "./files.js";
export type { FileReader } from "./files.js";
export type { GlobalOptions } from "./global-options.js";

export interface ParsedCommandLine {
  /** Operation parameters given explicitly, under API names, as API values. */
  params: Record<string, unknown>;
  options: GlobalOptions;
  /** Present when files were read: the file of each parameter read (wholly or in part) from one, and of --cli-input-json. */
  readFrom?: FilesRead;
}

export interface FilesRead {
  params: Record<string, string>;
  cliInputJson?: string;
}

export type ParseResult = { ok: true; value: ParsedCommandLine } | { ok: false; problems: Problem[] };

const SERVICE = "cognito-identity";
const OPERATION = "create-identity-pool";

// Arguments the CLI adds to every operation, after the model's.
const CLI_INPUT_JSON: OptionSpec = { flag: "--cli-input-json", arity: "one" };
const GENERATE_CLI_SKELETON: OptionSpec = { flag: "--generate-cli-skeleton", arity: "optional", choices: ["input", "output"], bareValue: "input" };
const OPERATION_SPECS: readonly OptionSpec[] = [...operationParameters.flatMap(optionSpecsOf), CLI_INPUT_JSON, GENERATE_CLI_SKELETON];

const ALL_FLAGS = [...OPERATION_SPECS.map((s) => s.flag), ...SUPPORTED_GLOBAL_FLAGS];

export function parseCommandLine(input: string | string[], readFile: FileReader = createFileReader(undefined)): ParseResult {
  const problems: Problem[] = [];
  const words = splitWords(input, problems);
  if (!words) return { ok: false, problems };

  const line = words[0] === "aws" ? words.slice(1) : words;
  const globals = scanOptions(
    line,
    line.map((token, position) => ({ token, position })),
    GLOBAL_OPTION_SPECS,
    VERSION_SPEC,
  );
  problems.push(...globals.problems);
  // argparse acts on --version as soon as it reaches it: nothing after it is looked at.
  if (globals.stopped) return problems.length ? { ok: false, problems } : { ok: true, value: { params: {}, options: { version: true } } };
  const options = readGlobalOptions(globals.matches, problems);

  const operationArgs = withoutCommandWords(globals.leftovers, problems);
  if (!operationArgs) return { ok: false, problems };
  const operation = scanOptions(line, operationArgs, OPERATION_SPECS);
  problems.push(...operation.problems, ...leftoverProblems(operation.leftovers));

  const params: Record<string, unknown> = {};
  const readFrom: FilesRead = { params: {} };
  for (const parameter of operationParameters) {
    const given = givenValue(parameter, operation.matches);
    if (given === undefined) continue;
    if (typeof given === "boolean") {
      params[parameter.apiName] = given;
      continue;
    }
    try {
      const { value, file } = unpackParameter(parameter, given, readFile);
      params[parameter.apiName] = value;
      if (file !== undefined) readFrom.params[parameter.apiName] = file;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }

  const skeleton = lastValues(operation.matches, GENERATE_CLI_SKELETON)?.[0];
  if (skeleton !== undefined) options.generateCliSkeleton = skeleton as "input" | "output";
  const inputJson = lastValues(operation.matches, CLI_INPUT_JSON)?.[0];
  if (inputJson !== undefined) {
    const read = readInputDocument(inputJson, readFile, `cliArgs ${CLI_INPUT_JSON.flag}`);
    if (read.ok) {
      options.cliInputJson = read.text;
      readFrom.cliInputJson = read.file;
    } else problems.push(...read.problems);
  }

  if (problems.length) return { ok: false, problems };
  const anyFile = readFrom.cliInputJson !== undefined || Object.keys(readFrom.params).length > 0;
  return { ok: true, value: { params, options, ...(anyFile && { readFrom }) } };
}

/** A string is split as a POSIX shell splits words (quotes removed, `\` + newline joins lines). */
function splitWords(input: string | string[], problems: Problem[]): string[] | undefined {
  if (Array.isArray(input)) return [...input];
  try {
    return split(input.replace(/\r\n/g, "\n"));
  } catch (error) {
    problems.push({ field: "cliArgs", rule: "shell syntax", message: `cannot be split into words as a POSIX shell would: ${(error as Error).message}` });
    return undefined;
  }
}

/**
 * Takes out `cognito-identity create-identity-pool` (the CLI's first two positional words).
 * They may be left out; a line starting with other words is another command.
 */
function withoutCommandWords(leftovers: readonly Leftover[], problems: Problem[]): Arg[] | undefined {
  const end = leftovers.findIndex((l) => l.kind === "separator");
  const words = leftovers.filter((l, i) => l.kind === "value" && (end === -1 || i < end));
  const [service, operation] = words;
  const args = leftovers.map(({ token, position }) => ({ token, position }));
  if (service?.token === SERVICE && operation?.token === OPERATION) return args.filter((a) => a.position !== service.position && a.position !== operation.position);
  if (service && (service.token === SERVICE || service === leftovers[0])) {
    const got = [service.token, operation?.token].filter((w) => w !== undefined).map((w) => excerpt(w)).join(" ");
    problems.push({ field: "cliArgs", rule: "command", message: `this tool runs only \`aws ${SERVICE} ${OPERATION}\` (the command words may be left out); the line names \`${got}\`` });
    return undefined;
  }
  return args;
}

/** A flag pair gives true or false, the last one winning; other parameters give their last value(s). */
function givenValue(parameter: OperationParameter, matches: readonly OptionMatch[]): boolean | string | string[] | undefined {
  let given: boolean | string | string[] | undefined;
  for (const { spec, values } of matches) {
    if (parameter.shape.type === "boolean") {
      if (spec.flag === parameter.flag) given = true;
      else if (spec.flag === negativeFlag(parameter)) given = false;
    } else if (spec.flag === parameter.flag) given = parameter.shape.type === "list" ? values : values[0];
  }
  return given;
}

function lastValues(matches: readonly OptionMatch[], spec: OptionSpec): string[] | undefined {
  return matches.filter((m) => m.spec === spec).at(-1)?.values;
}

function leftoverProblems(leftovers: readonly Leftover[]): Problem[] {
  const problems: Problem[] = [];
  for (const { token, kind, follows } of leftovers) {
    if (kind === "option") {
      const name = token.split("=")[0]!;
      const suggestion = closestFlag(name);
      problems.push({
        field: "cliArgs",
        rule: "unknown parameter",
        message: `unknown parameter ${excerpt(name)}${suggestion ? ` (did you mean ${suggestion}?)` : ""}; valid ones: ${ALL_FLAGS.join(", ")}`,
      });
    } else if (kind === "value") {
      problems.push({ field: "cliArgs", rule: "unexpected value", message: `unexpected value ${quote(token)}: no parameter takes it here${followHint(follows)}` });
    }
  }
  return problems;
}

function followHint(follows: OptionSpec | undefined): string {
  if (!follows) return "";
  if (follows.arity === "none") return ` (${follows.flag} is a flag and takes no value)`;
  if (follows.arity === "one") return ` (${follows.flag} takes one value: quote a value containing spaces, and join map entries with commas, K1=v1,K2=v2)`;
  return ` (${follows.flag} takes at most one value)`;
}

/** The known flag nearest to a mistyped one, when it is near enough to be a typo. */
function closestFlag(name: string): string | undefined {
  const nearEnough = Math.max(2, Math.floor(name.length / 5));
  let best: { flag: string; distance: number } | undefined;
  for (const flag of ALL_FLAGS) {
    // The distance is at least the difference in length: a 1 MB word is never compared.
    if (Math.abs(name.length - flag.length) > nearEnough) continue;
    const distance = editDistance(name, flag);
    if (!best || distance < best.distance) best = { flag, distance };
  }
  return best && best.distance <= nearEnough ? best.flag : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
