/**
 * A tool's arguments: its operation's parameters under their API names, the AWS CLI's options
 * in camelCase, and the options its effect brings (a duplicate guard for creates, a dry run
 * for writes that replace). This is the input schema assistants see: each option says what it
 * is once, briefly.
 */
import { z } from "zod";
import type { Operation } from "./model.js";
import { argumentsShape } from "./schema.js";

/**
 * A whole request is far smaller: 50 tags, 10 login providers and a few ARNs fit in tens of KB.
 * Bounding the text keeps parsing cheap and memory flat whatever an assistant sends.
 */
export const maxCommandTextLength = 1024 * 1024;

/**
 * Longer than any region, profile name, URL or file path (PATH_MAX) a call names: a longer value
 * is refused here, before anything downstream quotes or resolves it.
 */
export const maxOptionLength = 4096;

/** The longest timeout a Node timer holds (2^31 − 1 ms, 24.8 days): a longer one would fire at once. */
export const maxTimeoutSeconds = Math.floor((2 ** 31 - 1) / 1000);
const seconds = () => z.number().int().min(0).max(maxTimeoutSeconds).describe("Seconds; 0: no limit; default 60.");
const bounded = () => z.string().max(maxOptionLength);

/**
 * Options the AWS CLI spells on its command line (`--query`, `--region` …): the ones `cliArgs` can
 * also carry. Each is its CLI flag in camelCase, as cliArgs' description says once for all: only
 * what the flag's name does not say is described, to keep every tool light on the assistant's context.
 */
export const cliOptionsShape = {
  cliInputJson: z
    .string()
    .max(maxCommandTextLength)
    .describe("The parameters as a JSON document (the input skeleton's form); arguments given alongside replace its top-level keys."),
  cliInputYaml: z.string().max(maxCommandTextLength).describe("v2's: as cliInputJson, in YAML."),
  generateCliSkeleton: z
    .enum(["input", "output", "yaml-input"])
    .describe(
      'Dry run: "input" ("yaml-input") returns the skeleton for cliInputJson (Yaml); "output" validates and returns a sample answer and the exact request.',
    ),
  query: z.string().describe("JMESPath, on the text content."),
  output: z
    .enum(["json", "text", "table", "yaml", "yaml-stream", "off"])
    .describe("Of the text content (yaml, yaml-stream, off: v2's); structuredContent is always whole."),
  color: z.enum(["on", "off", "auto"]),
  noPaginate: z.boolean(),
  version: z.boolean(),
  region: bounded(),
  profile: bounded(),
  endpointUrl: bounded(),
  caBundle: bounded().describe("A CA bundle file."),
  noVerifySsl: z.boolean(),
  cliReadTimeout: seconds(),
  cliConnectTimeout: seconds(),
  noSignRequest: z.boolean(),
  debug: z.boolean().describe("Traffic to stderr and MCP logs, secrets masked."),
};

/** The AWS CLI's paging options, for operations botocore has a paginator for. */
export const paginationOptionsShape = {
  maxItems: z.number().int().min(1).describe("--max-items: the most results to return in all; the result's NextToken continues."),
  startingToken: z.string().max(maxCommandTextLength).describe("--starting-token: a NextToken from an earlier result."),
  pageSize: z.number().int().min(1).describe("--page-size: results per request."),
};

/** What a tool's effect adds to its arguments. */
export const effectOptionsShape = {
  ifNameExists: z
    .enum(["create", "return-existing", "error"])
    .describe(
      '"return-existing": return the region\'s pool of this name, if there is one; "error": refuse a duplicate; "create": always create. Default: the server\'s --if-name-exists, else create.',
    ),
  dryRun: z.boolean().describe("Report what this call would do, changing nothing."),
  confirm: z.string().max(4096).describe("A plan's code (--confirm-writes)."),
};

export type EffectOption = keyof typeof effectOptionsShape;

const cliArgs = z
  .union([
    z.string().max(maxCommandTextLength),
    z
      .array(z.string())
      .refine(
        (args) => args.reduce((total, arg) => total + arg.length, 0) <= maxCommandTextLength,
        `at most ${maxCommandTextLength} characters in all`,
      ),
  ])
  .describe(
    "A whole AWS CLI v1 or v2 command line instead of the other arguments: one string (split as a POSIX shell would) or an argv array. The other camelCase options are the CLI's flags (endpointUrl: --endpoint-url).",
  );

export type CliOptions = { [K in keyof typeof cliOptionsShape]?: z.infer<(typeof cliOptionsShape)[K]> } & {
  [K in keyof typeof paginationOptionsShape]?: z.infer<(typeof paginationOptionsShape)[K]>;
};
export type ToolOptions = CliOptions & { [K in EffectOption]?: z.infer<(typeof effectOptionsShape)[K]> } & { cliArgs?: string | string[] };

/** Everything but the operation's parameters, for one tool; every option is optional. */
export function optionsShape(operation: Operation, effectOptions: readonly EffectOption[]): Record<string, z.ZodType> {
  const all: Record<string, z.ZodType> = {
    cliArgs,
    ...cliOptionsShape,
    ...(operation.paginator ? paginationOptionsShape : {}),
    ...Object.fromEntries(effectOptions.map((name) => [name, effectOptionsShape[name]])),
  };
  return Object.fromEntries(Object.entries(all).map(([name, schema]) => [name, schema.optional()]));
}

/** The CLI options `cliArgs` can carry for this operation (paging ones only where it pages). */
export function cliOptionNames(operation: Operation): (keyof CliOptions)[] {
  return [...Object.keys(cliOptionsShape), ...(operation.paginator ? Object.keys(paginationOptionsShape) : [])] as (keyof CliOptions)[];
}

/** The tool's whole input schema: what tools/list advertises and every call is checked against. */
export function toolInputSchema(operation: Operation, effectOptions: readonly EffectOption[]) {
  return z.strictObject({ ...argumentsShape(operation), ...optionsShape(operation, effectOptions) });
}
