/**
 * A tool's `cliArgs`: an `aws cognito-identity <command>` command line, read as
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
import { pythonInt } from "./global-options.js";
import type { Operation } from "../operation/model.js";
import { failed, ok, type Result } from "../operation/types.js";

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
  cliInputYaml?: string;
}

export type ParseResult = Result<ParsedCommandLine, Problem[]>;

const SERVICE = "cognito-identity";

// Arguments the CLI adds to every operation, after the model's.
const CLI_INPUT_JSON: OptionSpec = { flag: "--cli-input-json", arity: "one" };
// The AWS CLI v2's.
const CLI_INPUT_YAML: OptionSpec = { flag: "--cli-input-yaml", arity: "one" };
const GENERATE_CLI_SKELETON: OptionSpec = {
  flag: "--generate-cli-skeleton",
  arity: "optional",
  choices: ["input", "output", "yaml-input"],
  bareValue: "input",
};
// And to operations botocore can page, with what each becomes.
const PAGING: readonly { spec: OptionSpec; option: "startingToken" | "pageSize" | "maxItems" }[] = [
  { spec: { flag: "--starting-token", arity: "one" }, option: "startingToken" },
  { spec: { flag: "--page-size", arity: "one" }, option: "pageSize" },
  { spec: { flag: "--max-items", arity: "one" }, option: "maxItems" },
];

interface CommandSpecs {
  operationSpecs: readonly OptionSpec[];
  allFlags: readonly string[];
}

const specsByOperation = new Map<string, CommandSpecs>();

function commandSpecs(operation: Operation): CommandSpecs {
  let found = specsByOperation.get(operation.name);
  if (!found) {
    const operationSpecs = [
      ...operationParameters(operation).flatMap(optionSpecsOf),
      CLI_INPUT_JSON,
      CLI_INPUT_YAML,
      GENERATE_CLI_SKELETON,
      ...(operation.paginator ? PAGING.map((p) => p.spec) : []),
    ];
    found = { operationSpecs, allFlags: [...operationSpecs.map((s) => s.flag), ...SUPPORTED_GLOBAL_FLAGS] };
    specsByOperation.set(operation.name, found);
  }
  return found;
}

export async function parseCommandLine(
  operation: Operation,
  input: string | string[],
  readFile: FileReader = createFileReader(undefined),
): Promise<ParseResult> {
  const problems: Problem[] = [];
  const { operationSpecs, allFlags } = commandSpecs(operation);
  const words = splitWords(input, problems);
  if (!words) return failed(problems);

  const line = words[0] === "aws" ? words.slice(1) : words;
  const globals = scanOptions(
    line,
    line.map((token, position) => ({ token, position })),
    GLOBAL_OPTION_SPECS,
    VERSION_SPEC,
  );
  problems.push(...globals.problems);
  // argparse acts on --version as soon as it reaches it: nothing after it is looked at.
  if (globals.stopped) return problems.length ? failed(problems) : ok({ params: {}, options: { version: true } });
  const options = readGlobalOptions(globals.matches, problems);

  const operationArgs = withoutCommandWords(operation.command, globals.leftovers, problems);
  if (!operationArgs) return failed(problems);
  const scanned = scanOptions(line, operationArgs, operationSpecs);
  problems.push(...scanned.problems, ...leftoverProblems(scanned.leftovers, allFlags));

  const params: Record<string, unknown> = {};
  const readFrom: FilesRead = { params: {} };
  for (const parameter of operationParameters(operation)) {
    const given = givenValue(parameter, scanned.matches);
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

  for (const { spec, option } of PAGING) {
    const given = lastValues(scanned.matches, spec)?.[0];
    if (given === undefined) continue;
    if (option === "startingToken") options.startingToken = given;
    else if (pythonInt.test(given)) options[option] = Number(given.replace(/_/g, ""));
    else problems.push({ field: `cliArgs ${spec.flag}`, rule: "type", message: `${spec.flag} takes a whole number, got ${quote(given)}` });
  }

  const skeleton = lastValues(scanned.matches, GENERATE_CLI_SKELETON)?.[0];
  if (skeleton !== undefined) options.generateCliSkeleton = skeleton as GlobalOptions["generateCliSkeleton"];
  const inputJson = lastValues(scanned.matches, CLI_INPUT_JSON)?.[0];
  if (inputJson !== undefined) {
    const read = await readInputDocument(inputJson, readFile, `cliArgs ${CLI_INPUT_JSON.flag}`);
    if (read.ok) {
      options.cliInputJson = read.value.text;
      readFrom.cliInputJson = read.value.file;
    } else problems.push(...read.error);
  }
  const inputYaml = lastValues(scanned.matches, CLI_INPUT_YAML)?.[0];
  if (inputYaml !== undefined) {
    const read = await readInputDocument(inputYaml, readFile, `cliArgs ${CLI_INPUT_YAML.flag}`, "yaml");
    if (read.ok) {
      options.cliInputYaml = read.value.text;
      readFrom.cliInputYaml = read.value.file;
    } else problems.push(...read.error);
  }

  if (problems.length) return failed(problems);
  const anyFile = readFrom.cliInputJson !== undefined || readFrom.cliInputYaml !== undefined || Object.keys(readFrom.params).length > 0;
  return ok({ params, options, ...(anyFile && { readFrom }) });
}

/** A string is split as a POSIX shell splits words (quotes removed, `\` + newline joins lines). */
function splitWords(input: string | string[], problems: Problem[]): string[] | undefined {
  if (Array.isArray(input)) return [...input];
  try {
    return split(input.replace(/\r\n/g, "\n"));
  } catch (error) {
    problems.push({
      field: "cliArgs",
      rule: "shell syntax",
      message: `cannot be split into words as a POSIX shell would: ${(error as Error).message}`,
    });
    return undefined;
  }
}

