/**
 * --output yaml and yaml-stream, as the AWS CLI v2 prints them: ruamel.yaml's safe dumper with
 * default_flow_style False (formatter.py). Its defaults: keys sorted, 2-space indent, list dashes
 * at their key's column, width 80, Unicode written as is, through libyaml's emitter (ruamel.yaml.clib,
 * which the CLI ships). The yaml package lays out the structure; strings go through `scalar` below,
 * which picks the style and folds long lines by libyaml's rules (emitter.c), and keys too long to be
 * simple keys are marked so the package writes them after "? ", as libyaml does.
 */
import type { Pair, Scalar, SchemaOptions, ToStringOptions } from "yaml";
import { loadedYaml } from "../libraries.js";
import { readAsOther } from "../yaml-resolver.js";
import { compareCodePoints, pyNumber } from "./python.js";

/** libyaml's printable characters (IS_PRINTABLE): no other C0 or C1 control, no byte-order mark, nothing beyond the BMP. */
const isPrintable = (c: number) =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
const isBreak = (ch: string | undefined) => ch === "\r" || ch === "\n" || ch === "\x85" || ch === "\u2028" || ch === "\u2029";
/** A blank, a break, a NUL or the end: libyaml reads the byte after the value as its terminating NUL. */
const isBlankOrEnd = (ch: string | undefined) => ch === undefined || ch === " " || ch === "\t" || ch === "\0" || isBreak(ch);

// prettier-ignore
const ESCAPES: Record<string, string> = {
  "\0": "0", "\x07": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r", "\x1b": "e",
  '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L", "\u2029": "P",
};

/** How a double-quoted scalar writes `ch`: as itself, or escaped (yaml_emitter_write_double_quoted_scalar). */
function doubleQuoted(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (isPrintable(code) && !isBreak(ch) && ch !== '"' && ch !== "\\") return ch;
  if (ESCAPES[ch] !== undefined) return `\\${ESCAPES[ch]}`;
  const [prefix, digits] = code <= 0xff ? ["x", 2] : code <= 0xffff ? ["u", 4] : ["U", 8];
  return `\\${prefix}${code.toString(16).toUpperCase().padStart(digits, "0")}`;
}

/** libyaml's yaml_emitter_analyze_scalar, for block context: whether `chars` may be written plain, or single-quoted. */
function analyze(chars: readonly string[]): { plain: boolean; single: boolean } {
  if (chars.length === 0) return { plain: true, single: true };
  const text = chars.join("");
  let indicators = text.startsWith("---") || text.startsWith("...");
  let special = false;
  let lineBreaks = false;
  let [edgeSpaceOrBreak, breakSpace, spaceBreak, previousSpace, previousBreak] = [false, false, false, false, false];
  chars.forEach((ch, i) => {
    const followedByBlank = isBlankOrEnd(chars[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch) || ("?:-".includes(ch) && followedByBlank)) indicators = true;
    } else if ((ch === ":" && followedByBlank) || (ch === "#" && isBlankOrEnd(chars[i - 1]))) indicators = true;
    if (!isPrintable(ch.codePointAt(0)!)) special = true;
    const edge = i === 0 || i === chars.length - 1;
    if (ch === " ") {
      if (edge) edgeSpaceOrBreak = true;
      if (previousBreak) breakSpace = true;
      [previousSpace, previousBreak] = [true, false];
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (edge) edgeSpaceOrBreak = true;
      if (previousSpace) spaceBreak = true;
      [previousSpace, previousBreak] = [false, true];
    } else [previousSpace, previousBreak] = [false, false];
  });
  const single = !breakSpace && !spaceBreak && !special;
  return { plain: single && !edgeSpaceOrBreak && !lineBreaks && !indicators, single };
}

/**
 * yaml_emitter_select_scalar_style for a string in block context: a key (`simpleKey`) or a value.
 * (libyaml double-quotes a multiline simple key; here none is simple: see needsExplicitKey.)
 */
function scalarStyle(chars: readonly string[], simpleKey: boolean): "plain" | "single" | "double" {
  const { plain, single } = analyze(chars);
  // Plain only if ruamel's resolver would read it back as this string, and never an empty key.
  if (plain && !readAsOther(chars.join("")) && !(simpleKey && chars.length === 0)) return "plain";
  return single ? "single" : "double";
}

/**
 * The string written from `column`, as libyaml's writers write it: continuation lines start at
 * `indent`, and, unless it is a simple key (a mapping's key on its line), a line is broken at a
 * space once it reaches past column 80: a lone space for plain and single-quoted scalars, the first of a run in double
 * quotes (a backslash then keeps the rest), never at a quoted scalar's first or last character.
 * Columns count characters, escapes as written.
 */
