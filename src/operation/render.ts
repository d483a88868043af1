/**
 * What AWS CLI v1 prints on stdout for a (queried) response with `--output json|text|table`,
 * byte for byte, tables as with `--color off` or, given `{ color: true }`, `--color on`. The rules
 * follow awscli's formatter.py, text.py and table.py; where the CLI's own formatters crash on a
 * value, renderOutput throws RenderError.
 *
 * Values are treated as Python sees them after json parsing: objects are dicts (key order kept),
 * arrays are lists, integral numbers are ints and other numbers floats.
 */

import { isJsonObject } from "../json-object.js";

export type OutputFormat = "json" | "text" | "table";

/** The CLI's formatter failed (it exits 255 with `message` on stderr after printing `partialOutput`). */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly partialOutput: string,
  ) {
    super(message);
    this.name = "RenderError";
  }
}

export interface RenderOptions {
  /**
   * `--color on`: table cells and indentation bars in ANSI colours, as the CLI prints them even
   * when stdout is not a terminal. Off (`--color off`, and `auto` without a terminal) by default.
   * JSON and text output never change.
   */
  color?: boolean;
}

export function renderOutput(value: unknown, format: OutputFormat, title: string, options: RenderOptions = {}): string {
  switch (format) {
    case "json":
      return renderJson(value);
    case "text":
      return renderText(value);
    case "table":
      return renderTable(value, title, options.color === true);
  }
}

// ---------------------------------------------------------------------------
// Python's view of JSON values

type Dict = { [key: string]: unknown };

const isDict: (value: unknown) => value is Dict = isJsonObject;

function isScalar(value: unknown): boolean {
  return !Array.isArray(value) && !isDict(value);
}

/** A dict's items; members set to undefined are absent (botocore never yields them). */
function items(dict: Dict): [string, unknown][] {
  return Object.entries(dict).filter(([, v]) => v !== undefined);
}

function has(dict: Dict, key: string): boolean {
  return Object.hasOwn(dict, key) && dict[key] !== undefined;
}

/** Python's truth value: None, False, 0, "" and empty containers are false. */
function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return items(value).length > 0;
  return Boolean(value);
}

function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (isDict(value)) return "dict";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return "str";
}

/** Python sorts strings by code point; JavaScript's default sort compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; ) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

const sortedKeys = (keys: Iterable<string>): string[] => [...keys].sort(compareCodePoints);

/** repr() of an int or float: ints in full, floats in shortest form with Python's exponent style. */
function pyNumber(n: number): string {
  if (Number.isInteger(n)) return BigInt(n).toString();
  const [mantissa, exponentText] = n.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return String(n);
}

/** repr() of a str: single quotes unless only double quotes avoid escaping, non-printables escaped. */
function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch !== " " && /[\p{C}\p{Z}]/u.test(ch)) {
      // str.isprintable() is false for categories C* and Z* (except the space).
      if (cp < 0x100) out += "\\x" + cp.toString(16).padStart(2, "0");
      else if (cp < 0x10000) out += "\\u" + cp.toString(16).padStart(4, "0");
      else out += "\\U" + cp.toString(16).padStart(8, "0");
    } else out += ch;
  }
  return out + quote;
}

function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return pyNumber(value);
  if (typeof value === "string") return pyStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  return `{${items(value as Dict)
    .map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`)
    .join(", ")}}`;
}

/** str(): strings as they are, everything else as repr(). */
function pyStr(value: unknown): string {
  return typeof value === "string" ? value : pyRepr(value);
}

// ---------------------------------------------------------------------------
// --output json: json.dump(indent=4, ensure_ascii=False) and a newline; an empty dict prints nothing.

function renderJson(value: unknown): string {
  if (isDict(value) && items(value).length === 0) return "";
  return toJson(value, "") + "\n";
}

function toJson(value: unknown, indent: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return pyNumber(value);
  // Python escapes the same characters as JSON.stringify: ", \, and controls below U+0020.
  if (typeof value === "string") return JSON.stringify(value);
  const inner = indent + "    ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + toJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  const members = items(value as Dict);
  if (members.length === 0) return "{}";
  return `{\n${members.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toJson(v, inner)}`).join(",\n")}\n${indent}}`;
}

