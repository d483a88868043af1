/**
 * --output text: scalars tab-separated (dict values sorted by key), nested values on further lines
 * headed by their upper-cased key.
 */

import { RenderError } from "./error.js";
import { type Dict, has, isDict, isScalar, items, pyStr, pyTypeName, sortedKeys } from "./python.js";

export function renderText(value: unknown): string {
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
