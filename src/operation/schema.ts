/**
 * Zod schemas derived from the service model: one walker turns botocore shapes into
 * zod, so lengths, patterns and sizes live in one place (service-model.json), with the
 * limits AWS documents elsewhere laid over it.
 */
import { z } from "zod";
import { shape, structure, type Operation, type Shape, type StructureShape } from "./model.js";
import { memberDocs } from "./docs.js";

/**
 * Limits AWS documents for identity pools that the model does not carry ("Quotas in
 * Amazon Cognito" and "Tagging Amazon Cognito resources"), keyed by model shape.
 */
export const documentedLimits: Record<string, { max?: number; reservedPrefix?: string }> = {
  IdentityPoolTagsType: { max: 50 },
  TagKeysType: { reservedPrefix: "aws:" },
};

/**
 * AWS evaluates model patterns as Java regular expressions against the whole value.
 * Java's `\s` is ASCII whitespace only, while JavaScript's also matches Unicode spaces.
 * Java's `\p{L}` (a Unicode category, in ClaimName) needs JavaScript's `u` flag; only patterns
 * using it get the flag, so every other pattern keeps its meaning.
 */
export function javaPatternToRegExp(pattern: string): RegExp {
  const javaSpace = " \\t\\n\\v\\f\\r";
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1];
      out += next === "s" ? (inClass ? javaSpace : `[${javaSpace}]`) : c + (next ?? "");
      i++;
      continue;
    }
    if (c === "[") inClass = true;
    if (c === "]") inClass = false;
    out += c;
  }
  // Unicode-aware where the model needs it (\p{L} and friends), as Java is.
  return new RegExp(`^(?:${out})$`, pattern.includes("\\p{") ? "u" : "");
}

/** Matches values that do not start with `prefix`, in any letter case. */
function notPrefixedBy(prefix: string): RegExp {
  const anyCase = [...prefix].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join("");
  return new RegExp(`^(?!${anyCase})`);
}

/** "model": every constraint; "types": JSON types only (for shapes that hold placeholders). */
type Strictness = "model" | "types";

// A check's `error` is the rule as the model states it, so problems can quote it.
function shapeToZod(name: string, strictness: Strictness): z.ZodType {
  const s: Shape = shape(name);
  const constrained = strictness === "model";
  const limits = documentedLimits[name] ?? {};
  switch (s.type) {
    case "string": {
      let str = z.string();
      if (!constrained) return str;
      // An enum (RoleMappingType …): a value of another JSON type is still a type error.
      if (s.enum) return str.pipe(z.enum(s.enum as [string, ...string[]]));
      if (s.min !== undefined) str = str.min(s.min);
      if (s.max !== undefined) str = str.max(s.max);
      if (s.pattern !== undefined) str = str.regex(javaPatternToRegExp(s.pattern), { error: s.pattern });
      if (limits.reservedPrefix) str = str.regex(notPrefixedBy(limits.reservedPrefix), { error: `no "${limits.reservedPrefix}" prefix` });
      return str;
    }
    case "boolean":
      return z.boolean();
    case "integer": {
      let int = z.number().int();
      if (constrained && s.min !== undefined) int = int.min(s.min);
      if (constrained && s.max !== undefined) int = int.max(s.max);
      return int;
    }
    case "timestamp":
      return z.number().describe("Seconds since the epoch.");
    case "list": {
      let list = z.array(shapeToZod(s.member.shape, strictness));
      if (constrained && s.min !== undefined) list = list.min(s.min);
      if (constrained && s.max !== undefined) list = list.max(s.max);
      return list;
    }
    case "map": {
      const record = z.record(shapeToZod(s.key.shape, strictness) as z.ZodString, shapeToZod(s.value.shape, strictness));
      const max = limits.max ?? s.max;
      if (!constrained || max === undefined) return record;
      return record
        .check((ctx) => {
          if (Object.keys(ctx.value).length > max)
            ctx.issues.push({ code: "too_big", origin: "map", maximum: max, inclusive: true, input: ctx.value });
        })
        .meta({ maxProperties: max });
    }
    case "structure":
      return structureToZod(s, strictness, "enforce");
  }
}

/**
 * "enforce": required members must be present. "describe": every member is optional and the
 * required ones say so, because the tool's arguments may leave them to cliInputJson or cliArgs.
 */
type Required = "enforce" | "describe" | "none";

function structureToZod(s: StructureShape, strictness: Strictness, required: Required) {
  const requiredMembers = new Set(s.required ?? []);
  const members: Record<string, z.ZodType> = {};
  for (const [member, ref] of Object.entries(s.members)) {
    let schema = shapeToZod(ref.shape, strictness);
    const isRequired = requiredMembers.has(member);
    // Only the tool's arguments are described: a result's members need no explaining to the caller who asked.
    if (required === "describe")
      schema = schema.describe([memberDocs[member], isRequired ? "Required (or in cliInputJson/Yaml, cliArgs)." : ""].join(" ").trim());
    members[member] = isRequired && required === "enforce" ? schema : schema.optional();
  }
  return z.strictObject(members);
}

/** Derived once per operation: the schemas are costly to build and never change. */
function perOperation<T>(derive: (operation: Operation) => T): (operation: Operation) => T {
  const cache = new Map<string, T>();
  return (operation) => {
    let found = cache.get(operation.name);
    if (found === undefined) cache.set(operation.name, (found = derive(operation)));
    return found;
  };
}

/** The merged request as the service checks it: required members, every constraint. */
export const requestSchema = perOperation((operation) => structureToZod(operation.input, "model", "enforce"));

/** The same members, none required: what the tool's own arguments may carry (cliInputJson can supply the rest). */
export const argumentsShape = perOperation((operation) => structureToZod(operation.input, "model", "describe").shape);

/** What the operation answers, by JSON type only: what every success's structuredContent shares, placeholders included. */
export const resultTypesShape = perOperation((operation) =>
  operation.outputShapeName ? structureToZod(structure(operation.outputShapeName), "types", "none").shape : {},
);

/** Any shape of the model slice with every constraint: the sandbox validates each operation's input with it. */
export function modelSchema(shapeName: string): z.ZodType {
  return shapeToZod(shapeName, "model");
}
