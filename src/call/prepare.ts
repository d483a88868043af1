/**
 * MCP arguments → a validated call of one tool's operation. Pure: no network, no credentials;
 * files are read only through the reader the operator configured. Every problem is collected
 * before anything is returned, so a caller sees them all at once. Asynchronous only to load the
 * libraries the call's options need (src/operation/libraries.ts).
 */
import type { Problem } from "../operation/problems.js";
import { operationOf, type Operation } from "../operation/model.js";
import { failed, ok, type Result } from "../operation/types.js";
import { requestSchema, argumentsShape } from "../operation/schema.js";
import { cliOptionNames, optionsShape, type CliOptions, type EffectOption, type ToolOptions } from "../operation/arguments.js";
import { problemsFromIssues } from "../operation/validate.js";
import { compileQuery, type CompiledQuery } from "../operation/query.js";
import { loadJmespath, loadYaml } from "../operation/libraries.js";
import { createFileReader, parseCommandLine, type FileReader, type FilesRead } from "../cli/parse-command-line.js";
import { parseInputDocument, readInputDocument } from "../cli/input-document.js";
import type { Paging } from "./pages.js";
import { z } from "zod";
import type { IfNameExists } from "../config.js";
import type { ToolContract } from "../tools/contract.js";
import { effectOf } from "../effects/index.js";

export type Mode = "call" | "skeleton-input" | "skeleton-output" | "version";

export interface PreparedCall {
  mode: Mode;
  /** The merged request, in model order: complete and valid for "call" and "skeleton-output"; only what was given for "skeleton-input". */
  request: Record<string, unknown>;
  options: CliOptions;
  query?: CompiledQuery;
  ifNameExists?: IfNameExists;
  dryRun?: boolean;
  /** The confirm code of a plan (--confirm-writes). */
  confirm?: string;
  /** Set when the call pages as the CLI does: every page, up to maxItems (see pages.ts). */
  paging?: Paging;
}

export type Prepared = Result<PreparedCall, Problem[]>;

/** What a tool's calls are checked against: its operation, and the options its effect brings. */
export interface CallShape {
  operation: Operation;
  effectOptions: readonly EffectOption[];
}

/** A tool's shape: its operation, and the options its effect brings (src/effects/). */
export function callShape(contract: ToolContract): CallShape {
  return { operation: operationOf(contract.operation), effectOptions: effectOf(contract.effect).options };
}

/** Where each top-level parameter came from, so a problem can say which input to fix. */
type Source = "arguments" | "cliArgs" | "cliInputJson" | "cliInputYaml";

/** A top-level parameter's source, and the file it was read from, if it was: problems then do not quote it. */
interface Origin {
  source: Source;
  file?: string;
}

const optionSchemas = new Map<string, z.ZodType>();

/** The options' schema, built once per tool shape. */
function optionsSchema({ operation, effectOptions }: CallShape): z.ZodType {
  const key = `${operation.name} ${effectOptions.join(" ")}`;
  let found = optionSchemas.get(key);
  if (!found) optionSchemas.set(key, (found = z.strictObject(optionsShape(operation, effectOptions))));
  return found;
}

