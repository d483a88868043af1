/** Loopback endpoints that misbehave on purpose; each counts the requests it received. */
import { createServer, type Server } from "node:http";

export interface FaultServer {
  url: string;
  requests: number;
  stop(): Promise<void>;
}

export type Fault =
  | "stall"
  | "reset"
  | "500"
  | "throttle-then-ok"
  /** 200 and its headers (a content-length the body never reaches), then the connection closes. */
  | "headers-then-close"
  /** 200, half of a CreateIdentityPool body, then the connection closes before content-length is reached. */
  | "truncated-body"
  /** A complete 200 response whose body is CreateIdentityPool's JSON cut in half. */
  | "truncated-json"
  /** A complete 200 response whose body is not JSON (a proxy's HTML page). */
  | "not-json"
  /** A correct 200 answer, but only after lateAnswerMs (longer than a 1 s read timeout). */
  | "late-ok";

/** How long "late-ok" waits before answering. */
export const lateAnswerMs = 2500;

/** The body a successful CreateIdentityPool would have; faults send parts of it. */
export const faultPoolBody = JSON.stringify({
  IdentityPoolId: "us-east-1:11111111-2222-3333-4444-555555555555",
  IdentityPoolName: "FaultPool",
  AllowUnauthenticatedIdentities: false,
});

export async function startFaultServer(fault: Fault): Promise<FaultServer> {
  const state = { requests: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const amzJson = { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "fault-request-1" };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      state.requests++;
      if (fault === "stall") return; // accept, read, never answer
      if (fault === "reset") return req.socket.destroy();
      if (fault === "500") {
        res.writeHead(500, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": `req-${state.requests}` });
        return res.end(JSON.stringify({ __type: "InternalErrorException", message: "Internal error" }));
      }
      if (fault === "headers-then-close") {
        res.writeHead(200, { ...amzJson, "content-length": String(faultPoolBody.length) });
        res.flushHeaders();
        return later(50, () => req.socket.destroy());
      }
      if (fault === "truncated-body") {
        res.writeHead(200, { ...amzJson, "content-length": String(faultPoolBody.length) });
        res.write(faultPoolBody.slice(0, Math.floor(faultPoolBody.length / 2)));
        return later(50, () => req.socket.destroy());
      }
      if (fault === "truncated-json") {
        res.writeHead(200, amzJson);
        return res.end(faultPoolBody.slice(0, Math.floor(faultPoolBody.length / 2)));
      }
      if (fault === "not-json") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end("<html><body><h1>200 OK</h1>Request accepted by the proxy.</body></html>");
      }
      if (fault === "late-ok") {
        return later(lateAnswerMs, () => {
          if (res.destroyed) return;
          res.writeHead(200, amzJson);
          res.end(faultPoolBody);
        });
      }
      if (state.requests <= 2) {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": `req-${state.requests}` });
        return res.end(JSON.stringify({ __type: "TooManyRequestsException", message: "Rate exceeded" }));
      }
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end(
        JSON.stringify({
          IdentityPoolId: "us-east-1:11111111-2222-3333-4444-555555555555",
          IdentityPoolName: "Throttled",
          AllowUnauthenticatedIdentities: false,
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