/**
 * Takes out `cognito-identity <command>` (the CLI's first two positional words). They may be
 * left out; a line starting with other words is another command.
 */
function withoutCommandWords(command: string, leftovers: readonly Leftover[], problems: Problem[]): Arg[] | undefined {
  const end = leftovers.findIndex((l) => l.kind === "separator");
  const words = leftovers.filter((l, i) => l.kind === "value" && (end === -1 || i < end));
  const [service, named] = words;
  const args = leftovers.map(({ token, position }) => ({ token, position }));
  if (service?.token === SERVICE && named?.token === command)
    return args.filter((a) => a.position !== service.position && a.position !== named.position);
  if (service && (service.token === SERVICE || service === leftovers[0])) {
    const got = [service.token, named?.token]
      .filter((w) => w !== undefined)
      .map((w) => excerpt(w))
      .join(" ");
    problems.push({
      field: "cliArgs",
      rule: "command",
      message: `this tool runs only \`aws ${SERVICE} ${command}\` (the command words may be left out); the line names \`${got}\``,
    });
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

function leftoverProblems(leftovers: readonly Leftover[], allFlags: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const { token, kind, follows } of leftovers) {
    if (kind === "option") {
      const name = token.split("=")[0]!;
      const suggestion = closestFlag(name, allFlags);
      problems.push({
        field: "cliArgs",
        rule: "unknown parameter",
        message: `unknown parameter ${excerpt(name)}${suggestion ? ` (did you mean ${suggestion}?)` : ""}; valid ones: ${allFlags.join(", ")}`,
      });
    } else if (kind === "value") {
      problems.push({
        field: "cliArgs",
        rule: "unexpected value",
        message: `unexpected value ${quote(token)}: no parameter takes it here${followHint(follows)}`,
      });
    }
  }
  return problems;
}

function followHint(follows: OptionSpec | undefined): string {
  if (!follows) return "";
  if (follows.arity === "none") return ` (${follows.flag} is a flag and takes no value)`;
  if (follows.arity === "one")
    return ` (${follows.flag} takes one value: quote a value containing spaces, and join map entries with commas, K1=v1,K2=v2)`;
  return ` (${follows.flag} takes at most one value)`;
}

/** The known flag nearest to a mistyped one, when it is near enough to be a typo. */
function closestFlag(name: string, allFlags: readonly string[]): string | undefined {
  const nearEnough = Math.max(2, Math.floor(name.length / 5));
  let best: { flag: string; distance: number } | undefined;
  for (const flag of allFlags) {
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
