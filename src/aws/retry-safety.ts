/**
 * Whether a failed attempt may be retried: a write whose request may have reached AWS is not,
 * since the outcome is unknown and a retry could apply it twice.
 */
import type { DeserializeHandler, DeserializeHandlerArguments } from "@smithy/types";
import type { CreateIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
import { outcomeUnknown } from "../operation/types.js";

export type Stack = CreateIdentityPoolCommand["middlewareStack"];

/**
 * For a write that is not safe to repeat (a create would make a duplicate; a delete repeated
 * after it took effect would report a missing pool). Once the request may have reached AWS, a
 * failure to read the answer (read timeout, reset, truncated or unreadable body, even after a
 * 200) leaves the outcome unknown, so the call ends there and says so. Failures that
 * prove nothing was sent (refused, unresolvable, connect timeout, TLS) and error answers from AWS
 * (throttling, 5xx) keep the SDK's retries. Placed around the deserializer, inside signing, so
 * credential errors never count as sent.
 */
export function noBlindRetries(stack: Stack): void {
  // The status line of this attempt's answer, when one came: a body that then fails to arrive
  // or parse carries no status of its own.
  let answeredStatus: number | undefined;
  const aroundDeserializer = (next: DeserializeHandler<object, object>) => async (args: DeserializeHandlerArguments<object>) => {
    answeredStatus = undefined;
    try {
      return await next(args);
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? answeredStatus;
      if (!outcomeIsUnknown(error, status)) throw error;
      const answered = status !== undefined ? `AWS answered HTTP ${status}, but the answer could not be read: ` : "";
      // No `cause`: the SDK classifies an error as transient (retryable) when its cause is.
      throw Object.assign(new Error(`${answered}${(error as Error).message}`), {
        name: outcomeUnknown,
        $metadata: { httpStatusCode: status },
      });
    }
  };
  const aroundHandler = (next: DeserializeHandler<object, object>) => async (args: DeserializeHandlerArguments<object>) => {
    const result = await next(args);
    answeredStatus = (result.response as { statusCode?: number }).statusCode;
    return result;
  };
  stack.add(aroundDeserializer as unknown as Parameters<Stack["add"]>[0], {
    step: "deserialize",
    priority: "high",
    name: "noBlindRetries",
  });
  stack.add(aroundHandler as unknown as Parameters<Stack["add"]>[0], { step: "deserialize", priority: "low", name: "answeredStatus" });
}

const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

function outcomeIsUnknown(error: unknown, status: number | undefined): boolean {
  const e = error as { code?: string; message?: string };
  // AWS answered: an error status is a definite failure; a success we could not read is not.
  if (status !== undefined) return status >= 200 && status < 300;
  if (notSentCodes.has(e?.code ?? "")) return false;
  if (/did not establish a connection/.test(e?.message ?? "")) return false;
  if (/CERT|TLS|SSL|SELF_SIGNED/i.test(e?.code ?? "")) return false;
  return true;
}
