/**
 * Python's view of the values the CLI formats, as it sees them after json parsing: objects are
 * dicts (key order kept), arrays are lists, integral numbers are ints and other numbers floats.
 */

import { isJsonObject } from "../json-object.js";

export type Dict = { [key: string]: unknown };

export const isDict: (value: unknown) => value is Dict = isJsonObject;

export function isScalar(value: unknown): boolean {
  return !Array.isArray(value) && !isDict(value);
}

/** A dict's items; members set to undefined are absent (botocore never yields them). */
export function items(dict: Dict): [string, unknown][] {
  return Object.entries(dict).filter(([, v]) => v !== undefined);
}

export function has(dict: Dict, key: string): boolean {
  return Object.hasOwn(dict, key) && dict[key] !== undefined;
}

/** Python's truth value: None, False, 0, "" and empty containers are false. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return items(value).length > 0;
  return Boolean(value);
}

export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (isDict(value)) return "dict";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return "str";
}

/** Python sorts strings by code point; JavaScript's default sort compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length;) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

export const sortedKeys = (keys: Iterable<string>): string[] => [...keys].sort(compareCodePoints);

/** repr() of an int or float: ints in full, floats in shortest form with Python's exponent style. */
export function pyNumber(n: number): string {
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
export function pyStr(value: unknown): string {
  return typeof value === "string" ? value : pyRepr(value);
}

/** Python's round(): halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction !== 0.5) return fraction < 0.5 ? floor : floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
