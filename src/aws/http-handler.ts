/**
 * The SDK's NodeHttpHandler with the AWS CLI's per-call timeouts. A client is costly to build and
 * holds the connection pool, so calls that differ only in cliReadTimeout / cliConnectTimeout share
 * one client and its agents; each timeout pair gets a light NodeHttpHandler over those agents.
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { defaultTimeoutSeconds } from "./defaults.js";
import type { HttpHandler, HttpRequest, HttpResponse } from "@smithy/core/protocols";
import type { HttpHandlerOptions } from "@smithy/types";

export interface CallTimeouts {
  /** Milliseconds; 0 means no limit, as the CLI's 0 seconds. */
  connectMs: number;
  readMs: number;
}

/** Passed as `client.send(command, { timeouts })`: the SDK hands send's options to the handler. */
export type TimeoutHandlerOptions = HttpHandlerOptions & { timeouts?: CallTimeouts };

const maxHandlers = 32;

export class PerCallTimeoutHandler implements HttpHandler<object> {
  readonly metadata = { handlerProtocol: "http/1.1" };
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;
  private readonly handlers = new Map<string, NodeHttpHandler>();

  constructor(tls: { ca?: string; rejectUnauthorized: boolean }) {
    this.httpAgent = new HttpAgent({ keepAlive: true });
    this.httpsAgent = new HttpsAgent({ keepAlive: true, rejectUnauthorized: tls.rejectUnauthorized, ...(tls.ca ? { ca: tls.ca } : {}) });
  }

  handle(request: HttpRequest, options: TimeoutHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const { timeouts = { connectMs: defaultTimeoutSeconds * 1000, readMs: defaultTimeoutSeconds * 1000 }, ...rest } = options;
    const key = `${timeouts.connectMs}/${timeouts.readMs}`;
    let handler = this.handlers.get(key);
    if (handler) this.handlers.delete(key);
    else
      handler = new NodeHttpHandler({
        connectionTimeout: timeouts.connectMs,
        socketTimeout: timeouts.readMs,
        httpAgent: this.httpAgent,
        httpsAgent: this.httpsAgent,
      });
    this.handlers.set(key, handler);
    // Dropping a handler is enough: the agents, and so the sockets, belong to this object.
    if (this.handlers.size > maxHandlers) this.handlers.delete(this.handlers.keys().next().value!);
    return handler.handle(request, rest);
  }

  updateHttpClientConfig(): void {
    // Timeouts come with each call; nothing else is configurable after construction.
  }

  httpHandlerConfigs(): object {
    return {};
  }

  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
