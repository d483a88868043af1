/**
 * fast-check arbitraries DERIVED from the service model (src/operation/service-model.json, read
 * through src/operation/model.ts), not written per field: one walker turns each botocore shape
 * into an arbitrary of valid values and an arbitrary of deliberately invalid ones, each invalid
 * value carrying the mutation made and the field a problem report must name.
 *
 * The validity oracle is independent of the server's: patterns are translated from Java here
 * (Java's \s and \w are ASCII-only), lengths count UTF-16 code units as Java's String does.
 * The only limits read from src beyond the model are the documented ones the model lacks
 * (schema.ts `documentedLimits`: at most 50 tags, no "aws:" tag keys).
 */
import fc from "fast-check";
import { shape, type Shape, type StringShape } from "../../src/operation/model.js";
import { documentedLimits } from "../../src/operation/schema.js";

export type Segment = { member: string } | { index: number } | { key: string };

export interface Mutation {
  /** What was done: "wrong type", "too long", "pattern", "unknown key" … */
  kind: string;
  /** Where, from the top of the request. */
  path: Segment[];
  /** The field a problem must name, as the server renders paths (`A[0].B`, `Tags["k"]`). */
  field: string;
}

export interface InvalidValue {
  value: unknown;
  mutation: Mutation;
}

/** `CognitoIdentityProviders[0].ClientId`, `IdentityPoolTags["env"]`. */
export function renderField(path: readonly Segment[]): string {
  let out = "";
  for (const segment of path) {
    if ("member" in segment) out += out ? `.${segment.member}` : segment.member;
    else if ("index" in segment) out += `[${segment.index}]`;
    else out += `[${JSON.stringify(segment.key)}]`;
  }
  return out || "(arguments)";
}

const javaSpace = " \\t\\n\\x0B\\f\\r";
const javaWord = "A-Za-z0-9_";

/** A Java regular expression (as AWS evaluates model patterns, against the whole value) as a JavaScript one. */
export function javaPattern(pattern: string): RegExp {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[++i] ?? "";
      if (next === "s") out += inClass ? javaSpace : `[${javaSpace}]`;
      else if (next === "w") out += inClass ? javaWord : `[${javaWord}]`;
      else if (next === "d") out += inClass ? "0-9" : "[0-9]";
      else out += `\\${next}`;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    out += c;
  }
  return new RegExp(`^(?:${out})$`);
}

/**
 * Characters the walker draws from: every printable ASCII character, control characters, and
 * Unicode that trips naive checks (non-ASCII spaces JavaScript's \s matches but Java's does not,
 * letters outside \w, a line separator, a BOM, an astral emoji of two code units).
 */
const candidates: string[] = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  "\t",
  "\n",
  "\x0B",
  "\f",
  "\r",
  "\x00",
  "\x1f",
  "\x7f",
  "\u00a0",
  "\u00e9",
  "\u00df",
  "\u0130",
  "\u2028",
  "\u2003",
  "\u3000",
  "\ufeff",
  "\u200b",
  "\u65e5",
  "\u03a9",
  "\ud83d\ude00",
];

const lengthOf = (s: string) => s.length; // UTF-16 code units, as Java counts

function charactersFor(s: StringShape): { allowed: string[]; forbidden: string[] } {
  if (s.pattern === undefined) return { allowed: candidates, forbidden: [] };
  const re = javaPattern(s.pattern);
  return { allowed: candidates.filter((c) => re.test(c)), forbidden: candidates.filter((c) => !re.test(c)) };
}

function isValidString(s: StringShape, name: string, value: string): boolean {
  if (s.min !== undefined && lengthOf(value) < s.min) return false;
  if (s.max !== undefined && lengthOf(value) > s.max) return false;
  if (s.pattern !== undefined && !javaPattern(s.pattern).test(value)) return false;
  const prefix = documentedLimits[name]?.reservedPrefix;
  if (prefix && value.toLowerCase().startsWith(prefix.toLowerCase())) return false;
  return true;
}

