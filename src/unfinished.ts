/**
 * A call that may not have finished, said the same way wherever it happens: an AWS call whose
 * answer never came (src/call/run.ts), or a call a stop cut short (the transports). For each kind
 * of write, what may have happened and what to do about it.
 */
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { Effect, Failure } from "./operation/types.js";
import { tools } from "./tools/index.js";

export const unknownOutcome: Record<Exclude<Effect, "read">, { means: string; hint: string }> = {
  create: {
    means: "so the pool may or may not have been created",
    hint: 'Do not simply retry: that can create a duplicate. Check first: call again with ifNameExists "return-existing", which returns the pool if it was created and creates it otherwise.',
  },
  delete: {
    means: "so the pool may or may not have been deleted",
    hint: "Check with describe_identity_pool before deleting again: a ResourceNotFoundException means it is gone.",
  },
  replace: {
    means: "so the change may or may not have been made",
    hint: "Read the pool again to see whether it was; repeating the same call is safe.",
  },
};

/** A request still running when the server stopped waiting for it: what it is, as the transport saw it. */
export interface CutOffRequest {
  id: string | number;
  method: string;
  /** tools/call: the tool's name, and whether the call sends nothing (a dry run or a skeleton). */
  tool?: string;
  sendsNothing?: boolean;
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
  const write = contract && contract.effect !== "read" && !request.sendsNothing ? unknownOutcome[contract.effect] : undefined;
  const error: Failure = write
    ? { name: "OutcomeUnknown", message: `${stopped}, ${write.means}.`, hint: write.hint }
    : contract
      ? { name: "ServerStopped", message: `${stopped}; it changes nothing, so calling it again is safe.` }
      : { name: "ServerStopped", message: `${stopped}; whether it changed anything is unknown.` };
  const text = [`${contract?.operation ?? request.tool} failed: ${error.name}: ${error.message}`, error.hint].filter(Boolean).join("\n");
  return {
    jsonrpc: "2.0",
    id: request.id,
    result: { isError: true, content: [{ type: "text", text }], _meta: { error } },
  } as unknown as JSONRPCMessage;
}