export async function prepareCall(shape: CallShape, args: unknown, readFile: FileReader = createFileReader(undefined)): Promise<Prepared> {
  const { operation } = shape;
  const parameterNames = operation.inputMembers;
  if (args === undefined || args === null) args = {};
  if (typeof args !== "object" || Array.isArray(args))
    return failed([{ field: "(arguments)", rule: "type object", message: "the tool's arguments must be an object" }]);
  const given = args as Record<string, unknown>;
  const problems: Problem[] = [];

  const params: Record<string, unknown> = {};
  const rawOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    // defineProperty, not assignment: a key named "__proto__" must stay an (unknown) key.
    Object.defineProperty(parameterNames.includes(key) ? params : rawOptions, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const checked = optionsSchema(shape).safeParse(rawOptions, { reportInput: true });
  if (!checked.success)
    problems.push(
      ...problemsFromIssues(checked.error.issues, operation.inputShapeName, {
        validKeys: () => [...parameterNames, ...Object.keys(optionsShape(operation, shape.effectOptions))],
      }),
    );
  const toolOptions: ToolOptions = checked.success ? (checked.data as ToolOptions) : {};
  let options: CliOptions = toolOptions;
  let explicitSource: Source = "arguments";
  let readFrom: FilesRead = { params: {} };
  // A command line or document that could not be read may hold the required parameters: their
  // absence is then no news, and reporting it would only bury the real problem.
  let unreadInput = !checked.success && ("cliArgs" in rawOptions || "cliInputJson" in rawOptions || "cliInputYaml" in rawOptions);

  if (toolOptions.cliArgs !== undefined) {
    const mixed = [...Object.keys(params), ...cliOptionNames(operation).filter((k) => toolOptions[k] !== undefined)];
    if (mixed.length)
      problems.push({
        field: "cliArgs",
        rule: "exclusive",
        message: `cannot be combined with structured arguments (${mixed.join(", ")}); put everything in the command line, or leave cliArgs out`,
      });
    const parsed = await parseCommandLine(operation, toolOptions.cliArgs, readFile);
    if (!parsed.ok) {
      problems.push(...parsed.error);
      unreadInput = true;
    } else if (!mixed.length) {
      Object.assign(params, parsed.value.params);
      options = parsed.value.options;
      explicitSource = "cliArgs";
      readFrom = parsed.value.readFrom ?? readFrom;
    }
  }

  const origins: Record<string, Origin> = Object.fromEntries(
    Object.keys(params).map((k) => [k, { source: explicitSource, file: readFrom.params[k] }]),
  );
  let request: Record<string, unknown> = params;
  const documents = (["cliInputJson", "cliInputYaml"] as const).filter((key) => options[key] !== undefined);
  // v2's rule: "Only one --cli-input- parameter may be specified."
  if (documents.length > 1) {
    problems.push({
      field: explicitSource === "cliArgs" ? "cliArgs --cli-input-yaml" : "cliInputYaml",
      rule: "exclusive",
      message: "cannot be given with cliInputJson (--cli-input-json): the AWS CLI v2 takes only one --cli-input- parameter",
    });
    unreadInput = true;
  } else if (documents.length === 1) {
    const key = documents[0]!;
    const format = key === "cliInputJson" ? "json" : "yaml";
    const flag = key === "cliInputJson" ? "--cli-input-json" : "--cli-input-yaml";
    // From cliArgs the document was already read (its file:// resolved) by the parser: a text that
    // happens to start with file:// must not be read as a second file.
    const read =
      explicitSource === "cliArgs"
        ? await parseInputDocument(options[key]!, `cliArgs ${flag}`, readFrom[key], format)
        : await readInputDocument(options[key]!, readFile, key, format);
    if (!read.ok) {
      problems.push(...read.error);
      unreadInput = true;
    } else {
      const { document } = read.value;
      // The AWS CLI's rule: a parameter given explicitly replaces the document's top-level key whole.
      request = { ...document, ...params };
      for (const k of Object.keys(document)) origins[k] ??= { source: key, file: read.value.file };
    }
  }

  const paging = pagingOf(operation, params, options, problems);
  // --page-size is the limit of every request the CLI sends (a --max-results in the document is
  // replaced). On a command line without --cli-input-json, argparse still wants --max-results itself.
  const argparseRequires = explicitSource === "cliArgs" && documents.length === 0;
  if (paging && options.pageSize !== undefined && !argparseRequires) {
    request[operation.paginator!.limit_key] = options.pageSize;
    origins[operation.paginator!.limit_key] = { source: explicitSource };
  }

  const mode: Mode = options.version
    ? "version"
    : options.generateCliSkeleton === "input" || options.generateCliSkeleton === "yaml-input"
      ? "skeleton-input"
      : options.generateCliSkeleton === "output"
        ? "skeleton-output"
        : "call";

  // The input skeleton takes whatever is given so far; every other mode needs a complete, valid request.
  const schema = mode === "skeleton-input" || unreadInput ? partialRequestSchema(operation) : requestSchema(operation);
  if (mode !== "version") {
    const result = schema.safeParse(request, { reportInput: true });
    if (!result.success) {
      const fileOf = (path: readonly PropertyKey[]) => (path.length ? origins[String(path[0])]?.file : undefined);
      problems.push(
        ...problemsFromIssues(result.error.issues, operation.inputShapeName, { fileOf }).map((p) => {
          const top = p.field.split(/[.[ ]/)[0]!;
          const source = origins[top]?.source;
          return source && source !== "arguments" ? { ...p, message: `${p.message} (from ${source})` } : p;
        }),
      );
    }
  }

  let query: CompiledQuery | undefined;
  if (options.query !== undefined) {
    await loadJmespath();
    const compiled = compileQuery(options.query);
    if (compiled.ok) query = compiled.value;
    else problems.push(compiled.error);
  }

  if (problems.length) return failed(problems);
  // YAML output is rendered after the call, synchronously.
  if (options.output === "yaml" || options.output === "yaml-stream") await loadYaml();
  return ok({
    mode,
    request: orderLikeModel(operation, request),
    options,
    query,
    ifNameExists: toolOptions.ifNameExists,
    dryRun: toolOptions.dryRun,
    confirm: toolOptions.confirm,
    paging,
  });
}

const pagingOptions = { maxItems: "--max-items", pageSize: "--page-size", startingToken: "--starting-token" } as const;

/**
 * Whether the call pages, as the CLI decides: an operation botocore pages, unless --no-paginate or
 * its token or limit parameter is given explicitly (in arguments or on the command line, not in
 * --cli-input-json). The paging options then cannot be used, and the CLI refuses them.
 */
function pagingOf(operation: Operation, explicit: Record<string, unknown>, options: CliOptions, problems: Problem[]): Paging | undefined {
  const paginator = operation.paginator;
  if (!paginator) return undefined;
  if (!options.noPaginate && explicit[paginator.limit_key] === undefined && explicit[paginator.input_token] === undefined)
    return { maxItems: options.maxItems, startingToken: options.startingToken };
  for (const [option, flag] of Object.entries(pagingOptions))
    if (options[option as keyof typeof pagingOptions] !== undefined)
      problems.push({
        field: option,
        rule: "paging off",
        message: `cannot be used when the call does not page (${options.noPaginate ? "noPaginate" : `${paginator.limit_key} or ${paginator.input_token} given`}); the AWS CLI refuses it too: "Cannot specify --no-paginate along with pagination arguments: ${flag}"`,
      });
  return undefined;
}

const partialSchemas = new Map<string, z.ZodType>();

/** The operation's parameters, none required: what the input skeleton takes. */
function partialRequestSchema(operation: Operation): z.ZodType {
  let found = partialSchemas.get(operation.name);
  if (!found) partialSchemas.set(operation.name, (found = z.strictObject(argumentsShape(operation))));
  return found;
}

/** Model order, as the AWS CLI and its skeleton use. Unknown keys never get here (validation refuses them). */
function orderLikeModel(operation: Operation, request: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const member of operation.inputMembers) if (request[member] !== undefined) ordered[member] = request[member];
  return ordered;
}
