/**
 * The AWS CLI v1's global options (awscli/data/cli.json), in its order: the order matters
 * for argparse's prefix matching, since `--c` is ambiguous among all the options it begins.
 */
import { quote, type Problem } from "../operation/problems.js";
import { maxTimeoutSeconds } from "../operation/arguments.js";
import type { OptionMatch, OptionSpec } from "./argv.js";

export interface GlobalOptions {
  cliInputJson?: string;
  cliInputYaml?: string;
  generateCliSkeleton?: "input" | "output" | "yaml-input";
  query?: string;
  output?: OutputOption;
  color?: "on" | "off" | "auto";
  region?: string;
  profile?: string;
  endpointUrl?: string;
  caBundle?: string;
  noVerifySsl?: boolean;
  noPaginate?: boolean;
  noSignRequest?: boolean;
  debug?: boolean;
  version?: boolean;
  cliReadTimeout?: number;
  cliConnectTimeout?: number;
  /** AWS CLI v2 options accepted for its lines; they change nothing here. */
  cliBinaryFormat?: string;
  noCliPager?: boolean;
  noCliAutoPrompt?: boolean;
  /** Not global, but read with them: the paging arguments the CLI adds to operations it can page. */
  startingToken?: string;
  pageSize?: number;
  maxItems?: number;
}

/** v1's formats, then v2's. */
export const OUTPUT_FORMATS = ["json", "text", "table", "yaml", "yaml-stream", "off"] as const;
export type OutputOption = (typeof OUTPUT_FORMATS)[number];

interface GlobalOptionSpec extends OptionSpec {
  /** How the value is read: a flag is true when present; "refused" names a reason. */
  value?: "string" | "integer" | "unsupported" | "refused";
  reason?: string;
}

export const GLOBAL_OPTION_SPECS: readonly GlobalOptionSpec[] = [
  { flag: "--debug", arity: "none" },
  { flag: "--endpoint-url", arity: "one", value: "string" },
  { flag: "--no-verify-ssl", arity: "none" },
  { flag: "--no-paginate", arity: "none" },
  { flag: "--output", arity: "one", value: "string", choices: [...OUTPUT_FORMATS] },
  { flag: "--query", arity: "one", value: "string" },
  { flag: "--profile", arity: "one", value: "string" },
  { flag: "--region", arity: "one", value: "string" },
  { flag: "--color", arity: "one", value: "string", choices: ["on", "off", "auto"] },
  { flag: "--no-sign-request", arity: "none" },
  { flag: "--ca-bundle", arity: "one", value: "string" },
  { flag: "--cli-read-timeout", arity: "one", value: "integer" },
  { flag: "--cli-connect-timeout", arity: "one", value: "integer" },
  // The AWS CLI v2's additions, in its order.
  { flag: "--cli-binary-format", arity: "one", value: "string", choices: ["base64", "raw-in-base64-out"] },
  { flag: "--no-cli-pager", arity: "none" },
  {
    flag: "--cli-auto-prompt",
    arity: "none",
    value: "refused",
    reason: "--cli-auto-prompt prompts on a terminal for the parameters, and a tool call has no terminal: give them on the line",
  },
  { flag: "--no-cli-auto-prompt", arity: "none" },
  // Known to the CLI (so it counts for prefix matching), but it only prints v2 migration warnings.
  { flag: "--v2-debug", arity: "none", value: "unsupported" },
  // argparse moves --version last: the CLI defines it twice and the second definition replaces the first.
  { flag: "--version", arity: "none" },
];

export const VERSION_SPEC = GLOBAL_OPTION_SPECS.find((s) => s.flag === "--version")!;

/** The global options this server acts on, for messages listing what may be written. */
export const SUPPORTED_GLOBAL_FLAGS = GLOBAL_OPTION_SPECS.filter((s) => s.value !== "unsupported" && s.value !== "refused").map(
  (s) => s.flag,
);

/** `--endpoint-url` → `endpointUrl`. */
function optionKey(flag: string): keyof GlobalOptions {
  return flag.slice(2).replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase()) as keyof GlobalOptions;
}

/** The CLI tests these for truth, so an empty value is as good as none. */
const IGNORED_WHEN_EMPTY = new Set(["--region", "--profile"]);

/** Python's int(): surrounding whitespace, a sign, and underscores between digits are allowed. */
export const pythonInt = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** The options given, as GlobalOptions; later ones win, as with argparse. */
export function readGlobalOptions(matches: readonly OptionMatch[], problems: Problem[]): GlobalOptions {
  const options: Record<string, unknown> = {};
  for (const { spec, values } of matches) {
    const { value: kind, reason } = spec as GlobalOptionSpec;
    const key = optionKey(spec.flag);
    if (kind === "refused") {
      problems.push({ field: `cliArgs ${spec.flag}`, rule: "no terminal", message: reason! });
      continue;
    }
    if (kind === undefined) {
      options[key] = true;
      continue;
    }
    const given = values[0]!;
    if (kind === "unsupported") {
      problems.push({
        field: `cliArgs ${spec.flag}`,
        rule: "unknown parameter",
        message: `${spec.flag} is an AWS CLI option this server does not support`,
      });
    } else if (kind === "integer") {
      const seconds = pythonInt.test(given) ? Number(given.replace(/_/g, "")) : NaN;
      if (Number.isNaN(seconds))
        problems.push({
          field: `cliArgs ${spec.flag}`,
          rule: "type",
          message: `${spec.flag} must be a whole number of seconds, got ${quote(given)}`,
        });
      else if (seconds < 0)
        problems.push({
          field: `cliArgs ${spec.flag}`,
          rule: "range",
          message: `${spec.flag} cannot be negative (0 means no limit), got ${seconds}`,
        });
      else if (seconds > maxTimeoutSeconds)
        problems.push({
          field: `cliArgs ${spec.flag}`,
          rule: "range",
          message: `${spec.flag} is at most ${maxTimeoutSeconds} seconds (24.8 days, the longest timer Node holds; 0 means no limit), got ${seconds}`,
        });
      else options[key] = seconds || 0; // "-0" is 0 to Python
    } else if (given !== "" || !IGNORED_WHEN_EMPTY.has(spec.flag)) options[key] = given;
  }
  return options as GlobalOptions;
}
