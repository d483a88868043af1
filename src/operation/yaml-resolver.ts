/**
 * ruamel.yaml's YAML 1.2 implicit resolvers, with which the AWS CLI v2 reads --cli-input-yaml and
 * writes --output yaml: which plain scalars are not strings, and what they are. Unlike YAML 1.1,
 * yes/no/on/off stay strings; unlike the yaml package's core schema, underscores and 0b make
 * integers, dates are timestamps, and `<<` and `=` are special.
 * ruamel tries a resolver only when the scalar's first character is one it lists (`first`).
 */
import type { ScalarTag } from "yaml";

interface ImplicitType {
  tag: string;
  first: RegExp;
  pattern: RegExp;
  /**
   * What ruamel's SafeConstructor makes of the text. The markers without one (`<<`, `=`) are read
   * as text here, and src/cli/input-document.ts refuses them where ruamel has no constructor.
   */
  construct?(text: string): unknown;
}

/** Python's int() and float() after ruamel drops the underscores. */
function integer(text: string): number {
  const digits = text.replace(/_/g, "");
  const sign = digits.startsWith("-") ? -1 : 1;
  const unsigned = digits.replace(/^[-+]/, "");
  const base = { "0b": 2, "0o": 8, "0x": 16 }[unsigned.slice(0, 2)];
  return sign * (base ? parseInt(unsigned.slice(2), base) : Number(unsigned));
}

function float(text: string): number {
  const lower = text.replace(/_/g, "").toLowerCase();
  const sign = lower.startsWith("-") ? -1 : 1;
  const unsigned = lower.replace(/^[-+]/, "");
  if (unsigned === ".inf") return sign * Infinity;
  if (unsigned === ".nan") return NaN;
  return sign * Number(unsigned);
}

const implicitTypes: ImplicitType[] = [
  {
    tag: "tag:yaml.org,2002:bool",
    first: /^[tTfF]/,
    pattern: /^(?:true|True|TRUE|false|False|FALSE)$/,
    construct: (text) => text.toLowerCase() === "true",
  },
  {
    tag: "tag:yaml.org,2002:float",
    first: /^[-+0-9.]/,
    pattern:
      /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    construct: float,
  },
  {
    tag: "tag:yaml.org,2002:int",
    first: /^[-+0-9]/,
    pattern: /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
    construct: integer,
  },
  { tag: "tag:yaml.org,2002:null", first: /^(?:[~nN]|$)/, pattern: /^(?:~|null|Null|NULL|)$/, construct: () => null },
  {
    tag: "tag:yaml.org,2002:timestamp",
    first: /^[0-9]/,
    pattern:
      /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
    // A date or a time, never a string: every parameter these operations take would refuse it.
    construct: (text) => new Date(text.replace(/[ \t]+/, "T").replace(/[ \t]+/g, "")),
  },
  // `<<` merges as a mapping key (the parser's own option, see readOptions); a key `=` is the string "=".
  { tag: "tag:yaml.org,2002:merge", first: /^</, pattern: /^<<$/ },
  { tag: "tag:yaml.org,2002:value", first: /^=/, pattern: /^=$/ },
  // Only documents ruamel's table: a plain scalar cannot start with these, but one written must not look like it.
  { tag: "tag:yaml.org,2002:yaml", first: /^[!&*]/, pattern: /^[!&*]$/ },
];

/** Whether ruamel would read `text`, written plain, as something other than this string. */
export function readAsOther(text: string): boolean {
  return implicitTypes.some((type) => type.first.test(text) && type.pattern.test(text));
}

/**
 * How --cli-input-yaml is parsed: plain scalars resolved as ruamel resolves them (a plain scalar
 * none of the types matches is a string), and `<<` merging as in ruamel's safe loader.
 */
export const readOptions = {
  schema: "failsafe",
  customTags: implicitTypes.flatMap(({ tag, first, pattern, construct }): ScalarTag[] =>
    construct ? [{ tag, default: true, test: new RegExp(`(?=${first.source})${pattern.source}`), resolve: construct }] : [],
  ),
  merge: true,
} as const;
