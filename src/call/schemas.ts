/** Every tool's JSON Schemas by name: what the build puts in the bundle, and the sources compute when run directly. */
import { tools } from "../tools/index.js";
import { toolJsonSchemas, type ToolJsonSchemas } from "./run.js";

export function everyToolJsonSchemas(): Record<string, ToolJsonSchemas> {
  return Object.fromEntries(tools.map((contract) => [contract.name, toolJsonSchemas(contract)]));
}
