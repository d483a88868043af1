/** A loopback endpoint that answers late, or never: for calls still in flight when the server stops. */
import { createServer, type Server } from "node:http";
import { onTestFinished } from "vitest";
import { listen } from "../../src/net/listen.js";

/** Answers every call as CreateIdentityPool would (the request echoed with an id) after delayMs; null never answers. Stopped when the test ends. */
export async function slowEndpoint(delayMs: number | null): Promise<{ url: string; requests: number }> {
  const state = { url: "", requests: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      state.requests++;
      if (delayMs === null) return;
      setTimeout(() => {
        const body = JSON.stringify({
          IdentityPoolId: "us-east-1:11111111-2222-3333-4444-555555555555",
          ...JSON.parse(String(Buffer.concat(chunks)) || "{}"),
        });
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "slow-1" }).end(body);
      }, delayMs);
    });
  });
  const { port } = await listen(server, 0, "127.0.0.1");
  onTestFinished(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  state.url = `http://127.0.0.1:${port}`;
  return state;
}
