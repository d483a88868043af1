/**
 * The id of a JSON-RPC frame too long to hold whole: read from its first bytes (the top-level
 * object's "id" member, strings, escapes and nesting tracked) or else its last, so the answer to
 * an over-long frame goes to the request that sent it.
 */

export type Id = string | number | null;

/** An over-long frame's id, from its first bytes or else its last; null when neither shows it. */
export function overlongFrameId(head: Buffer, tail: Buffer): Id {
  return leadingId(head.toString("utf8")) ?? closingId(tail.toString("utf8")) ?? null;
}

/**
 * The value of the top-level object's "id" member, read from the start of a JSON text; undefined
 * when this start does not show it. Only members of the top-level object count (strings, escapes
 * and nesting are tracked), so an "id" inside params is never taken for the request's.
 */
export function leadingId(text: string): Id | undefined {
  let depth = 0;
  let key: string | undefined;
  let expectKey = false;
  /** The depth-1 key whose value starts at the next token. */
  let valueOf: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") continue;
    if (depth === 0 && c !== "{") return undefined;
    if (valueOf !== undefined) {
      const isId = valueOf === "id";
      valueOf = undefined;
      if (isId) return idAt(text, i);
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end === -1) return undefined;
      if (depth === 1 && expectKey) {
        key = parseString(text.slice(i, end + 1));
        expectKey = false;
      }
      i = end;
    } else if (c === ":") {
      if (depth === 1) valueOf = key ?? "";
    } else if (c === ",") {
      if (depth === 1) expectKey = true;
    } else if (c === "{" || c === "[") {
      if (++depth === 1) expectKey = true;
    } else if (c === "}" || c === "]") {
      if (--depth === 0) return undefined;
    }
  }
  return undefined;
}

/**
 * The id of a frame whose last member is `"id": <string or number>` closing the top-level object,
 * read from the frame's last characters: `,"id":7}` there can only be a member of the object the
 * final brace closes (a quote inside a string is always escaped).
 */
export function closingId(text: string): Id | undefined {
  const match = /[{,]\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*\}$/.exec(text.trimEnd());
  if (!match) return undefined;
  const id = parseJson(match[1]!);
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : null;
}

/** The id value starting at text[i]: a string or a finite number; null for any other value; undefined if cut off. */
function idAt(text: string, i: number): Id | undefined {
  if (text[i] === '"') {
    const end = stringEnd(text, i);
    return end === -1 ? undefined : (parseString(text.slice(i, end + 1)) ?? null);
  }
  const number = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  number.lastIndex = i;
  const match = number.exec(text);
  if (!match) return null;
  const after = i + match[0].length;
  if (after >= text.length) return undefined;
  const value = Number(match[0]);
  return /[\s,}]/.test(text[after]!) && Number.isFinite(value) ? value : null;
}

/** The index of the quote that closes the string opening at text[start], or -1 if the text ends first. */
function stringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j;
  }
  return -1;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseString(text: string): string | undefined {
  const value = parseJson(text);
  return typeof value === "string" ? value : undefined;
}