/** Lists without a model maximum get at most this many items in generated values (runtime). */
const listCap = 4;
/** Maps without a maximum: at most this many entries. */
const mapCap = 4;

function mapMax(name: string, s: Shape & { type: "map" }): number | undefined {
  return documentedLimits[name]?.max ?? s.max;
}

const validCache = new Map<string, fc.Arbitrary<unknown>>();

/** Valid values of a model shape. */
export function validOf(name: string): fc.Arbitrary<unknown> {
  const cached = validCache.get(name);
  if (cached) return cached;
  const s = shape(name);
  let arb: fc.Arbitrary<unknown>;
  switch (s.type) {
    case "string": {
      const { allowed } = charactersFor(s);
      const unit = fc.constantFrom(...allowed);
      const min = s.min ?? 0;
      const max = s.max ?? 256;
      const valid = (v: string) => isValidString(s, name, v);
      arb = fc
        .oneof(
          { weight: 6, arbitrary: fc.string({ unit, minLength: min, maxLength: Math.min(max, 40) }) },
          // The boundaries: exactly the minimum and exactly the maximum length.
          { weight: 1, arbitrary: fc.string({ unit, minLength: min, maxLength: min }) },
          { weight: 1, arbitrary: fc.string({ unit, minLength: max, maxLength: max }).map((v) => cutToLength(v, max)) },
        )
        .filter(valid);
      break;
    }
    case "boolean":
      arb = fc.boolean();
      break;
    case "timestamp": // only in answers, never generated as input
      arb = fc.integer({ min: 0 });
      break;
    case "integer":
      arb = fc.integer({ min: s.min ?? -(2 ** 31), max: s.max ?? 2 ** 31 - 1 });
      break;
    case "list":
      arb = fc.array(validOf(s.member.shape), { minLength: s.min ?? 0, maxLength: Math.min(s.max ?? listCap, listCap) });
      break;
    case "map": {
      const max = mapMax(name, s);
      const key = validOf(s.key.shape) as fc.Arbitrary<string>;
      const value = validOf(s.value.shape);
      const small = fc.dictionary(key, value, { minKeys: s.min ?? 0, maxKeys: Math.min(max ?? mapCap, mapCap), noNullPrototype: true });
      arb =
        max === undefined
          ? small
          : fc.oneof(
              { weight: 8, arbitrary: small },
              { weight: 1, arbitrary: fc.dictionary(key, value, { minKeys: max, maxKeys: max, noNullPrototype: true }) },
            );
      break;
    }
    case "structure": {
      const members = Object.fromEntries(Object.entries(s.members).map(([member, ref]) => [member, validOf(ref.shape)]));
      arb = fc.record(members, { requiredKeys: (s.required ?? []) as never[], noNullPrototype: true });
      break;
    }
  }
  validCache.set(name, arb);
  return arb;
}

/** Shortens to `max` code units without splitting a surrogate pair. */
function cutToLength(value: string, max: number): string {
  let out = "";
  for (const ch of value) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Values of every JSON type but the one the shape takes. */
function wrongTypeFor(s: Shape): fc.Arbitrary<unknown> {
  const options: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("true", "false", "True", "1", "")),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    null: fc.constant(null),
    list: fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3, noNullPrototype: true }),
  };
  const own = {
    string: "string",
    boolean: "boolean",
    integer: "number",
    timestamp: "number",
    list: "list",
    map: "object",
    structure: "object",
  }[s.type];
  // A whole number is the wrong type for every shape but an integer; a fraction is wrong for all.
  return fc.oneof(
    ...Object.entries(options)
      .filter(([type]) => type !== own)
      .map(([, arb]) => arb),
    ...(own === "number" ? [fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n))] : []),
  );
}

