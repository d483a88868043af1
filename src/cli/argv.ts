/**
 * Option scanning with the rules of Python's argparse, which the AWS CLI uses: unique
 * prefixes of option names are accepted (`--identity-pool-n`), `--name=value` works,
 * an argument starting with `-` is an option unless it is a negative number or holds a
 * space, and everything after `--` is a plain value. Unlike argparse, scanning goes on
 * after a problem, so that every problem is reported at once.
 */
import { excerpt, quote, type Problem } from "../operation/problems.js";

/** How many values an option takes: none (a flag), exactly one, zero or one, or any number. */
export type Arity = "none" | "one" | "optional" | "any";

export interface OptionSpec {
  /** As typed: `--region`. */
  flag: string;
  arity: Arity;
  choices?: readonly string[];
  /** For arity "optional": the value when none follows. */
  bareValue?: string;
}

export interface OptionMatch {
  spec: OptionSpec;
  /** Empty for a flag; one item for "one" and "optional". */
  values: string[];
}

/** An argument of the command line and its position in it (scans after the first see only some arguments). */
export interface Arg {
  token: string;
  position: number;
}

/** An argument the scan did not consume: an option it does not know, or a value no option took. */
export interface Leftover extends Arg {
  kind: "option" | "value" | "separator";
  /** For a value: the option whose values end right before it on the line, if any (it may have been meant for it). */
  follows?: OptionSpec;
}

export interface ScanResult {
  matches: OptionMatch[];
  leftovers: Leftover[];
  problems: Problem[];
  /** The scan stopped at `stopAt` (argparse's --version exits as soon as it is reached). */
  stopped: boolean;
}

type Classified =
  | { kind: "option"; spec: OptionSpec; explicit?: string }
  | { kind: "ambiguous" }
  | { kind: "unknown option" }
  | { kind: "value" }
  | { kind: "separator" };

const NEGATIVE_NUMBER = /^-\p{Nd}+$|^-\p{Nd}*\.\p{Nd}+$/u;

function classify(token: string, specs: readonly OptionSpec[], problems: Problem[]): Classified {
  if (!token.startsWith("-") || token.length === 1) return { kind: "value" };
  const exact = specs.find((s) => s.flag === token);
  if (exact) return { kind: "option", spec: exact };
  const equals = token.indexOf("=");
  const name = equals === -1 ? token : token.slice(0, equals);
  const explicit = equals === -1 ? undefined : token.slice(equals + 1);
  const named = specs.find((s) => s.flag === name);
  if (named) return { kind: "option", spec: named, explicit };
  // Only `--long` options exist, so a single-dash argument never abbreviates one.
  const candidates = token.startsWith("--") ? specs.filter((s) => s.flag.startsWith(name)) : [];
  if (candidates.length > 1) {
    problems.push({
      field: "cliArgs",
      rule: "ambiguous parameter",
      message: `${name} is ambiguous: it abbreviates ${candidates.map((s) => s.flag).join(", ")}; write the name in full`,
    });
    return { kind: "ambiguous" };
  }
  if (candidates.length === 1) return { kind: "option", spec: candidates[0]!, explicit };
  if (NEGATIVE_NUMBER.test(token) || token.includes(" ")) return { kind: "value" };
  return { kind: "unknown option" };
}

/**
 * Scans `args`, arguments of `line`, for the options in `specs`; with `stopAt`, stops right
 * after that option. `line` is only read for messages and to tell what follows what.
 */
export function scanOptions(line: readonly string[], args: readonly Arg[], specs: readonly OptionSpec[], stopAt?: OptionSpec): ScanResult {
  const problems: Problem[] = [];
  const tokens = args.map((a) => a.token);
  const separator = tokens.indexOf("--");
  const classified = tokens.map((token, i): Classified => {
    if (separator !== -1 && i > separator) return { kind: "value" };
    if (i === separator) return { kind: "separator" };
    return classify(token, specs, problems);
  });
  const isValue = (i: number) => classified[i]?.kind === "value";

  const matches: OptionMatch[] = [];
  const leftovers: Leftover[] = [];
  let previous: { spec: OptionSpec; lastPosition: number } | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const item = classified[i]!;
    if (item.kind === "separator") {
      leftovers.push({ ...arg, kind: "separator" }, ...args.slice(i + 1).map((a) => ({ ...a, kind: "value" as const })));
      break;
    }
    if (item.kind === "unknown option") {
      leftovers.push({ ...arg, kind: "option" });
      continue;
    }
    if (item.kind === "value") {
      const follows = previous?.lastPosition === arg.position - 1 ? previous.spec : undefined;
      leftovers.push(follows ? { ...arg, kind: "value", follows } : { ...arg, kind: "value" });
      continue;
    }
    if (item.kind === "ambiguous") continue;

    const { spec, explicit } = item;
    const field = `cliArgs ${spec.flag}`;
    let values: string[];
    if (explicit !== undefined) {
      if (spec.arity === "none") {
        problems.push({ field, rule: "unexpected value", message: `${spec.flag} is a flag and takes no value (got ${quote(explicit)})` });
        continue;
      }
      values = [explicit];
    } else if (spec.arity === "none") {
      values = [];
    } else if (spec.arity === "one") {
      if (!isValue(i + 1)) {
        problems.push({ field, rule: "missing value", message: missingValueMessage(spec, line[arg.position + 1]) });
        continue;
      }
      values = [tokens[++i]!];
    } else if (spec.arity === "optional") {
      values = isValue(i + 1) ? [tokens[++i]!] : [spec.bareValue!];
    } else {
      values = [];
      while (isValue(i + 1)) values.push(tokens[++i]!);
    }

    const badChoice = spec.choices ? values.find((v) => !spec.choices!.includes(v)) : undefined;
    if (badChoice !== undefined) {
      problems.push({
        field,
        rule: "choice",
        message: `${quote(badChoice)} is not a valid value for ${spec.flag}; valid values: ${spec.choices!.join(", ")}`,
      });
      continue;
    }
    matches.push({ spec, values });
    previous = { spec, lastPosition: args[i]!.position };
    if (spec === stopAt) return { matches, leftovers, problems, stopped: true };
  }
  return { matches, leftovers, problems, stopped: false };
}

function missingValueMessage(spec: OptionSpec, next: string | undefined): string {
  if (next === undefined) return `${spec.flag} needs a value, and nothing follows it`;
  if (next === "--") return `${spec.flag} needs a value, but "--" follows it`;
  if (next.startsWith("-"))
    return `${spec.flag} needs a value, but the next argument, ${excerpt(next)}, is read as an option; if it was meant as the value, write ${spec.flag}=${excerpt(next)}`;
  return `${spec.flag} needs a value`;
}
