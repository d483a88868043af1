/**
 * Paging as the AWS CLI v1 does it (botocore's PageIterator): follow the output token page after
 * page, stop at --max-items, and give the resume token botocore gives, so a token from either one
 * continues in the other. test/fixtures/cli/list-identity-pools/pagination.json is the reference.
 */
import type { Operation } from "../operation/model.js";
import { failed, ok, type CallOutcome } from "../operation/types.js";
import { callPages, type Answer } from "../aws/calls.js";
import type { Route } from "./route.js";
import type { DebugLog } from "../aws/debug.js";

/** The CLI's paging options (`--max-items`, `--starting-token`); `--page-size` is already the request's limit. */
export interface Paging {
  maxItems?: number;
  startingToken?: string;
}

/** botocore's resume token: where to go on from, and how much of that page was already returned. */
interface ResumeToken {
  token: string | null;
  truncate?: number;
}

/** Python's json.dumps, for the few values a token holds: its separators, and ASCII only. */
function pythonJson(value: string | number | null): string {
  return typeof value === "string"
    ? JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    : String(value);
}

/** botocore's TokenEncoder: base64 of the token as JSON. */
function encode(inputToken: string, { token, truncate }: ResumeToken): string {
  const json = `{${pythonJson(inputToken)}: ${pythonJson(token)}${truncate === undefined ? "" : `, "boto_truncate_amount": ${truncate}`}}`;
  return Buffer.from(json, "utf8").toString("base64");
}

/** botocore's _parse_starting_token: its own encoded form, or else a service token as it is (`TOKEN___N` giving a truncation). */
function decode(inputToken: string, startingToken: string): ResumeToken {
  try {
    const parsed = JSON.parse(Buffer.from(startingToken, "base64").toString("utf8")) as Record<string, unknown>;
    if (parsed && typeof parsed === "object" && inputToken in parsed) {
      const token = parsed[inputToken];
      const truncate = parsed.boto_truncate_amount;
      return { token: typeof token === "string" ? token : null, truncate: typeof truncate === "number" ? truncate : undefined };
    }
  } catch {
    // Not one of botocore's: the older form.
  }
  const [token, truncate] = startingToken.split("___");
  return {
    token: token === "None" ? null : token!,
    truncate: truncate !== undefined && /^-?\d+$/.test(truncate) ? Number(truncate) : undefined,
  };
}

/** What paging gives: the merged answer (with the resume token, if any) and each page as the CLI's text output prints them. */
export interface PagedAnswer extends Answer {
  pages: Record<string, unknown>[];
}

/** Every page from the starting token on, as botocore's PageIterator reads them. */
export async function listPages(
  operation: Operation,
  route: Route,
  request: Record<string, unknown>,
  paging: Paging,
  debug?: DebugLog,
): Promise<CallOutcome<PagedAnswer>> {
  const { input_token: inputToken, output_token: outputToken, result_key: resultKey } = operation.paginator!;
  const start: ResumeToken =
    paging.startingToken === undefined
      ? { token: (request[inputToken] as string | undefined) ?? null }
      : decode(inputToken, paging.startingToken);
  const first = { ...request };
  if (start.token === null) delete first[inputToken];
  else first[inputToken] = start.token;

  const pages: Record<string, unknown>[] = [];
  let current: ResumeToken = { token: start.token };
  let resume: ResumeToken | undefined;
  let total = 0;
  let previous: string | undefined;
  let tokenRepeated = false;
  const outcome = await callPages(operation, first, route.connection, route.target, { timeouts: route.timeouts, debug }, (page) => {
    let items = (page.value[resultKey] as unknown[] | undefined) ?? [];
    // The starting token's truncation applies to the first page only.
    const skipped = pages.length === 0 ? (start.truncate ?? 0) : 0;
    if (skipped) items = items.slice(skipped);
    const over = paging.maxItems === undefined ? 0 : total + items.length - paging.maxItems;
    if (over > 0) {
      const keep = items.length - over;
      pages.push({ [resultKey]: items.slice(0, keep) });
      resume = { token: current.token, truncate: keep + skipped };
      return undefined;
    }
    pages.push({ [resultKey]: items });
    total += items.length;
    const next = page.value[outputToken] as string | undefined;
    if (next === undefined) return undefined;
    if (paging.maxItems !== undefined && total === paging.maxItems) {
      resume = { token: next };
      return undefined;
    }
    if (next === previous) {
      tokenRepeated = true;
      return undefined;
    }
    previous = next;
    current = { token: next };
    return { ...first, [inputToken]: next };
  });
  if (!outcome.ok) return outcome;
  if (tokenRepeated)
    return {
      ...failed({ name: "PaginationError", message: `The same next token was received twice: ${previous}` }),
      target: outcome.target,
    };
  const merged: Record<string, unknown> = { [resultKey]: pages.flatMap((p) => p[resultKey] as unknown[]) };
  if (resume) merged[outputToken] = encode(inputToken, resume);
  return { ...ok({ value: merged, pages, requestId: outcome.value.at(-1)?.requestId }), target: outcome.target };
}