export function scalar(s: string, column: number, indent: string, simpleKey: boolean): string {
  const chars = Array.from(s);
  const style = scalarStyle(chars, simpleKey);
  const quote = style === "single" ? "'" : style === "double" ? '"' : "";
  let out = quote;
  let col = column + quote.length;
  let [spaces, breaks] = [false, false];
  const newLine = () => {
    out += `\n${indent}`;
    col = indent.length;
  };
  chars.forEach((ch, i) => {
    const inside = style === "plain" || (i !== 0 && i !== chars.length - 1);
    const escaped = style === "double" ? doubleQuoted(ch) : ch;
    if (escaped !== ch) {
      out += escaped;
      col += escaped.length;
      spaces = false;
    } else if (ch === " ") {
      const nextIsSpace = chars[i + 1] === " ";
      if (!simpleKey && !spaces && col > 80 && inside && (style === "double" || !nextIsSpace)) {
        newLine();
        // The spaces after a fold would be read as indentation: an escaped one keeps them.
        if (nextIsSpace) [out, col] = [out + "\\", col + 1];
      } else {
        out += ch;
        col += 1;
      }
      spaces = true;
    } else if (isBreak(ch)) {
      // Single-quoted only: a line feed is written as an empty line; other breaks as themselves.
      if (!breaks && ch === "\n") out += "\n";
      out += ch;
      col = 0;
      breaks = true;
    } else {
      if (breaks) [out, col] = [out + indent, indent.length];
      out += style === "single" && ch === "'" ? "''" : ch;
      col += style === "single" && ch === "'" ? 2 : 1;
      [spaces, breaks] = [false, false];
    }
  });
  if (breaks) out += indent;
  return out + quote;
}

const strings = {
  tag: "tag:yaml.org,2002:str",
  default: true,
  identify: (value: unknown) => typeof value === "string",
  resolve: (source: string) => source,
  stringify(item: { value: unknown }, ctx: { indent: string; indentAtStart?: number; implicitKey?: boolean }) {
    const s = String(item.value);
    if (ctx.implicitKey) return scalar(s, 0, ctx.indent, true);
    // A scalar that is the whole document: libyaml still indents its continuation lines by 2.
    if (ctx.indent === "") return scalar(s, 0, "  ", false);
    // A mapping value starts after "key: " (indentAtStart counts it from the mapping's column, two
    // left of ctx.indent); a list item after its dash, at ctx.indent.
    const column = ctx.indentAtStart === undefined ? ctx.indent.length : ctx.indent.length - 2 + ctx.indentAtStart;
    return scalar(s, column, ctx.indent, false);
  },
};

/** libyaml writes a key after "? " when it is not a simple key: multiline, or longer than 128 bytes in UTF-8. */
function needsExplicitKey(key: string): boolean {
  return Array.from(key).some(isBreak) || Buffer.byteLength(key, "utf8") > 128;
}

const keyOf = (pair: Pair) => String(isScalarNode(pair.key) ? pair.key.value : pair.key);
const isScalarNode = (node: unknown): node is Scalar => loadedYaml().isScalar(node);

/** Numbers as ruamel's safe representer writes them for YAML 1.2: Python's repr, lowercased (the ".0" it puts before a bare exponent is for 1.1 only). */
const numbers = {
  tag: "tag:yaml.org,2002:float",
  default: true,
  identify: (value: unknown) => typeof value === "number",
  // When several tags identify a value, the package writes with one that has a `test`; this
  // schema only writes, so the test never has to match.
  test: /(?!)/,
  resolve: (source: string) => Number(source),
  stringify({ value }: { value: unknown }) {
    const n = value as number;
    if (Number.isNaN(n)) return ".nan";
    if (!Number.isFinite(n)) return n > 0 ? ".inf" : "-.inf";
    return pyNumber(n).toLowerCase();
  },
};

const options: SchemaOptions & ToStringOptions = {
  // ruamel sorts keys as Python does, by code point.
  sortMapEntries: (a, b) => compareCodePoints(keyOf(a), keyOf(b)),
  indentSeq: false,
  // Our tags first, so they replace the package's own.
  customTags: (tags) => [strings, numbers, ...tags],
};

function toYaml(value: unknown): string {
  const { Document, visit } = loadedYaml();
  const document = new Document(value, options);
  // The yaml package writes "? " before a block scalar key: mark so the keys libyaml would write that way.
  visit(document, {
    Pair(_, pair) {
      if (isScalarNode(pair.key) && needsExplicitKey(keyOf(pair))) pair.key.type = "BLOCK_LITERAL";
    },
  });
  return document.toString(options);
}

export function renderYaml(value: unknown): string {
  return toYaml(value);
}

/** yaml-stream: each page a list item, so a reader can start on the first page. */
export function renderYamlStream(pages: readonly unknown[]): string {
  return pages.map((page) => toYaml([page])).join("");
}
