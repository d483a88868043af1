/**
 * --output table: boxed sections. Built like awscli's TableFormatter, then laid out like its
 * MultiTable: columns sized to their widest cell plus padding, scaled to the widest section.
 */

import { RenderError } from "./error.js";
import { type Dict, has, isDict, isScalar, isTruthy, items, pyStr, pyTypeName, roundHalfEven, sortedKeys } from "./python.js";
import { textWidth } from "./width.js";

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

  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = row.map(textWidth);
      return;
    }
    row.forEach((cell, i) => {
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

export function renderTable(value: unknown, title: string, color: boolean): string {
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
