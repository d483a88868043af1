/**
 * --output yaml and yaml-stream, as the AWS CLI v2 prints them: ruamel.yaml's safe dumper with
 * default_flow_style False (formatter.py). Its defaults: keys sorted, 2-space indent, list dashes
 * at their key's column, width 80, Unicode written as is. Strings go through `scalar` below, which
 * picks the style and folds long lines as that dumper does (libyaml's emitter, via ruamel.yaml.clib).
 */
import type { SchemaOptions, ToStringOptions } from "yaml";
import { loadedYaml } from "../libraries.js";

/**
 * ruamel's Resolver for dumping is its YAML 1.2 one: a plain string matching any of these would
 * be read back as something else, so it is single-quoted. Unlike YAML 1.1, yes/no/on/off stay
 * plain; unlike the yaml package's core schema, underscores, 0b and 0o or a bare leading 0 make
 * integers, and dates, `<<` and `=` are special too.
 */
const NOT_A_STRING = [
  /^(?:true|True|TRUE|false|False|FALSE)$/,
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
  /^(?:<<|=|!|&|\*)$/,
];
/** ruamel tries a resolver only when the string's first character is one it lists (or the string is empty). */
const FIRST = [/^[tTfF]/, /^[-+0-9.]/, /^[-+0-9]/, /^(?:[~nN]|$)/, /^[0-9]/, /^[<=!&*]/];
const readAsOther = (s: string) => NOT_A_STRING.some((re, i) => FIRST[i]!.test(s) && re.test(s));

/** libyaml writes these only escaped, in double quotes: anything not printable to it (tab and \r included) and the byte-order mark. */
const SPECIAL = /[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]|\ufeff/u;
// prettier-ignore
const ESCAPES: Record<string, string> = {
  "\0": "0", "\x07": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r", "\x1b": "e",
  '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L", "\u2029": "P",
};

function escape(ch: string): string {
  if (ESCAPES[ch] !== undefined) return `\\${ESCAPES[ch]}`;
  if (!SPECIAL.test(ch)) return ch;
  const code = ch.codePointAt(0)!;
  const [prefix, digits] = code <= 0xff ? ["x", 2] : code <= 0xffff ? ["u", 4] : ["U", 8];
  return `\\${prefix}${code.toString(16).toUpperCase().padStart(digits, "0")}`;
}

/** libyaml's yaml_emitter_analyze_scalar, for block context: which styles may write `s`. */
function style(s: string): "plain" | "single" | "double" {
  if (SPECIAL.test(s) || /\n | \n/.test(s)) return "double";
  const plain =
    s !== "" &&
    !/^[ \n]|[ \n]$|\n/.test(s) &&
    !/^[#,[\]{}&*!|>'"%@`]|^(?:---|\.\.\.)|^[-?:](?:[ \n]|$)|:(?:[ \n]|$)| #/.test(s) &&
    !readAsOther(s);
  return plain ? "plain" : "single";
}

/**
 * The scalar written from `column`, folded as libyaml folds: only at a single space between
 * words, and only once the line already reaches past column 80; the yaml package folds before.
 * Continuation lines start at `indent`. Quoted scalars do not fold at their first or last character.
 */
export function scalar(s: string, column: number, indent: string, fold: boolean): string {
  const kind = style(s);
  const chars = Array.from(s);
  const quote = kind === "single" ? "'" : kind === "double" ? '"' : "";
  let out = quote;
  let col = column + quote.length;
  chars.forEach((ch, i) => {
    const lone = ch === " " && chars[i - 1] !== " " && chars[i + 1] !== " ";
    const inside = kind === "plain" || (i !== 0 && i !== chars.length - 1);
    if (fold && lone && inside && col > 80) {
      out += `\n${indent}`;
      col = indent.length;
      return;
    }
    let text = ch;
    if (kind === "double") text = escape(ch);
    else if (kind === "single" && ch === "'") text = "''";
    else if (kind === "single" && ch === "\n") {
      // A line break is written as an empty line, the next line indented.
      text = chars[i - 1] === "\n" ? "\n" : "\n\n";
      if (chars[i + 1] !== "\n") text += indent;
      out += text;
      col = indent.length;
      return;
    }
    out += text;
    col += Array.from(text).length;
  });
  return out + quote;
}

const strings = {
  tag: "tag:yaml.org,2002:str",
  default: true,
  identify: (value: unknown) => typeof value === "string",
  resolve: (source: string) => source,
  stringify(item: { value: unknown }, ctx: { indent: string; indentAtStart?: number; implicitKey?: boolean }) {
    const s = String(item.value);
    if (ctx.implicitKey) return scalar(s, 0, ctx.indent, false);
    // A mapping value starts after "key: " (indentAtStart counts it from the mapping's column, two
    // left of ctx.indent); a list item after its dash, at ctx.indent.
    const column = ctx.indentAtStart === undefined ? ctx.indent.length : ctx.indent.length - 2 + ctx.indentAtStart;
    return scalar(s, column, ctx.indent, true);
  },
};

const options: SchemaOptions & ToStringOptions = {
  sortMapEntries: true,
  indentSeq: false,
  // Our string tag first, so it replaces the package's own.
  customTags: (tags) => [strings, ...tags],
};

export function renderYaml(value: unknown): string {
  return loadedYaml().stringify(value, options);
}

/** yaml-stream: each page a list item, so a reader can start on the first page. */
export function renderYamlStream(pages: readonly unknown[]): string {
  const { stringify } = loadedYaml();
  return pages.map((page) => stringify([page], options)).join("");
}
