/**
 * The AWS CLI v1's shorthand syntax (`Key=value,Other="quoted, value"`), parsed with the
 * same grammar and the same quirks as awscli/shorthand.py, so a value means here what it
 * means to `aws`. Purely syntactic: turning "true" into a boolean is the caller's job.
 */
import { quote as quoteValue } from "../operation/problems.js";
import { hasOwn, TextSyntaxError, isPythonSpace, pythonStripEnd, setOwn, showChar } from "./text.js";

export type ShorthandValue = string | ShorthandValue[] | ShorthandObject;
export interface ShorthandObject {
  [key: string]: ShorthandValue;
}

/** Reads a `file://` or `fileb://` value written after `key@=`; may throw InputError. */
export type ShorthandFileResolver = (uri: string) => string;

export class ShorthandSyntaxError extends TextSyntaxError {
  override name = "ShorthandSyntaxError";
}

// Python's string.whitespace: what the CLI skips around `=`, `,` and brackets.
const ASCII_SPACE = new Set([" ", "\t", "\n", "\r", "\v", "\f"]);
const KEY_CHAR = /^[A-Za-z0-9\-_.#/:]$/;
const FILE_PREFIXES = ["file://", "fileb://"];

function codePoint(ch: string): number {
  return ch.codePointAt(0)!;
}

function inRanges(ch: string, ranges: readonly (readonly [string, string])[]): boolean {
  const c = codePoint(ch);
  return ranges.some(([lo, hi]) => c >= codePoint(lo) && c <= codePoint(hi));
}

// The character classes of the CLI's value regexes. Nothing above U+FFFF is in any of
// them, so an emoji cannot appear in an unquoted value.
const START_WORD: readonly (readonly [string, string])[] = [
  ["!", "!"],
  ["#", "&"],
  ["(", "+"],
  ["-", "<"],
  [">", "Z"],
  ["\\", "z"],
  ["|", "\uffff"],
];
const FIRST_FOLLOW: readonly (readonly [string, string])[] = [
  ["!", "!"],
  ["#", "&"],
  ["(", "+"],
  ["-", "\\"],
  ["^", "|"],
  ["~", "\uffff"],
];
const SECOND_FOLLOW: readonly (readonly [string, string])[] = [
  ["!", "!"],
  ["#", "&"],
  ["(", "+"],
  ["-", "<"],
  [">", "\uffff"],
];

const SECOND_KEY_HINT = 'often a "," was written where a space, i.e. a separate argument, was meant';

/** Python gives up on deep nesting too (RecursionError); here it is a clear syntax error, never a stack overflow. */
const maxDepth = 500;

class Parser {
  private index = 0;
  private depth = 0;
  /** Set by `key@=`: values after it that start with file:// or fileb:// are read. */
  private resolveFiles = false;

  constructor(
    private readonly chars: readonly string[],
    private readonly readFile: ShorthandFileResolver,
  ) {}

  parse(): ShorthandObject {
    const params: ShorthandObject = {};
    const [firstKey, firstValue] = this.keyValue();
    setOwn(params, firstKey, firstValue);
    let lastIndex = this.index;
    while (!this.atEnd()) {
      this.expect(",", true);
      const [key, value] = this.keyValue();
      if (hasOwn(params, key))
        throw new ShorthandSyntaxError(
          `key ${quoteValue(key)} is given a second time (${SECOND_KEY_HINT})`,
          this.chars,
          lastIndex + 1,
          `a key is given a second time (${SECOND_KEY_HINT})`,
        );
      setOwn(params, key, value);
      lastIndex = this.index;
    }
    return params;
  }

  private keyValue(): [string, ShorthandValue] {
    const key = this.key();
    this.resolveFiles = this.tryExpect("@");
    this.expect("=", true);
    return [key, this.values()];
  }

  private key(): string {
    const start = this.index;
    while (!this.atEnd() && KEY_CHAR.test(this.current()!)) this.index++;
    return this.chars.slice(start, this.index).join("");
  }

  private values(): ShorthandValue {
    if (this.atEnd()) return "";
    if (this.current() === "[") return this.explicitList();
    if (this.current() === "{") return this.hashLiteral();
    return this.csvValue();
  }

  /** `a=b` is a string, `a=b,c` a list; `a=b,c=d` backtracks to the comma before `c`. */
  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.skipSpace();
    if (this.atEnd() || this.current() !== ",") return first;
    this.expect(",", true);
    const list: ShorthandValue[] = [first];
    for (;;) {
      try {
        const value = this.secondValue();
        this.skipSpace();
        if (this.atEnd()) {
          list.push(value);
          break;
        }
        this.expect(",", true);
        list.push(value);
      } catch (error) {
        if (!(error instanceof ShorthandSyntaxError) || this.atEnd()) throw error;
        // What followed the comma was the next key, not another list item.
        while (this.index >= 0 && this.chars[this.index] !== ",") this.index--;
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private explicitList(): ShorthandValue[] {
    this.expect("[", true);
    const values: ShorthandValue[] = [];
    while (this.current() !== "]") {
      values.push(this.explicitValue());
      this.skipSpace();
      if (this.current() !== "]") {
        this.expect(",");
        this.skipSpace();
      }
    }
    this.expect("]");
    return values;
  }

  private hashLiteral(): ShorthandObject {
    this.expect("{", true);
    const entries: ShorthandObject = {};
    while (this.current() !== "}") {
      const key = this.key();
      this.resolveFiles = this.tryExpect("@");
      this.expect("=", true);
      const value = this.explicitValue();
      this.skipSpace();
      if (this.current() !== "}") {
        this.expect(",");
        this.skipSpace();
      }
      setOwn(entries, key, value);
    }
    this.expect("}");
    return entries;
  }

  private explicitValue(): ShorthandValue {
    const ch = this.current();
    if (ch !== "[" && ch !== "{") return this.firstValue();
    if (++this.depth > maxDepth) throw this.unexpected(`at most ${maxDepth} levels of nesting`);
    const nested = ch === "[" ? this.explicitList() : this.hashLiteral();
    this.depth--;
    return nested;
  }

  private firstValue(): string {
    const quoted = this.quotedValue();
    if (quoted !== undefined) return quoted;
    const word = this.word(FIRST_FOLLOW);
    // An empty value is allowed here (`a=,b=c`); it is never read as a file.
    return word === undefined ? "" : this.maybeReadFile(word);
  }

  private secondValue(): string {
    const quoted = this.quotedValue();
    if (quoted !== undefined) return quoted;
    const word = this.word(SECOND_FOLLOW);
    if (word === undefined) throw this.unexpected("a value");
    return this.maybeReadFile(word);
  }

  /** An unquoted value: a start character, then follow characters; `\,` is an escaped comma. */
  private word(follow: readonly (readonly [string, string])[]): string | undefined {
    const start = this.index;
    let text = "";
    let first = true;
    for (;;) {
      const ch = this.chars[this.index];
      if (ch === undefined) break;
      if (ch === "\\" && this.chars[this.index + 1] === ",") {
        text += ",";
        this.index += 2;
      } else if (first ? inRanges(ch, START_WORD) : isPythonSpace(ch) || inRanges(ch, follow)) {
        text += ch;
        this.index++;
      } else break;
      first = false;
    }
    return this.index === start ? undefined : pythonStripEnd(text);
  }

  /**
   * A single- or double-quoted value. It ends at the first quote not preceded by a
   * backslash; when there is none, at the last escaped one (the CLI's regex backtracks so).
   */
  private quotedValue(): string | undefined {
    const quote = this.current();
    if (quote !== "'" && quote !== '"') return undefined;
    let end = -1;
    let lastEscapedQuote = -1;
    for (let i = this.index + 1; i < this.chars.length; i++) {
      if (this.chars[i] === "\\" && this.chars[i + 1] === quote) {
        lastEscapedQuote = ++i;
      } else if (this.chars[i] === quote) {
        end = i;
        break;
      }
    }
    if (end === -1) end = lastEscapedQuote;
    if (end === -1)
      throw new ShorthandSyntaxError(
        `the ${quote === "'" ? "single" : "double"}-quoted value starting here is never closed`,
        this.chars,
        this.index,
      );
    const inner = this.chars.slice(this.index + 1, end).join("");
    this.index = end + 1;
    const unescaped = inner.split(`\\${quote}`).join(quote).split("\\\\").join("\\");
    return this.maybeReadFile(unescaped);
  }

  private maybeReadFile(value: string): string {
    if (this.resolveFiles && FILE_PREFIXES.some((prefix) => value.startsWith(prefix))) return this.readFile(value);
    return value;
  }

  /** Like the CLI's `_expect`; with `skipAround`, whitespace before is skipped even when the character is not there. */
  private expect(ch: string, skipAround = false): void {
    if (skipAround) this.skipSpace();
    if (this.current() !== ch) throw this.unexpected(`'${ch}'`);
    this.index++;
    if (skipAround) this.skipSpace();
  }

  private tryExpect(ch: string): boolean {
    try {
      this.expect(ch, true);
      return true;
    } catch (error) {
      if (error instanceof ShorthandSyntaxError) return false;
      throw error;
    }
  }

  private unexpected(expected: string): ShorthandSyntaxError {
    return new ShorthandSyntaxError(
      `expected ${expected}, found ${showChar(this.current())}`,
      this.chars,
      this.index,
      `expected ${expected}`,
    );
  }

  private current(): string | undefined {
    return this.chars[this.index];
  }

  private atEnd(): boolean {
    return this.index >= this.chars.length;
  }

  private skipSpace(): void {
    while (!this.atEnd() && ASCII_SPACE.has(this.current()!)) this.index++;
  }
}

/** Parses one shorthand value (one argv item). Throws ShorthandSyntaxError, or what `readFile` throws. */
export function parseShorthand(value: string, readFile: ShorthandFileResolver): ShorthandObject {
  return new Parser([...value], readFile).parse();
}