// ---------------------------------------------------------------------------
// --output text: scalars tab-separated (dict values sorted by key), nested values on further
// lines headed by their upper-cased key.

function renderText(value: unknown): string {
  const out: string[] = [];
  try {
    writeText(out, value, undefined, undefined);
  } catch (error) {
    if (error instanceof RenderError) throw new RenderError(error.message, out.join(""));
    throw error;
  }
  return out.join("");
}

function writeText(out: string[], value: unknown, identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (isDict(value)) writeTextDict(out, value, identifier, scalarKeys);
  else if (Array.isArray(value)) writeTextList(out, value, identifier);
  else out.push(pyStr(value) + "\n");
}

function writeTextList(out: string[], list: unknown[], identifier: string | undefined): void {
  if (list.length === 0) return;
  if (list.some(isDict)) {
    // Every dict in the list gets the same columns: the scalar keys of all of them.
    const keys = new Set<string>();
    for (const element of list) {
      if (!isDict(element)) throw new RenderError(`'${pyTypeName(element)}' object has no attribute 'items'`, "");
      for (const [k, v] of items(element)) if (isScalar(v)) keys.add(k);
    }
    const columns = sortedKeys(keys);
    for (const element of list) writeText(out, element, identifier, columns);
  } else if (list.some(Array.isArray)) {
    const scalars = list.filter(isScalar);
    if (scalars.length > 0) writeScalarList(out, scalars, identifier);
    for (const nested of list.filter((v) => !isScalar(v))) writeText(out, nested, identifier, undefined);
  } else {
    writeScalarList(out, list, identifier);
  }
}

function writeScalarList(out: string[], scalars: unknown[], identifier: string | undefined): void {
  if (identifier === undefined) out.push(scalars.map(pyStr).join("\t") + "\n");
  else for (const s of scalars) out.push(`${identifier.toUpperCase()}\t${pyStr(s)}\n`);
}

function writeTextDict(out: string[], dict: Dict, identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const scalars: string[] = [];
  const nested: [string, unknown][] = [];
  if (scalarKeys === undefined) {
    for (const key of sortedKeys(items(dict).map(([k]) => k))) {
      if (isScalar(dict[key])) scalars.push(pyStr(dict[key]));
      else nested.push([key, dict[key]]);
    }
  } else {
    // Columns shared with sibling dicts; a key missing here prints as an empty field.
    for (const key of scalarKeys) scalars.push(has(dict, key) ? pyStr(dict[key]) : "");
    const columns = new Set(scalarKeys);
    for (const key of sortedKeys(items(dict).map(([k]) => k))) if (!columns.has(key)) nested.push([key, dict[key]]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(scalars.join("\t") + "\n");
  }
  for (const [key, value] of nested) writeText(out, value, key, undefined);
}

// ---------------------------------------------------------------------------
// --output table: boxed sections. Built like awscli's TableFormatter, then laid out like its
// MultiTable: columns sized to their widest cell plus padding, scaled to the widest section.

/** The CLI sizes tables for an 80-column terminal whenever stdout is not a TTY. */
const TERMINAL_WIDTH = 80;

/** Spaces around a cell's widest text: two on each side. */
const CELL_PADDING = 4;

class Section {
  headers: string[] = [];
  readonly rows: string[][] = [];
  /** Widest cell per column, headers included. */
  private maxWidths: number[] = [];
  private columnCount: number | undefined;

  /** A null title (a section opened for a nested list) is measured as Python's "None". */
  constructor(
    readonly title: string | null,
    readonly indentLevel: number,
  ) {}

  addHeaders(headers: string[]): void {
    this.updateMaxWidths(headers);
    this.columnCount ??= headers.length;
    this.headers = headers;
  }

  addRow(values: readonly unknown[]): void {
    this.columnCount ??= values.length;
    if (values.length !== this.columnCount) {
      throw new RenderError(`Row should have ${this.columnCount} elements, instead it has ${values.length}`, "");
    }
    const row = values.map(pyStr);
    this.rows.push(row);
    this.updateMaxWidths(row);
  }

  private updateMaxWidths(cells: string[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = cells.map(textWidth);
      return;
    }
    cells.forEach((cell, i) => {
      const current = this.maxWidths[i];
      if (current === undefined) throw new RenderError("list index out of range", "");
      this.maxWidths[i] = Math.max(current, textWidth(cell));
    });
  }

  /** Width including borders and the enclosing sections' indentation bars. */
  totalWidth(): number {
    const columns = this.maxWidths.reduce((sum, w) => sum + w + CELL_PADDING, 0) + 2;
    const titleWidth = textWidth(this.title ?? "None") + 2;
    return Math.max(titleWidth, columns) + 2 * this.indentLevel;
  }

  /** Column widths scaled so that they add up to `width` exactly. */
  columnWidths(width: number): number[] {
    const natural = this.maxWidths.map((w) => w + CELL_PADDING);
    if (natural.length === 0) return [];
    const scale = width / natural.reduce((a, b) => a + b, 0);
    const scaled = natural.map((w) => roundHalfEven(scale * w));
    // Rounding can miss the target: take the difference off the first columns, or add it to the last.
    let offBy = scaled.reduce((a, b) => a + b, 0) - width;
    while (offBy !== 0) {
      const order = scaled.map((_, i) => i);
      if (offBy < 0) order.reverse();
      for (const i of order) {
        scaled[i]! += offBy > 0 ? -1 : 1;
        offBy += offBy > 0 ? -1 : 1;
        if (offBy === 0) break;
      }
    }
    return scaled;
  }
}

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction !== 0.5) return fraction < 0.5 ? floor : floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

