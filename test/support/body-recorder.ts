/**
 * A loopback endpoint for the fuzz suite: counts requests and keeps the last one's exact body,
 * decoded once from all its bytes (a multi-byte character split across TCP chunks stays
 * whole), and answers as CreateIdentityPool would: the request echoed with an IdentityPoolId.
 * Idle keep-alive sockets are never closed by the recorder (see below); stop() closes them.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";

export interface BodyRecorder {
  url: string;
  /** Requests received so far. */
  readonly count: number;
  /** The last request: its X-Amz-Target, headers, raw body text and parsed body. */
  readonly last: { target: string | undefined; headers: IncomingHttpHeaders; raw: string; body: unknown } | undefined;
  stop(): Promise<void>;
}

export const recordedPoolId = "us-east-1:11111111-2222-3333-4444-555555555555";

export async function startBodyRecorder(): Promise<BodyRecorder> {
  const state: { count: number; last: BodyRecorder["last"] } = { count: 0, last: undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      state.count++;
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = { unparseable: raw.slice(0, 200) };
      }
      state.last = { target: req.headers["x-amz-target"] as string | undefined, headers: req.headers, raw, body };
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": `recorder-${state.count}` });
      res.end(JSON.stringify({ IdentityPoolId: recordedPoolId, ...(body && typeof body === "object" ? body : {}) }));
    });
  });
  // Node's default keep-alive timeout (5 s) races with the client reusing an idle socket: now and
  // then a reused socket is reset before the request is read, which the adapter rightly reports as
  // an unknown outcome. The fuzz suite is about inputs, so idle sockets stay open for the whole run.
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get count() {
      return state.count;
    },
    get last() {
      return state.last;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
