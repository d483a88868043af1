/**
 * JSON as the AWS CLI (Python's `json.loads`) reads it: same grammar, NaN and Infinity
 * included, duplicate keys keeping the last value. Errors say what was expected and
 * where, with the line shown; JSON.parse's messages in Node 20 often give no position.
 */
import { setOwn, TextSyntaxError } from "./text.js";

export class JsonSyntaxError extends TextSyntaxError {
  override name = "JsonSyntaxError";
}

const SPACE = new Set([" ", "\t", "\n", "\r"]);
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const CONSTANTS: [string, unknown][] = [
  ["null", null],
  ["true", true],
  ["false", false],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
];
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/;

/** Python's json.loads gives up on deep nesting too (RecursionError); here it is a clear syntax error, never a stack overflow. */
const maxDepth = 500;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly chars: readonly string[]) {}

  document(): unknown {
    this.skipSpace();
    const value = this.value();
    this.skipSpace();
    if (this.index < this.chars.length) throw this.error("Extra data after the JSON value");
    return value;
  }

  private value(): unknown {
    const ch = this.chars[this.index];
    if (ch === '"') return this.string();
    if (ch === "{" || ch === "[") {
      if (++this.depth > maxDepth) throw this.error(`Nesting deeper than ${maxDepth} levels`);
      const nested = ch === "{" ? this.object() : this.array();
      this.depth--;
      return nested;
    }
    for (const [word, value] of CONSTANTS) {
      if (this.lookingAt(word)) {
        this.index += word.length;
        return value;
      }
    }
    const number = NUMBER.exec(this.chars.slice(this.index, this.index + 400).join(""));
    if (number) {
      this.index += number[0].length;
      return Number(number[0]);
    }
    throw this.error("Expecting value");
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.index++;
    this.skipSpace();
    if (this.chars[this.index] === "}") {
      this.index++;
      return result;
    }
    for (;;) {
      if (this.chars[this.index] !== '"') throw this.error("Expecting property name enclosed in double quotes");
      const key = this.string();
      this.skipSpace();
      if (this.chars[this.index] !== ":") throw this.error("Expecting ':' delimiter");
      this.index++;
      this.skipSpace();
      setOwn(result, key, this.value());
      if (this.closes("}")) return result;
    }
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    this.index++;
    this.skipSpace();
    if (this.chars[this.index] === "]") {
      this.index++;
      return result;
    }
    for (;;) {
      result.push(this.value());
      if (this.closes("]")) return result;
    }
  }

  /** After a member or an element: true past the closing bracket, false past a comma (and its spaces). */
  private closes(bracket: "}" | "]"): boolean {
    this.skipSpace();
    const next = this.chars[this.index];
    if (next !== bracket && next !== ",") throw this.error("Expecting ',' delimiter");
    this.index++;
    if (next === bracket) return true;
    this.skipSpace();
    return false;
  }

  private string(): string {
    const start = this.index;
    this.index++;
    let text = "";
    for (;;) {
      const ch = this.chars[this.index];
      if (ch === undefined) throw new JsonSyntaxError("Unterminated string starting", this.chars, start);
      if (ch === '"') {
        this.index++;
        return text;
      }
      if (ch.codePointAt(0)! < 0x20) throw this.error("Invalid control character in a string (write it as an escape such as \\n)");
      if (ch !== "\\") {
        text += ch;
        this.index++;
        continue;
      }
      const escape = this.chars[this.index + 1];
      if (escape === "u") {
        const hex = this.chars.slice(this.index + 2, this.index + 6).join("");
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.error("Invalid \\uXXXX escape");
        text += String.fromCharCode(parseInt(hex, 16));
        this.index += 6;
      } else if (escape !== undefined && SIMPLE_ESCAPES[escape] !== undefined) {
        text += SIMPLE_ESCAPES[escape];
        this.index += 2;
      } else throw this.error("Invalid \\escape");
    }
  }

  private lookingAt(word: string): boolean {
    return this.chars.slice(this.index, this.index + word.length).join("") === word;
  }

  private skipSpace(): void {
    while (SPACE.has(this.chars[this.index] ?? "")) this.index++;
  }

  private error(detail: string): JsonSyntaxError {
    return new JsonSyntaxError(detail, this.chars, this.index);
  }
}

/** Parses a JSON text; throws JsonSyntaxError. */
export function parseJson(text: string): unknown {
  return new Parser([...text]).document();
}