function renderTable(value: unknown, title: string, color: boolean): string {
  const sections: Section[] = [];
  if (!addSections(sections, title, value, 0)) return "";
  return layOut(sections, color ? COLORED : PLAIN);
}

/** Appends the sections for `value`; a null title adds its rows to the current section. */
function addSections(sections: Section[], title: string | null, value: unknown, indentLevel: number): boolean {
  if (!isTruthy(value)) return false;
  if (title !== null) sections.push(new Section(title, indentLevel));
  if (Array.isArray(value)) {
    if (isDict(value[0])) {
      addListOfDicts(sections, value, indentLevel, title);
    } else {
      // Rows go to the latest section, which nested lists may have moved on.
      for (const item of value) {
        if (isScalar(item)) last(sections).addRow([item]);
        // Iterating a dict yields its keys, so a dict in such a list becomes a row of its keys.
        else if (isDict(item)) last(sections).addRow(items(item).map(([k]) => k));
        else if ((item as unknown[]).every(isScalar)) last(sections).addRow(item as unknown[]);
        else addSections(sections, null, item, 0);
      }
    }
  }
  if (isDict(value)) addDict(sections, value, indentLevel);
  return true;
}

/** The section rows are being added to: the one opened last (the caller always opens one first). */
function last(sections: Section[]): Section {
  return sections[sections.length - 1]!;
}

/** Scalar members as one row (or a key/value row when there is only one), nested ones as sub-sections. */
function addDict(sections: Section[], dict: Dict, indentLevel: number): void {
  const [scalarKeys, nestedKeys] = partitionKeys(dict);
  if (scalarKeys.length === 1) {
    last(sections).addRow([scalarKeys[0], dict[scalarKeys[0]!]]);
  } else if (scalarKeys.length > 0) {
    last(sections).addHeaders(scalarKeys);
    last(sections).addRow(scalarKeys.map((k) => dict[k]));
  }
  for (const key of nestedKeys) addSections(sections, key, dict[key], indentLevel + 1);
}

/** One header row for the union of scalar keys; a fresh section per element when elements have nested members. */
function addListOfDicts(sections: Section[], list: unknown[], indentLevel: number, title: string | null): void {
  const scalarKeys = new Set<string>();
  const nestedKeys = new Set<string>();
  for (const element of list) {
    const [s, n] = partitionKeys(element);
    s.forEach((k) => scalarKeys.add(k));
    n.forEach((k) => nestedKeys.add(k));
  }
  const headers = sortedKeys(scalarKeys);
  const nested = sortedKeys(nestedKeys);
  last(sections).addHeaders(headers);
  list.forEach((element, i) => {
    if (!isDict(element)) throw new RenderError(`'${pyTypeName(element)}' object has no attribute 'get'`, "");
    if (i > 0 && nested.length > 0) {
      sections.push(new Section(title, indentLevel));
      last(sections).addHeaders(headers);
    }
    last(sections).addRow(headers.map((h) => (has(element, h) ? element[h] : "")));
    for (const key of nested) if (has(element, key)) addSections(sections, key, element[key], indentLevel + 1);
  });
}

