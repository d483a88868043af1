/**
 * The tools/list entries of the tools the operator enabled. Start-up loads only this and the
 * contracts; the JSON Schemas are computed at build time (scripts/build.mjs) from the zod schemas
 * that validate calls, so listing the tools loads none of the call code.
 */
import type { Tool } from "@modelcontextprotocol/server";
import type { ServerConfig } from "../config.js";
import { enabledTools } from "../tools/index.js";
import type { ToolContract } from "../tools/contract.js";
import { effectOf } from "../effects/index.js";
import type { ToolJsonSchemas } from "../call/schemas.js";

/** In the bundle, scripts/build.mjs replaces this with every tool's schemas as JSON text; undefined when running the sources. */
declare const __TOOL_JSON_SCHEMAS__: string | undefined;

let jsonSchemas: Promise<Record<string, ToolJsonSchemas>> | undefined;

/** Every tool's schemas, by name: from the bundle, or converted once from the sources. */
function allJsonSchemas(): Promise<Record<string, ToolJsonSchemas>> {
  jsonSchemas ??=
    typeof __TOOL_JSON_SCHEMAS__ === "string"
      ? Promise.resolve(JSON.parse(__TOOL_JSON_SCHEMAS__) as Record<string, ToolJsonSchemas>)
      : import("../call/schemas.js").then((schemas) => schemas.everyToolJsonSchemas());
  return jsonSchemas;
}

/** Said in every write tool's description when the operator did not choose plans (the controls note says it when they did). */
const plansSentence = "\n\nWith the operator's --confirm-writes, it answers with a plan first.";

/** The operator's active controls, said once in each write tool's description. */
function controlsNote(contract: ToolContract, config: ServerConfig): string {
  if (contract.effect === "read") return "";
  const controls = [
    config.confirmWrites && "plans first (confirm with the plan's code)",
    config.readOnly && "READ-ONLY server: dry runs only",
    config.consent && "the user approves each call",
    contract.effect === "create" &&
      config.ifNameExists &&
      config.ifNameExists !== "create" &&
      `ifNameExists defaults to "${config.ifNameExists}"`,
    config.maxWritesPerMinute && `at most ${config.maxWritesPerMinute} writes a minute`,
  ].filter(Boolean);
  return controls.length ? `\n\nActive now: ${controls.join("; ")}.` : "";
}

export async function listTools(config: ServerConfig): Promise<{ tools: Tool[] }> {
  const schemas = await allJsonSchemas();
  return {
    tools: enabledTools(config.tools).map((contract) => ({
      name: contract.name,
      title: contract.title,
      description:
        contract.description + (contract.effect === "read" || config.confirmWrites ? "" : plansSentence) + controlsNote(contract, config),
      inputSchema: schemas[contract.name]!.input,
      outputSchema: schemas[contract.name]!.output,
      annotations: {
        ...effectOf(contract.effect).annotations,
        ...contract.annotations,
        // A read-only server's writes change nothing.
        ...(config.readOnly && { readOnlyHint: true }),
      },
    })),
  };
}
