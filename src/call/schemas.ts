/**
 * Every tool's input and output schemas as JSON Schema, converted from the zod schemas that
 * validate its calls: what the build puts in the bundle, and the sources compute when run directly.
 * Needs no AWS code, so neither the build nor tools/list from the sources loads the SDK.
 */
import { z } from "zod";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { tools } from "../tools/index.js";
import type { ToolContract } from "../tools/contract.js";
import { toolInputSchema } from "../operation/arguments.js";
import { outputSchema } from "../operation/result.js";
import { callShape } from "./prepare.js";

export interface ToolJsonSchemas {
  input: Tool["inputSchema"];
  output: Tool["outputSchema"];
}

function jsonSchemaOf(schema: z.ZodType): Tool["inputSchema"] {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  return rest as Tool["inputSchema"];
}

/** One tool's schemas. */
export function toolJsonSchemas(contract: ToolContract): ToolJsonSchemas {
  const { operation, effectOptions } = callShape(contract);
  return {
    input: jsonSchemaOf(toolInputSchema(operation, effectOptions)),
    output: jsonSchemaOf(outputSchema(operation, contract.effect)) as Tool["outputSchema"],
  };
}

export function everyToolJsonSchemas(): Record<string, ToolJsonSchemas> {
  return Object.fromEntries(tools.map((contract) => [contract.name, toolJsonSchemas(contract)]));
}