const unknownKeyNames = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** Names that are not members of `s`, including case and whitespace near-misses of real ones. */
function unknownKeyFor(members: string[]): fc.Arbitrary<string> {
  const nearMisses = members.flatMap((m) => [m.toLowerCase(), `${m} `, m.toUpperCase()]);
  return fc.oneof(unknownKeyNames, ...(nearMisses.length ? [fc.constantFrom(...nearMisses)] : [])).filter((k) => !members.includes(k));
}

/**
 * Invalid values of a model shape, each with exactly one thing wrong: at this node (type,
 * length, pattern, reserved prefix, unknown or missing keys, too many entries) or, recursively,
 * in one member, item, map key or map value.
 */
export function invalidOf(name: string, path: Segment[], depth = 0): fc.Arbitrary<InvalidValue> {
  const s = shape(name);
  const here = (kind: string, value: fc.Arbitrary<unknown>, at: Segment[] = path): fc.Arbitrary<InvalidValue> =>
    value.map((v) => ({ value: v, mutation: { kind, path, field: renderField(at) } }));
  const choices: fc.Arbitrary<InvalidValue>[] = [here("wrong type", wrongTypeFor(s))];

  switch (s.type) {
    case "string": {
      const { allowed, forbidden } = charactersFor(s);
      const unit = fc.constantFrom(...allowed);
      if (s.max !== undefined)
        choices.push(
          here(
            "too long",
            fc.string({ unit, minLength: s.max + 1, maxLength: s.max + 40 }).filter((v) => lengthOf(v) > s.max!),
          ),
        );
      if (s.min !== undefined && s.min > 0)
        choices.push(
          here(
            "too short",
            fc.string({ unit, maxLength: s.min - 1 }).filter((v) => lengthOf(v) < s.min!),
          ),
        );
      if (forbidden.length)
        choices.push(
          here(
            "pattern",
            fc
              .tuple(validOf(name) as fc.Arbitrary<string>, fc.constantFrom(...forbidden), fc.nat())
              .map(([v, bad, at]) => {
                const chars = [...v];
                chars.splice(at % (chars.length + 1), chars.length >= (s.max ?? Infinity) ? 1 : 0, bad);
                return chars.join("");
              })
              .filter((v) => !isValidString(s, name, v) && lengthOf(v) >= (s.min ?? 0) && lengthOf(v) <= (s.max ?? Infinity)),
          ),
        );
      const prefix = documentedLimits[name]?.reservedPrefix;
      if (prefix)
        choices.push(
          here(
            "reserved prefix",
            fc
              .tuple(fc.mixedCase(fc.constant(prefix)), fc.string({ unit, maxLength: 20 }))
              .map(([p, rest]) => p + rest)
              .filter((v) => lengthOf(v) <= (s.max ?? Infinity)),
          ),
        );
      break;
    }
    case "boolean":
      break;
    case "integer":
      if (s.min !== undefined) choices.push(here("too small", fc.integer({ min: s.min - 1000, max: s.min - 1 })));
      if (s.max !== undefined) choices.push(here("too large", fc.integer({ min: s.max + 1, max: s.max + 1000 })));
      break;
    case "list": {
      if (s.max !== undefined)
        choices.push(here("too many items", fc.array(validOf(s.member.shape), { minLength: s.max + 1, maxLength: s.max + 3 })));
      if (s.min !== undefined && s.min > 0)
        choices.push(here("too few items", fc.array(validOf(s.member.shape), { maxLength: s.min - 1 })));
      if (depth < 4)
        choices.push(
          fc.tuple(fc.array(validOf(s.member.shape), { maxLength: listCap - 1 }), fc.nat()).chain(([items, at]) => {
            const index = at % (items.length + 1);
            return invalidOf(s.member.shape, [...path, { index }], depth + 1).map((bad) => {
              const copy = [...items];
              copy.splice(index, 0, bad.value);
              return { value: copy, mutation: bad.mutation };
            });
          }),
        );
      break;
    }
    case "map": {
      const max = mapMax(name, s);
      const key = validOf(s.key.shape) as fc.Arbitrary<string>;
      const value = validOf(s.value.shape);
      if (max !== undefined)
        choices.push(here("too many entries", fc.dictionary(key, value, { minKeys: max + 1, maxKeys: max + 3, noNullPrototype: true })));
      if (depth < 4) {
        const base = fc.dictionary(key, value, { maxKeys: Math.min(max ?? mapCap, mapCap) - 1, noNullPrototype: true });
        // One value wrong: the problem names the entry.
        choices.push(
          fc.tuple(base, key).chain(([entries, k]) =>
            invalidOf(s.value.shape, [...path, { key: k }], depth + 1).map((bad) => ({
              value: { ...entries, [k]: bad.value },
              mutation: bad.mutation,
            })),
          ),
        );
        // One key wrong (a key is a string shape: length, pattern, prefix): the problem names the map.
        choices.push(
          fc
            .tuple(
              base,
              invalidOf(s.key.shape, path, depth + 1).filter((bad) => typeof bad.value === "string"),
            )
            .map(([entries, bad]) => ({
              value: { ...entries, [bad.value as string]: "v" },
              mutation: { kind: `key ${bad.mutation.kind}`, path, field: renderField(path) },
            })),
        );
      }
      break;
    }
    case "structure": {
      const members = Object.keys(s.members);
      const valid = validOf(name) as fc.Arbitrary<Record<string, unknown>>;
      choices.push(
        fc.tuple(valid, unknownKeyFor(members), fc.jsonValue({ maxDepth: 1 })).map(([obj, key, junk]) => ({
          value: Object.defineProperty({ ...obj }, key, { value: junk, enumerable: true, writable: true, configurable: true }),
          mutation: { kind: "unknown key", path: [...path, { member: key }], field: renderField([...path, { member: key }]) },
        })),
      );
      for (const required of s.required ?? [])
        choices.push(
          valid.map((obj) => {
            const { [required]: _dropped, ...rest } = obj;
            return {
              value: rest,
              mutation: {
                kind: "missing required",
                path: [...path, { member: required }],
                field: renderField([...path, { member: required }]),
              },
            };
          }),
        );
      if (depth < 4)
        for (const [member, ref] of Object.entries(s.members))
          choices.push(
            fc
              .tuple(valid, invalidOf(ref.shape, [...path, { member }], depth + 1))
              .map(([obj, bad]) => ({ value: { ...obj, [member]: bad.value }, mutation: bad.mutation })),
          );
      break;
    }
  }
  return fc.oneof(...choices);
}