/** Sorted scalar-valued and nested-valued keys; the errors are the CLI's when an element is not a dict. */
function partitionKeys(value: unknown): [string[], string[]] {
  if (!isDict(value)) {
    if (value === "" || (Array.isArray(value) && value.length === 0)) return [[], []];
    if (typeof value === "string") throw new RenderError("string indices must be integers, not 'str'", "");
    if (Array.isArray(value)) throw new RenderError(`list indices must be integers or slices, not ${pyTypeName(value[0])}`, "");
    throw new RenderError(`'${pyTypeName(value)}' object is not iterable`, "");
  }
  const scalar: string[] = [];
  const nested: string[] = [];
  for (const [k, v] of items(value)) (isScalar(v) ? scalar : nested).push(k);
  return [sortedKeys(scalar), sortedKeys(nested)];
}

/**
 * How table output is styled. awscli's ColorizedStyler wraps row cells in bright blue and the
 * indentation bars in dim yellow (titles and headers stay plain), and its colorama.init(autoreset=True,
 * strip=False) wraps stdout so that every single write() is followed by a reset, empty writes too.
 */
interface TableStyle {
  cell(text: string): string;
  bar: string;
  /** Appended after each write() to stdout. */
  afterWrite: string;
}

const RESET = "\x1b[0m";
const PLAIN: TableStyle = { cell: (text) => text, bar: "|", afterWrite: "" };
const COLORED: TableStyle = {
  cell: (text) => `\x1b[1m\x1b[34m${text}${RESET}`,
  bar: `\x1b[2m\x1b[33m|${RESET}`,
  afterWrite: RESET,
};

function layOut(sections: Section[], style: TableStyle): string {
  let maxWidth = Math.max(...sections.map((s) => s.totalWidth()));
  if (maxWidth > TERMINAL_WIDTH) {
    // Too wide: single-row sections are turned into key/value rows.
    sections = sections.map(toVertical);
    maxWidth = Math.max(...sections.map((s) => s.totalWidth()));
  }
  const out: string[] = [];
  const write = (text: string): void => {
    out.push(text, style.afterWrite);
  };
  write("-".repeat(maxWidth) + "\n");
  for (const section of sections) {
    // awscli's IndentedStream: the left bars, the line, the right bars and the newline are separate writes.
    const bars = style.bar.repeat(section.indentLevel);
    for (const line of sectionLines(section, maxWidth - 2 * section.indentLevel, style)) {
      write(bars);
      write(line);
      write(bars);
      write("\n");
    }
  }
  return out.join("");
}

function toVertical(section: Section): Section {
  const [row] = section.rows;
  if (section.rows.length !== 1 || row === undefined || section.headers.length === 0) return section;
  const vertical = new Section(section.title, section.indentLevel);
  for (let i = 0; i < Math.min(section.headers.length, row.length); i++) vertical.addRow([section.headers[i], row[i]]);
  return vertical;
}

function sectionLines(section: Section, width: number, style: TableStyle): string[] {
  const lines: string[] = [];
  if (section.title) {
    lines.push(centered(section.title, width, "|"));
    if (section.headers.length === 0 && section.rows.length === 0) lines.push(`+${"-".repeat(width - 2)}+`);
  }
  const widths = section.columnWidths(width);
  if (section.headers.length > 0) {
    lines.push(separator(widths));
    lines.push(cells(widths, section.headers, centered));
  }
  if (section.rows.length > 0 && widths.length > 0) {
    lines.push(separator(widths));
    for (const row of section.rows) lines.push(cells(widths, row, (text, w, leftEdge) => leftAligned(text, w, leftEdge, style.cell)));
    lines.push(separator(widths));
  }
  return lines;
}

