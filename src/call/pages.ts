/**
 * Paging as the AWS CLI v1 does it (botocore's paginator): follow the output token page after
 * page, merge the result lists, and stop at --max-items with a token to resume from.
 */
import type { Operation } from "../operation/model.js";
import { failed, ok, type CallOutcome, type Connection, type Target, type Timeouts } from "../operation/types.js";
import { callPages, type Answer } from "../aws/calls.js";
import type { DebugLog } from "../aws/debug.js";

/** The CLI's paging options. */
export interface Paging {
  pageSize?: number;
  maxItems?: number;
  startingToken?: string;
}

interface Route {
  connection: Connection;
  timeouts: Timeouts;
  target: Target;
}

/** botocore's resume token: base64 of JSON with the input token, and how much of that page was already returned. */
function decodeToken(token: string, inputToken: string): { token?: string; skip: number } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as Record<string, unknown>;
    const skip = typeof parsed.boto_truncate_amount === "number" ? parsed.boto_truncate_amount : 0;
    const value = parsed[inputToken];
    return { token: typeof value === "string" ? value : undefined, skip };
  } catch {
    return undefined;
  }
}

function encodeToken(inputToken: string, token: string | undefined, skip: number): string {
  return Buffer.from(JSON.stringify({ [inputToken]: token ?? null, ...(skip && { boto_truncate_amount: skip }) })).toString("base64");
}

/**
 * Every page from the starting token on, merged into one answer: the result list and, when
 * --max-items cut it short, NextToken to resume from.
 */
export async function listAllPages(operation: Operation, route: Route, paging: Paging, request: Record<string, unknown> = {}, debug?: DebugLog): Promise<CallOutcome<Answer>> {
  const { input_token: inputToken, output_token: outputToken, limit_key: limitKey, result_key: resultKey } = operation.paginator!;
  const start = paging.startingToken === undefined ? { token: undefined, skip: 0 } : decodeToken(paging.startingToken, inputToken);
  if (!start) return { ...failed({ name: "InvalidStartingToken", message: "startingToken is not a token this tool or the AWS CLI gave" }), target: route.target };
  const first: Record<string, unknown> = { ...request, ...(paging.pageSize !== undefined && { [limitKey]: paging.pageSize }) };
  if (first[limitKey] === undefined) first[limitKey] = 60;
  if (start.token !== undefined) first[inputToken] = start.token;
  else delete first[inputToken];

  const items: unknown[] = [];
  let resume: string | undefined;
  let skip = start.skip;
  const outcome = await callPages(operation, first, route.connection, route.target, { timeouts: route.timeouts, debug }, (page, sent) => {
    const found = ((page.value[resultKey] as unknown[] | undefined) ?? []).slice(skip);
    const room = paging.maxItems === undefined ? found.length : paging.maxItems - items.length;
    items.push(...found.slice(0, room));
    const next = page.value[outputToken] as string | undefined;
    if (found.length > room) {
      // Cut inside this page: resume by reading it again, past what was returned.
      resume = encodeToken(inputToken, sent[inputToken] as string | undefined, skip + room);
      return undefined;
    }
    skip = 0;
    if (next === undefined) return undefined;
    if (paging.maxItems !== undefined && items.length >= paging.maxItems) {
      resume = encodeToken(inputToken, next, 0);
      return undefined;
    }
    return { ...sent, [inputToken]: next };
  });
  if (!outcome.ok) return outcome;
  const last = outcome.value.at(-1)!;
  return { ...ok({ value: { [resultKey]: items, ...(resume !== undefined && { [outputToken]: resume }) }, requestId: last.requestId }), target: outcome.target };
}
