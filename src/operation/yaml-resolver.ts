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
  /** What ruamel's SafeConstructor makes of the text; `refuse` when it has no constructor for the tag. */
  construct(text: string, refuse: (message: string) => void): unknown;
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

const noConstructor = (tag: string) => (_text: string, refuse: (message: string) => void) =>
  refuse(`could not determine a constructor for the tag '${tag}'`);

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
  // A mapping key `<<` merges: the parser's own option does that (see readOptions).
  { tag: "tag:yaml.org,2002:merge", first: /^</, pattern: /^<<$/, construct: (text) => text },
  { tag: "tag:yaml.org,2002:value", first: /^=/, pattern: /^=$/, construct: noConstructor("tag:yaml.org,2002:value") },
  // Only documents ruamel's table: a plain scalar cannot start with these, but one written must not look like it.
  { tag: "tag:yaml.org,2002:yaml", first: /^[!&*]/, pattern: /^[!&*]$/, construct: noConstructor("tag:yaml.org,2002:yaml") },
];

/** Whether ruamel would read `text`, written plain, as something other than this string. */
export function readAsOther(text: string): boolean {
  return implicitTypes.some((type) => type.first.test(text) && type.pattern.test(text));
}

/**
 * How --cli-input-yaml is parsed: one document, plain scalars resolved as ruamel resolves them (a
 * plain scalar none of the types matches is a string), `<<` merging as in ruamel's safe loader,
 * and aliases bounded so a small text cannot expand without limit.
 */
export const readOptions = {
  schema: "failsafe",
  customTags: implicitTypes
    .filter((type) => type.tag !== "tag:yaml.org,2002:merge")
    .map(({ tag, first, pattern, construct }): ScalarTag => ({
      tag,
      default: true,
      test: new RegExp(`(?=${first.source})${pattern.source}`),
      resolve: (text: string, onError: (message: string) => void) => construct(text, onError),
    })),
  merge: true,
  maxAliasCount: 100,
} as const;
