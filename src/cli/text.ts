/**
 * Text helpers shared by the shorthand and JSON parsers. The AWS CLI is Python: it
 * counts positions in code points and has its own idea of whitespace, so these do too.
 */

/** Python's `str.isspace()` (also what `\s` matches in its regular expressions). */
const PYTHON_SPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

export function isPythonSpace(ch: string | undefined): boolean {
  return ch !== undefined && PYTHON_SPACE.test(ch);
}

/** Python's `str.strip()` (without arguments). */
export function pythonStrip(text: string): string {
  return pythonStripEnd(pythonStripStart(text));
}

export function pythonStripStart(text: string): string {
  const chars = [...text];
  let start = 0;
  while (start < chars.length && isPythonSpace(chars[start])) start++;
  return chars.slice(start).join("");
}

export function pythonStripEnd(text: string): string {
  const chars = [...text];
  let end = chars.length;
  while (end > 0 && isPythonSpace(chars[end - 1])) end--;
  return chars.slice(0, end).join("");
}

/** Sets an own, enumerable property, even one named `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}

const EXCERPT_RADIUS = 40;

/** A syntax error in a text (JSON, shorthand), its message saying where it is. */
export class TextSyntaxError extends Error {
  /** What is wrong and where, with no character of the text: for a text read from a file. */
  readonly withoutText: string;

  /** `textFreeDetail` is `detail` without what it quotes of the text. */
  constructor(detail: string, chars: readonly string[], index: number, textFreeDetail = detail) {
    const { where, shown } = describePosition(chars, index);
    super(`${detail} at ${where}:\n${shown}`);
    this.withoutText = `${textFreeDetail} at ${where}`;
  }
}

/**
 * Where `index` (a code-point offset into `chars`) is, for a person: line and column, and the
 * line itself with a caret under the spot (long lines are cut around it).
 */
function describePosition(chars: readonly string[], index: number): { where: string; shown: string } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < index && i < chars.length; i++) {
    if (chars[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  let lineEnd = chars.indexOf("\n", lineStart);
  if (lineEnd === -1) lineEnd = chars.length;
  const column = index - lineStart;
  const from = Math.max(lineStart, index - EXCERPT_RADIUS);
  const to = Math.min(lineEnd, index + EXCERPT_RADIUS);
  const excerpt = (from > lineStart ? "…" : "") + chars.slice(from, to).join("") + (to < lineEnd ? "…" : "");
  const caretOffset = index - from + (from > lineStart ? 1 : 0);
  return {
    where: line > 1 ? `line ${line}, column ${column + 1}` : `character ${index + 1}`,
    shown: `  ${excerpt}\n  ${" ".repeat(caretOffset)}^`,
  };
}

/** How a character is named in messages: `'='`, `"'"`, `" "`, or `end of input`. */
export function showChar(ch: string | undefined): string {
  if (ch === undefined) return "end of input";
  return ch === "'" || ch.trim() === "" ? JSON.stringify(ch) : `'${ch}'`;
}
