/**
 * `debug`: each attempt's signed request and its response, with credentials redacted by name and
 * the secrets the model knows (login tokens sent, keys and tokens issued) withheld.
 */
import type { Operation } from "../operation/model.js";
import { withholdSecrets } from "../operation/secrets.js";
import { redactHeaders } from "./redact.js";
import type { Stack } from "./retry-safety.js";

/** Receives the request and response of a call when the caller asked for debug output. */
export type DebugLog = (message: string, data: Record<string, unknown>) => void;

/** Each attempt's signed request and its response, with credentials redacted and secrets withheld. */
export function logTraffic(stack: Stack, debug: DebugLog, operation: Operation): void {
  stack.add(
    (next) => async (args) => {
      const request = args.request as {
        method?: string;
        hostname?: string;
        path?: string;
        headers?: Record<string, string>;
        body?: unknown;
      };
      debug("request", {
        method: request.method,
        host: request.hostname,
        path: request.path,
        headers: redactHeaders(request.headers ?? {}),
        body: requestBody(request.body, operation),
      });
      try {
        const result = await next(args);
        const response = result.response as { statusCode?: number; headers?: Record<string, string> };
        // The body stream is the deserializer's; what it read is the output.
        const { $metadata: _metadata, ...output } = result.output as { $metadata?: unknown };
        const body = operation.outputShapeName ? withholdSecrets(output, operation.outputShapeName).value : output;
        debug("response", { status: response.statusCode, headers: redactHeaders(response.headers ?? {}), body });
        return result;
      } catch (error) {
        debug("error", { name: (error as Error).name, message: (error as Error).message });
        throw error;
      }
    },
    { step: "finalizeRequest", priority: "low", name: "debugTraffic" },
  );
}

/** A request body as text (the SDK may hold it as bytes), so it reads as JSON and can be redacted; its secrets withheld. */
function requestBody(body: unknown, operation: Operation): unknown {
  const text = body instanceof Uint8Array ? new TextDecoder().decode(body) : body;
  if (typeof text !== "string") return text;
  try {
    return JSON.stringify(withholdSecrets(JSON.parse(text) as unknown, operation.inputShapeName).value);
  } catch {
    return text;
  }
}
