/**
 * The tool's arguments: the operation's nine parameters under their API names, and the
 * AWS CLI's options in camelCase. This is the input schema assistants see.
 */
import { z } from "zod";
import { operationArgumentsShape } from "./schema.js";

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

const seconds = (what: string) =>
  z
    .number()
    .int()
    .min(0)
    .describe(`The maximum socket ${what} time in seconds (--cli-${what}-timeout). 0 means no limit. Default 60.`);

/** Options the AWS CLI spells on its command line (`--query`, `--region` …): the ones `cliArgs` can also carry. */
export const cliOptionsShape = {
  cliInputJson: z
    .string()
    .max(maxCommandTextLength)
    .describe(
      "--cli-input-json: a JSON document in the format of generateCliSkeleton \"input\", as a string. Parameters given as arguments override its top-level keys (a map or list given as an argument replaces the document's). IdentityPoolName and AllowUnauthenticatedIdentities may come from here.",
    ),
  generateCliSkeleton: z
    .enum(["input", "output"])
    .describe(
      "Dry run; nothing is created and no credentials are needed. \"input\": the JSON skeleton for cliInputJson (parameters given are filled in). \"output\": validates the inputs as a real call would and returns a sample of the pool that would be created, the exact request body, and the region and endpoint it would go to.",
    ),
  query: z.string().describe("--query: a JMESPath expression applied to the result before rendering the text content."),
  output: z.enum(["json", "text", "table"]).describe("--output: how the text content is rendered, as the AWS CLI v1 renders it. Default json. structuredContent is always the full pool."),
  color: z.enum(["on", "off", "auto"]).describe("--color for table output. auto is off over MCP."),
  noPaginate: z.boolean().describe("--no-paginate: accepted; this operation does not paginate."),
  version: z.boolean().describe("--version: report the versions of this server, the MCP SDK and the AWS SDK; no AWS call."),
  region: z.string().max(maxOptionLength).describe("--region: the AWS region to create the pool in. Overrides the server's default and the environment."),
  profile: z.string().max(maxOptionLength).describe("--profile: a profile from the shared AWS config and credentials files."),
  endpointUrl: z.string().max(maxOptionLength).describe("--endpoint-url: send the request to this URL instead of the service's default endpoint."),
  caBundle: z.string().max(maxOptionLength).describe("--ca-bundle: a CA certificate bundle file to verify TLS certificates with."),
  noVerifySsl: z.boolean().describe("--no-verify-ssl: do not verify TLS certificates."),
  cliReadTimeout: seconds("read"),
  cliConnectTimeout: seconds("connect"),
  noSignRequest: z.boolean().describe("--no-sign-request: send the request unsigned; no credentials are loaded."),
  debug: z.boolean().describe("--debug: log the request and response (secrets redacted) to the server's stderr and as MCP log messages."),
};

export const toolOptionsShape = {
  ifNameExists: z
    .enum(["create", "return-existing", "error"])
    .describe(
      "CreateIdentityPool is not idempotent: the same name twice makes two pools. \"return-existing\" first looks for a pool with this name in the region and returns it (not created now) if there is one; \"error\" refuses to create a duplicate; \"create\" (AWS behaviour) always creates. Default: the server's --if-name-exists, else create; when the server guards against duplicates, \"create\" is refused. Use return-existing when retrying after a timeout or an unknown outcome.",
    ),
  cliArgs: z
    .union([
      z.string().max(maxCommandTextLength),
      z
        .array(z.string())
        .refine((args) => args.reduce((total, arg) => total + arg.length, 0) <= maxCommandTextLength, `at most ${maxCommandTextLength} characters in all`),
    ])
    .describe(
      "An AWS CLI command line instead of the structured arguments: `aws cognito-identity create-identity-pool --identity-pool-name X --no-allow-unauthenticated-identities …` as one string (split as a POSIX shell would) or as an array of arguments. Parsed with the AWS CLI v1's rules (shorthand and JSON syntax, flag pairs, global options). Cannot be combined with the structured parameters or options.",
    ),
  ...cliOptionsShape,
};

export const optionsSchema = z.strictObject(toolOptionsShape).partial();
export const toolInputSchema = z.strictObject({ ...operationArgumentsShape, ...optionsSchema.shape });

export type CliOptions = { [K in keyof typeof cliOptionsShape]?: z.infer<(typeof cliOptionsShape)[K]> };
export type ToolOptions = { [K in keyof typeof toolOptionsShape]?: z.infer<(typeof toolOptionsShape)[K]> };

export const operationParameterNames = Object.keys(operationArgumentsShape);
export const optionNames = Object.keys(toolOptionsShape);
export const cliOptionNames = Object.keys(cliOptionsShape) as (keyof CliOptions)[];
