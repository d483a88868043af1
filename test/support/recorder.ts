/**
 * A loopback endpoint that records every request that reaches it and answers as
 * CreateIdentityPool would (the request echoed with an IdentityPoolId), or as `answer` says.
 * Used to prove that invalid input sends nothing, to capture the exact request (target, headers,
 * body) and to count requests. Each body is decoded once from all its bytes (a multi-byte
 * character split across TCP chunks stays whole); a body that is not JSON is kept, not thrown on.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";

export interface RecordedRequest {
  /** The X-Amz-Target header: "AWSCognitoIdentityService.<Operation>". */
  target: string | undefined;
  headers: IncomingHttpHeaders;
  /** The body as sent, decoded as UTF-8. */
  raw: string;
  /** The body parsed as JSON: undefined when empty, `{ unparseable: <first 200 characters> }` when not JSON. */
  body: unknown;
}

export interface Recorder {
  url: string;
  /** Every request received, in order; a test may empty it (`requests.length = 0`) between calls. */
  requests: RecordedRequest[];
  /** How many requests were received since the start (emptying `requests` does not change it). */
  readonly count: number;
  /** The last request received. */
  readonly last: RecordedRequest | undefined;
  /** Stops listening and closes every connection, idle keep-alive ones included. */
  stop(): Promise<void>;
}

/** What the recorder answers: a JSON body, or a body's exact text (`raw`), with status 200 unless given. */
export type Answer = (request: RecordedRequest) => { status?: number; body: unknown } | { status?: number; raw: string };

export interface RecorderOptions {
  /** The answer to each request; by default CreateIdentityPool's, the body echoed with recordedPoolId. */
  answer?: Answer;
  /** Serve HTTPS with this key and certificate instead of HTTP. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export const recordedPoolId = "us-east-1:11111111-2222-3333-4444-555555555555";

/** What CreateIdentityPool answers: the request's members and the new pool's id. */
const echoPool: Answer = (request) => ({
  body: { IdentityPoolId: recordedPoolId, ...(request.body && typeof request.body === "object" ? request.body : {}) },
});

export async function startRecorder(options: RecorderOptions = {}): Promise<Recorder> {
  const answer = options.answer ?? echoPool;
  const requests: RecordedRequest[] = [];
  const state: { count: number; last: RecordedRequest | undefined } = { count: 0, last: undefined };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
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
      const request: RecordedRequest = { target: req.headers["x-amz-target"] as string | undefined, headers: req.headers, raw, body };
      requests.push(request);
      state.last = request;
      const answered = answer(request);
      res.writeHead(answered.status ?? 200, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-requestid": `recorder-${state.count}`,
      });
      res.end("raw" in answered ? answered.raw : JSON.stringify(answered.body));
    });
  };
  const server = options.tls ? createHttpsServer(options.tls, handle) : createServer(handle);
  // Node's default keep-alive timeout (5 s) races with a client reusing an idle socket: now and
  // then a reused socket is reset before the request is read, which the adapter rightly reports as
  // an unknown outcome. Tests are about what is sent, so idle sockets stay open until stop().
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    requests,
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
