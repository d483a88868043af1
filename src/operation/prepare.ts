/**
 * MCP arguments → a validated call. Pure: no network, no credentials; files are read
 * only through the reader the operator configured. Every problem is collected before
 * anything is returned, so a caller sees them all at once.
 */
import type { Problem } from "./problems.js";
import type { CreateIdentityPoolRequest } from "./model.js";
import { inputMembers } from "./model.js";
import { requestSchema, operationArgumentsShape } from "./schema.js";
import { cliOptionNames, operationParameterNames, optionNames, optionsSchema, type CliOptions, type ToolOptions } from "./arguments.js";
import { problemsFromIssues } from "./validate.js";
import { compileQuery, type CompiledQuery } from "./query.js";
import { createFileReader, parseCommandLine, type FileReader, type FilesRead } from "../cli/parse-command-line.js";
import { parseInputDocument, readInputDocument } from "../cli/input-document.js";
import { z } from "zod";
import type { IfNameExists } from "../safety.js";

export type Mode = "create" | "skeleton-input" | "skeleton-output" | "version";

export interface PreparedCall {
  mode: Mode;
  /** The merged request: complete and valid for "create" and "skeleton-output"; only what was given for "skeleton-input". */
  request: CreateIdentityPoolRequest;
  options: CliOptions;
  query?: CompiledQuery;
  ifNameExists?: IfNameExists;
}

export type Prepared = { ok: true; call: PreparedCall } | { ok: false; problems: Problem[] };

/** Where each top-level parameter came from, so a problem can say which input to fix. */
type Source = "arguments" | "cliArgs" | "cliInputJson";

/** A top-level parameter's source, and the file it was read from, if it was: problems then do not quote it. */
interface Origin {
  source: Source;
  file?: string;
}

export function prepareCall(args: unknown, readFile: FileReader = createFileReader(undefined)): Prepared {
  if (args === undefined || args === null) args = {};
  if (typeof args !== "object" || Array.isArray(args))
    return { ok: false, problems: [{ field: "(arguments)", rule: "type object", message: "the tool's arguments must be an object" }] };
  const given = args as Record<string, unknown>;
  const problems: Problem[] = [];

  const params: Record<string, unknown> = {};
  const rawOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    // defineProperty, not assignment: a key named "__proto__" must stay an (unknown) key.
    Object.defineProperty(operationParameterNames.includes(key) ? params : rawOptions, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const checked = optionsSchema.safeParse(rawOptions, { reportInput: true });
  if (!checked.success)
    problems.push(...problemsFromIssues(checked.error.issues, () => [...operationParameterNames, ...optionNames]));
  const toolOptions: ToolOptions = checked.success ? checked.data : {};
  let options: CliOptions = toolOptions;
  let explicitSource: Source = "arguments";
  let readFrom: FilesRead = { params: {} };
  // A command line or document that could not be read may hold the required parameters: their
  // absence is then no news, and reporting it would only bury the real problem.
  let unreadInput = !checked.success && ("cliArgs" in rawOptions || "cliInputJson" in rawOptions);

  if (toolOptions.cliArgs !== undefined) {
    const mixed = [...Object.keys(params), ...cliOptionNames.filter((k) => toolOptions[k] !== undefined)];
    if (mixed.length)
      problems.push({
        field: "cliArgs",
        rule: "exclusive",
        message: `cannot be combined with structured arguments (${mixed.join(", ")}); put everything in the command line, or leave cliArgs out`,
      });
    const parsed = parseCommandLine(toolOptions.cliArgs, readFile);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      unreadInput = true;
    } else if (!mixed.length) {
      Object.assign(params, parsed.value.params);
      options = parsed.value.options;
      explicitSource = "cliArgs";
      readFrom = parsed.value.readFrom ?? readFrom;
    }
  }

  const origins: Record<string, Origin> = Object.fromEntries(Object.keys(params).map((k) => [k, { source: explicitSource, file: readFrom.params[k] }]));
  let request: Record<string, unknown> = params;
  if (options.cliInputJson !== undefined) {
    // From cliArgs the document was already read (its file:// resolved) by the parser: a text that
    // happens to start with file:// must not be read as a second file.
    const read =
      explicitSource === "cliArgs"
        ? parseInputDocument(options.cliInputJson, "cliArgs --cli-input-json", readFrom.cliInputJson)
        : readInputDocument(options.cliInputJson, readFile, "cliInputJson");
    if (!read.ok) {
      problems.push(...read.problems);
      unreadInput = true;
    } else {
      const { document } = read;
      // The AWS CLI's rule: a parameter given explicitly replaces the document's top-level key whole.
      request = { ...document, ...params };
      for (const key of Object.keys(document)) origins[key] ??= { source: "cliInputJson", file: read.file };
    }
  }

  const mode: Mode = options.version
    ? "version"
    : options.generateCliSkeleton === "input"
      ? "skeleton-input"
      : options.generateCliSkeleton === "output"
        ? "skeleton-output"
        : "create";

  // The input skeleton takes whatever is given so far; every other mode needs a complete, valid request.
  const schema = mode === "skeleton-input" || unreadInput ? partialRequestSchema : requestSchema;
  if (mode !== "version") {
    const result = schema.safeParse(request, { reportInput: true });
    if (!result.success) {
      const fileOf = (path: readonly PropertyKey[]) => (path.length ? origins[String(path[0])]?.file : undefined);
      problems.push(
        ...problemsFromIssues(result.error.issues, undefined, fileOf).map((p) => {
          const top = p.field.split(/[.[ ]/)[0]!;
          const source = origins[top]?.source;
          return source && source !== "arguments" ? { ...p, message: `${p.message} (from ${source})` } : p;
        }),
      );
    }
  }

  let query: CompiledQuery | undefined;
  if (options.query !== undefined) {
    const compiled = compileQuery(options.query);
    if (compiled.ok) query = compiled.query;
    else problems.push(compiled.problem);
  }

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    call: { mode, request: orderLikeModel(request) as unknown as CreateIdentityPoolRequest, options, query, ifNameExists: toolOptions.ifNameExists },
  };
}

const partialRequestSchema = z.strictObject(operationArgumentsShape);

/** Model order, as the AWS CLI and its skeleton use. Unknown keys never get here (validation refuses them). */
function orderLikeModel(request: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const member of inputMembers) if (request[member] !== undefined) ordered[member] = request[member];
  return ordered;
}
