/**
 * A call that may not have finished, said the same way wherever it happens: an AWS call whose
 * answer never came (src/call/run.ts), or a call a stop cut short (the transports). For each kind
 * of write, what may have happened and what to do about it.
 */
import type { JSONRPCMessage } from "@modelcontextprotocol/server";
import type { CutOffRequest } from "../transports/in-flight.js";
import { outcomeUnknown, type Effect, type Failure } from "../operation/types.js";
import { tools } from "../tools/index.js";
import { writeEffectOf } from "./index.js";

/** A write's failure whose outcome is unknown: what happened (`message`), what that means for this kind of write, and what to do. */
export function unknownOutcomeFailure(effect: Exclude<Effect, "read">, message: string): Failure {
  const { means, hint } = writeEffectOf(effect)!.unknownOutcome;
  return { name: outcomeUnknown, message: `${message}, ${means}.`, hint };
}

/** The answer to a request a stop cut short: for a tool call, a failed call's result saying what may have happened. */
export function cutOffAnswer(request: CutOffRequest, reason: string): JSONRPCMessage {
  if (request.method !== "tools/call")
    return {
      jsonrpc: "2.0",
      id: request.id,
      error: { code: -32603, message: `The server stopped (${reason}) before answering ${request.method}` },
    } as unknown as JSONRPCMessage;
  const contract = tools.find((t) => t.name === request.tool);
  const stopped = `The server stopped (${reason}) before ${request.tool ?? "the call"} finished`;
  const error: Failure =
    contract && contract.effect !== "read" && !request.sendsNothing
      ? unknownOutcomeFailure(contract.effect, stopped)
      : contract
        ? { name: "ServerStopped", message: `${stopped}; it changes nothing, so calling it again is safe.` }
        : { name: "ServerStopped", message: `${stopped}; whether it changed anything is unknown.` };
  const text = [`${contract?.operation ?? request.tool} failed: ${error.name}: ${error.message}`, error.hint].filter(Boolean).join("\n");
  return {
    jsonrpc: "2.0",
    id: request.id,
    result: { ...(request.modern && { resultType: "complete" }), isError: true, content: [{ type: "text", text }], _meta: { error } },
  } as unknown as JSONRPCMessage;
}
