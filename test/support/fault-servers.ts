/** Loopback endpoints that misbehave on purpose; each counts the requests it received. */
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";

export interface FaultServer {
  url: string;
  requests: number;
  stop(): Promise<void>;
}

export type Fault = "stall" | "reset" | "500" | "throttle-then-ok";

export async function startFaultServer(fault: Fault): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const state = { requests: 0 };
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
      if (state.requests <= 2) {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": `req-${state.requests}` });
        return res.end(JSON.stringify({ __type: "TooManyRequestsException", message: "Rate exceeded" }));
      }
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify({ IdentityPoolId: "us-east-1:11111111-2222-3333-4444-555555555555", IdentityPoolName: "Throttled", AllowUnauthenticatedIdentities: false }));
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
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
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