/** Whether a value is valid for a shape, by the model alone (the test's own oracle, used to check the generators). */
export function isValid(name: string, value: unknown): boolean {
  const s = shape(name);
  switch (s.type) {
    case "string":
      return typeof value === "string" && isValidString(s, name, value);
    case "boolean":
      return typeof value === "boolean";
    case "timestamp":
      return typeof value === "number";
    case "integer":
      return (
        typeof value === "number" &&
        Number.isInteger(value) &&
        (s.min === undefined || value >= s.min) &&
        (s.max === undefined || value <= s.max)
      );
    case "list":
      return (
        Array.isArray(value) &&
        (s.min === undefined || value.length >= s.min) &&
        (s.max === undefined || value.length <= s.max) &&
        value.every((v) => isValid(s.member.shape, v))
      );
    case "map": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
      const entries = Object.entries(value);
      const max = mapMax(name, s);
      return (
        (max === undefined || entries.length <= max) && entries.every(([k, v]) => isValid(s.key.shape, k) && isValid(s.value.shape, v))
      );
    }
    case "structure": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      if (Object.keys(record).some((k) => !(k in s.members) || !Object.prototype.hasOwnProperty.call(s.members, k))) return false;
      if ((s.required ?? []).some((r) => record[r] === undefined)) return false;
      return Object.entries(record).every(([k, v]) => isValid(s.members[k]!.shape, v));
    }
  }
}
