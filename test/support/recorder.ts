/**
 * A loopback endpoint that records what reaches it: used to prove that invalid input sends
 * nothing, and to capture the exact request body. It answers like CreateIdentityPool would.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";

export interface RecordedRequest {
  target: string | undefined;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface Recorder {
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export const recordedPoolId = "us-east-1:11111111-2222-3333-4444-555555555555";

export async function startRecorder(): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const body = raw ? JSON.parse(raw) : undefined;
      requests.push({ target: req.headers["x-amz-target"] as string | undefined, headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "recorder-request-1" });
      res.end(JSON.stringify({ IdentityPoolId: recordedPoolId, ...(body as object) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