/** `|  a  |  b  |`: the first cell also gets the left border. */
function cells(widths: number[], values: string[], cell: (text: string, width: number, leftEdge: string) => string): string {
  let line = "";
  for (let i = 0; i < Math.min(widths.length, values.length); i++) line += cell(values[i]!, widths[i]!, i === 0 ? "|" : "");
  return line;
}

function separator(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${"-".repeat(w - 2)}+` : `${"-".repeat(w - 1)}+`)).join("");
}

const spaces = (n: number): string => " ".repeat(Math.max(0, n));

/** Centred as awscli's center_text: the text starts at width/2 - textWidth/2 - 1 (floored). */
function centered(text: string, width: number, leftEdge: string): string {
  const textLength = textWidth(text);
  const start = Math.floor(width / 2) - Math.floor(textLength / 2) - 1;
  const used = leftEdge.length + start + textLength;
  return leftEdge + spaces(start) + text + spaces(width - 1 - used) + "|";
}

/** Two spaces of padding unless the text does not fit; the cell is not truncated. Sized by the unstyled text. */
function leftAligned(text: string, width: number, leftEdge: string, style: (text: string) => string): string {
  const textLength = textWidth(text);
  const padding = width - (textLength + 2 + leftEdge.length + 1) >= 0 ? 2 : 0;
  return leftEdge + spaces(padding) + style(text) + spaces(width - (leftEdge.length + padding + textLength) - 1) + "|";
}

// ---------------------------------------------------------------------------
// Display width as awscli measures it: two columns for each code point whose East Asian Width is
// W, F or A (ambiguous, so Greek and Cyrillic too), one for the rest.
//
// The ranges are those of Python 3.11's unicodedata (Unicode 14.0.0), which the AWS CLI here runs
// on; note it reports unassigned code points as F. As comma-separated "gap.length" pairs in hex
// (gap from the end of the previous range, length minus one), generated with:
//   python3 -c "import unicodedata as u;w=[u.east_asian_width(chr(c)) in 'WFA' for c in range(0x110000)]+[False];r=[];p=0
//   for c in range(0x110000):
//     if w[c] and (c==0 or not w[c-1]): s=c
//     if w[c] and not w[c+1]: r.append(f'{s-p:x}.{c-s:x}'); p=c+1
//   print(','.join(r))"
const WIDE_RANGES =
  "a1.0,2.0,2.1,1.0,2.1,1.4,1.4,1.3,6.0,9.0,6.1,5.3,4.0,1.2,1.1,2.0,1.1,3.3,1.0,1.0,2.0,f.0,1.0," +
  "7.0,a.1,3.0,5.2,4.0,6.3,1.0,3.3,1.0,4.1,12.1,3.0,62.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,74.0,f.0,62.0," +
  "2.0,1.2,1.0,2.0,7.3,1.0,1.0,20.6f,8.1,6.3,7.0,1.0,3.18,7.10,1.6,37.0,e.3f,1.0,de.0,26.1,32.1," +
  "3.0,37.7,1b.3,6.a,10e.0,3c.1,65.d,3b.1,31.1,f.0,1c.1,1.0,b.4,1f.0,2.5,ec.0,8.1,2.1,16.0,7.0,1.2," +
  "4.1,9.1,2.1,4.7,1.3,2.0,5.1,19.1,3.0,6.3,2.1,16.0,7.0,2.0,2.0,2.1,1.0,5.3,2.1,3.2,1.6,4.0,1.6," +
  "11.9,3.0,9.0,3.0,16.0,7.0,2.0,5.1,a.0,3.0,3.1,1.e,4.1,c.6,7.0,3.0,8.1,2.1,16.0,7.0,2.0,5.1,9.1," +
  "2.1,3.6,3.3,2.0,5.1,12.9,2.0,6.2,3.0,4.2,2.0,1.0,2.2,2.2,3.2,c.3,5.2,3.0,4.1,1.5,1.d,15.4,d.0," +
  "3.0,17.0,10.1,9.0,3.0,4.6,2.0,3.1,1.1,4.1,a.6,16.0,3.0,17.0,a.0,5.1,9.0,3.0,4.6,2.5,2.0,4.1,a.0," +
  "2.c,d.0,3.0,33.0,3.0,6.3,10.1,1a.0,3.0,12.2,18.0,9.0,1.1,7.2,1.3,6.0,1.0,8.5,a.1,3.b,3a.3,1d.24," +
  "2.0,1.0,5.0,18.0,1.0,17.1,5.0,1.0,6.1,a.1,4.1f,48.0,24.3,27.0,24.0,f.0,d.24,c6.0,1.4,1.1,30.5f," +
  "e9.0,4.1,7.0,1.0,4.1,29.0,4.1,21.0,4.1,7.0,1.0,4.1,f.0,39.0,4.1,43.1,20.2,1a.5,56.1,6.1,29d.2," +
  "59.6,16.8,18.8,14.b,d.0,3.0,2.b,5e.1,a.5,a.5,1a.5,59.6,2b.4,46.9,1f.0,c.3,c.3,1.2,2a.1,5.a,2c.3," +
  "1a.5,b.2,3e.1,41.0,1d.1,b.5,a.5,e.1,1f.30,4d.2,2f.0,74.7,3c.2,f.2,3c.6,2b.1,b.7,2b.4,216.1,6.1," +
  "26.1,6.1,8.0,1.0,1.0,1.0,1f.1,35.0,f.0,e.1,6.0,13.1,3.0,9.0,10.0,2.3,1.1,2.1,2.2,1.3,8.0,1.1," +
  "1.0,5.0,2.0,26.0,c.2,a.0,1.3,a.0,d.2,c.0,14.e,21.e,3.0,1.0,3.0,9.0,2.0,a.1,3.0,4.0,27.1,6.3,1.b," +
  "4.9,f.0,2.d,1e.1,18.0,1.0,12.0,18.0,1.1,3.1,2.0,3.0,1.0,3.0,4.0,2.3,2.0,1.0,1.5,1.0,5.3,4.1,a.0," +
  "3.0,5.0,d.1,2.3,2.1,2.1,12.1,2.1,d.0,3.0,b.0,19.0,52.0,7.1,d.1,be.3,3.0,2.0,33.18,b.9e,1.60," +
  "4.23,c.f,2.3,a.1,1.6,8.1,2.1,4.1,2.1,4.2,2.0,2.3,10.3,9.0,d.1,6.1,2.0,4.1,4.1,6.0,1.0,21.0,1.0," +
  "5.b,c.1,1.2,1.3,1.1,1.0,f.0,13.0,a.1,1.0,8.1,11.2,4.1d,1.0,4.17,5.0,4.1,1c.0,14.0,e.0,1.0,4.2," +
  "1.0,1e.9,15.2,18.0,e.0,35b.1,33.0,4.4,1a.1,20.0,15d.4,2d.0,1.4,1.1,38.6,2.d,18.8,7.0,7.0,7.0," +
  "7.0,7.0,7.0,7.0,7.0,7e.1e0,1.1d7f,40.56cf,15c.13,b8.7,cb.4,2.0,1.0,5.17,3b.2,a.5,38.7,46.7,c.5," +
  "74.a,1.1f,4e.0,b.3,21.0,37.8,e.1,a.1,67.17,1c.9,6.1,6.1,6.8,7.0,7.0,3c.3,7e.1,a.2bb5,17.3,31.3," +
  "800.1aff,7.b,5.4,1a.0,5.0,1.0,2.0,2.0,7d.f,1bd.1,36.6,1.1f,10.1f,10.3f,5.0,87.1,1.60,5e.2,6.1," +
  "6.1,6.1,3.a,7.9,4.2,c.0,1a.0,13.0,2.0,f.1,e.21,7b.4,3.3,2d.2,58.0,d.2,1.2e,2e.81,1d.2,31.e,1c.3," +
  "24.8,1e.4,2b.4,1e.0,25.3,e.29,9e.1,a.5,24.3,24.3,28.7,34.a,c.0,f.0,7.0,2.0,b.0,f.0,7.0,2.42," +
  "137.8,16.9,8.17,6.0,2a.0,9.44,6.1,1.0,2c.0,2.2,1.1,17.0,48.7,9.2f,13.0,2.4,21.2,1b.4,1.3f,38.3," +
  "14.1,32.0,2.4,8.0,3.0,1d.1,3.3,a.6,9.6,40.1f,27.3,c.8,36.2,1d.1,1b.4,1a.6,4.b,7.4f,49.36,33.c," +
  "33.6,2e.7,a.125,1f.0,2a.0,3.1,2.4d,28.7,2a.15,1a.25,1c.13,17.8,4e.3,24.8,44.9,1.1,19.6,a.5,35.0," +
  "12.7,27.8,60.0,14.a,12.0,2c.40,7.0,1.0,4.0,f.0,b.5,3b.4,a.5,4.0,8.1,2.1,16.0,7.0,2.0,5.0,a.1," +
  "2.1,3.1,1.5,1.4,7.1,7.2,5.8a,5c.0,5.1d,48.7,a.a5,36.1,26.21,45.a,a.5,d.12,3a.5,a.35,1b.1,f.3," +
  "17.b8,3c.63,53.b,8.1,1.1,8.0,2.0,1e.0,2.1,c.8,a.45,8.1,2e.1,b.1a,48.7,53.c,49.106,9.0,2d.0,e.9," +
  "1d.2,20.1,16.0,e.48,7.0,2.0,2c.2,1.0,2.0,9.7,a.5,6.0,2.0,25.0,2.0,6.6,a.135,19.b6,1.e,32.c," +
  "39b.65,6f.0,5.a,c4.a4b,63.c,42f.0,9.fc6,247.21b8,239.6,1f.0,a.3,51.0,a.5,1e.1,6.9,46.9,a.0,7.0," +
  "15.4,13.2af,5b.64,4b.3,39.6,11.4c5f,6b.4,d.2,9.6,a.1,8.125b,2e.1,17.8,74.3b,f6.9,27.1,c2.14," +
  "46.99,14.b,57.8,19.86,55.0,47.0,2.1,1.1,2.1,4.0,c.0,1.0,7.0,41.0,4.1,8.0,7.0,1c.0,4.0,5.0,1.2," +
  "7.0,154.1,124.1,2be.e,5.0,f.44f,1f.e0,7.0,11.1,7.0,2.0,5.d4,2d.2,e.1,a.3,2.13f,1f.10,3a.4,1.4df," +
  "7.0,4.0,2.0,f.0,c5.1,10.28,4c.3,a.3,2.310,44.4b,3d.c1,4.0,1b.0,2.0,1.1,1.0,a.0,4.0,1.0,1.5,1.3," +
  "1.0,1.0,1.0,3.0,2.0,1.1,1.0,1.0,1.0,1.0,1.0,2.0,1.1,4.0,7.0,4.0,4.0,1.0,a.0,11.4,3.0,5.0,11.33," +
  "2.10d,4.0,27.3,64.b,f.1,f.0,e.1,25.14,5.1d,2.39,6.3c,1.37,1a.120,c.8,1.45,1.15,c.2a,4.4,c.10," +
  "3.0,3.46,1.0,1.ba,2.3e,d.3,1.17,12.0,1a.1,d.0,56.54,30.45,6.0,3.2,2.a,b.4,4.b,74.b,59.26,c.3," +
  "38.7,a.5,28.7,1e.1,2.4d,c.2e,1.9,1.b8,54.b,e.91,93.0,37.24,a.c0406,1.1d,60.2ff7f";

/** Start and end (inclusive) of each wide range, ascending. */
const wideRanges: [number, number][] = (() => {
  const ranges: [number, number][] = [];
  let next = 0;
  for (const pair of WIDE_RANGES.split(",")) {
    const [gap, length] = pair.split(".").map((n) => Number.parseInt(n, 16)) as [number, number];
    const start = next + gap;
    ranges.push([start, start + length]);
    next = start + length + 1;
  }
  return ranges;
})();

function isWide(codePoint: number): boolean {
  let low = 0;
  let high = wideRanges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = wideRanges[mid]!;
    if (codePoint < start) high = mid - 1;
    else if (codePoint > end) low = mid + 1;
    else return true;
  }
  return false;
}

function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}
