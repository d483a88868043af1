/**
 * Every tool's input and output schemas as JSON Schema, converted from the zod schemas that
 * validate its calls: what the build puts in the bundle, and the sources compute when run directly.
 * Needs no AWS code, so neither the build nor tools/list from the sources loads the SDK.
 */
import { z } from "zod";
import type { Tool } from "@modelcontextprotocol/server";
import { tools } from "../tools/index.js";
import type { ToolContract } from "../tools/contract.js";
import { toolInputSchema } from "../operation/arguments.js";
import { outputSchema } from "../operation/result.js";
import { callShape } from "./prepare.js";
import { effectOf } from "../effects/index.js";

export interface ToolJsonSchemas {
  input: Tool["inputSchema"];
  output: Tool["outputSchema"];
}

/**
 * JSON Schema 2020-12, the dialect MCP 2025-11-25 and 2026-07-28 assume for a tool schema without
 * a $schema; leaving it out keeps tools/list within its budget.
 */
function jsonSchemaOf(schema: z.ZodType): Tool["inputSchema"] {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  return withoutNoOps(rest) as Tool["inputSchema"];
}

/** The schema without `propertyNames: { type: "string" }`, which every JSON object's keys meet: bytes of tools/list that say nothing. */
function withoutNoOps(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNoOps);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === "propertyNames" && JSON.stringify(value) === '{"type":"string"}'))
      .map(([key, value]) => [key, withoutNoOps(value)]),
  );
}

/** One tool's schemas. */
export function toolJsonSchemas(contract: ToolContract): ToolJsonSchemas {
  const { operation, effectOptions } = callShape(contract);
  return {
    input: jsonSchemaOf(toolInputSchema(operation, effectOptions)),
    output: jsonSchemaOf(outputSchema(operation, effectOf(contract.effect).resultExtras)) as Tool["outputSchema"],
  };
}

export function everyToolJsonSchemas(): Record<string, ToolJsonSchemas> {
  return Object.fromEntries(tools.map((contract) => [contract.name, toolJsonSchemas(contract)]));
}
