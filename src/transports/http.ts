/**
 * Streamable HTTP, both protocol generations on one endpoint, behind a bearer token,
 * Host/target/Origin checks, CORS for the allowed origins, a header deadline and a body limit.
 *
 * - MCP 2026-07-28 requests (those carrying the per-request envelope) are stateless: the SDK's
 *   createMcpHandler answers each with a fresh Server from makeServer(), no session is kept, and
 *   any replica with the same state key (src/policy/rounds.ts) can answer any request.
 * - 2025-era clients get sessions (Mcp-Session-Id), each with its own Server and transport, so
 *   nothing one session sets is seen by another; they are bounded in number and idle time.
 *
 * stop() lets the calls in flight of either kind finish first.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomBytes, randomUUID } from "node:crypto";
import { createMcpHandler, isInitializeRequest, isLegacyRequest, type RequestId, type Server } from "@modelcontextprotocol/server";
import { NodeStreamableHTTPServerTransport, toNodeHandler, toWebRequest } from "@modelcontextprotocol/node";
import { allowedHostHeaders, authority, createRequestGuard, type RequestGuard } from "./http-guard.js";
import { isLoopbackHost } from "../net/loopback.js";
import { listen } from "../net/listen.js";
import { InFlight, isAnswer, type Served } from "./in-flight.js";

import { defaultMaxSessions, defaultSessionIdleMinutes, httpTokenEnv } from "../config.js";
import { stopGraceMs } from "./shutdown.js";
export const mcpPath = "/mcp";
/** Tool arguments are a few KiB; 1 MiB leaves room without letting a client exhaust memory. */
export const defaultMaxBodyBytes = 1024 * 1024;
/** Shorter tokens are guessable; generated ones are 43 characters. */
export const minTokenLength = 16;
/** A connection that has not sent its headers within this is closed, so slow clients cannot hoard sockets. */
export const defaultHeadersTimeoutMs = 10_000;
export { defaultMaxSessions };
/** How long a browser may cache a preflight's answer. */
const preflightMaxAgeSeconds = 600;

export interface HttpOptions {
  /** Address to listen on (default 127.0.0.1). Any non-loopback address needs a token. */
  host?: string;
  /** Port to listen on; 0 (the default here; the command's is 8765) takes any free port. */
  port?: number;
  /** The bearer token clients must send. The caller reads --token or httpTokenEnv; on loopback, none means one is generated. */
  token?: string;
  /** Largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Origins (scheme://host[:port]) allowed besides the server's own. */
  allowedOrigins?: string[];
  /** Host header values allowed besides the bound address, e.g. the name a reverse proxy forwards. */
  allowedHosts?: string[];
  /** false drops the token check, on loopback only: for the conformance suite, whose client cannot send headers. */
  requireToken?: boolean;
  /** A session with no request for this long is ended, so abandoned ones do not pile up (default 30 minutes). */
  sessionIdleMs?: number;
  /** Sessions open at once (default defaultMaxSessions); one more initialize gets 503. */
  maxSessions?: number;
  /** Internal, for tests: the header deadline (default defaultHeadersTimeoutMs). */
  headersTimeoutMs?: number;
}

export const defaultSessionIdleMs = defaultSessionIdleMinutes * 60 * 1000;

export interface HttpServerHandle {
  /** http://host:port/mcp */
  url: string;
  /** The token clients must send ("" when requireToken is false). */
  token: string;
  /** Ends every session at once, calls in flight included, then stops listening. */
  close(): Promise<void>;
  /**
   * The orderly stop: every new request gets 503, the calls in flight get up to graceMs (default
   * stopGraceMs) to finish and answer; those still running then are answered by the server (a
   * write's outcome is unknown), and close() follows. A second call cuts the wait short. `reason`
   * (the signal) is what those answers say stopped the server, as stdio's do.
   */
  stop(reason: string, graceMs?: number): Promise<{ finished: number; cutOff: number }>;
  /** Sessions open, and Servers not yet closed (initializing ones included). */
  counts(): { sessions: number; servers: number };
}

interface Session {
  server: Server;
  transport: NodeStreamableHTTPServerTransport;
  /** When its last request arrived or finished; requests still running keep it alive. */
  lastSeen: number;
  running: number;
  /** Requests received and not yet answered, so a stop can answer those still running. */
  inFlight: InFlight;
}

interface PendingRequest {
  method: string;
  params?: { name?: unknown; arguments?: unknown };
}

const isRequest = (m: unknown): m is PendingRequest & { id: RequestId } =>
  typeof m === "object" && m !== null && "method" in m && "id" in m && typeof (m as { method: unknown }).method === "string";

function resolveToken(host: string, options: HttpOptions, log: (line: string) => void): string | undefined {
  const loopback = isLoopbackHost(host);
  if (options.requireToken === false) {
    if (!loopback) throw new Error(`requireToken: false is only allowed on a loopback host, not ${host}.`);
    return undefined;
  }
  if (options.token !== undefined) {
    if (options.token.length < minTokenLength || /\s/.test(options.token))
      throw new Error(`The HTTP token must be at least ${minTokenLength} characters without spaces.`);
    return options.token;
  }
  if (!loopback)
    throw new Error(
      `Refusing to listen on ${host} without a token: anyone who can reach it could create identity pools. Pass --token or set ${httpTokenEnv}.`,
    );
  const token = randomBytes(32).toString("base64url");
  log(`HTTP bearer token (generated; pass --token or ${httpTokenEnv} to choose one): ${token}`);
  return token;
}

/** JSON-RPC 2.0's codes (§5.1); MCP 2026-07-28 keeps servers out of -32000..-32019. */
const parseErrorCode = -32700;
const invalidRequestCode = -32600;
const internalErrorCode = -32603;

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  extra: { headers?: Record<string, string>; code?: number } = {},
): void {
  // The JSON-RPC error shape the SDK's transport uses, so clients report these the same way.
  res.writeHead(status, { "content-type": "application/json", ...extra.headers });
  const code = extra.code ?? (status >= 500 ? internalErrorCode : invalidRequestCode);
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}

/** The body, or undefined once it is over limit bytes (declared or received). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"]) > limit) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) resolve(undefined);
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Answers a 2026-07-28 request the server stopped waiting for, on its own response: a JSON body if
 * nothing was written yet, else one more event on its open stream.
 */
function answerCutOff(res: ServerResponse, answer: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const json = JSON.stringify(answer);
  if (!res.headersSent) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(json);
  } else res.end(`event: message\ndata: ${json}\n\n`);
}

function sessionIdOf(req: IncomingMessage): string | undefined {
  const value = req.headers["mcp-session-id"];
  return Array.isArray(value) ? value[0] : value;
}

export async function serveHttp(
  makeServer: Served,
  options: HttpOptions,
  log: (line: string) => void = (line) => console.error(line),
): Promise<HttpServerHandle> {
  const host = options.host ?? "127.0.0.1";
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) throw new Error("maxBodyBytes must be a whole number of at least 1.");
  const token = resolveToken(host, options, log);

  const maxSessions = options.maxSessions ?? defaultMaxSessions;
  if (!Number.isInteger(maxSessions) || maxSessions < 1) throw new Error("maxSessions must be a whole number of at least 1.");

  const sessions = new Map<string, Session>();
  // Every Server not yet closed, including those whose initialize is still in flight.
  const live = new Set<Server>();
  // POSTs being handled: each resolves once its answers are written (or its client is gone).
  const posts = new Set<Promise<void>>();
  // 2026-07-28 requests being answered, each with the response its answer goes to, so a stop can answer those still running.
  const statelessCalls = new InFlight<ServerResponse>();
  const stateless = createMcpHandler(() => makeServer(), {
    legacy: "reject",
    maxRequestBodySize: maxBodyBytes,
    onerror: (error) => log(`[http] ${error.message}`),
  });
  const serveStateless = toNodeHandler(stateless, { maxRequestBodySize: maxBodyBytes, onerror: (error) => log(`[http] ${error.message}`) });
  let closing = false;
  let stopping = false;

  const refuseWhileStopping = (res: ServerResponse) =>
    sendError(res, 503, "The server is stopping: it takes no new requests.", { headers: { connection: "close" } });

  async function startSession(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const server = makeServer();
    const inFlight = new InFlight();
    const transport = new NodeStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, { server, transport, lastSeen: Date.now(), running: 0, inFlight }),
    });
    // Every answer passes here, so what is pending is exact even within a batch.
    const send = transport.send.bind(transport);
    transport.send = (message, sendOptions) => {
      if (isAnswer(message)) inFlight.settle(message.id);
      return send(message, sendOptions);
    };
    // Set before connect(), which chains its own handlers after these.
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      live.delete(server);
    };
    transport.onerror = (error) => log(`[http] session ${transport.sessionId ?? "(initializing)"}: ${error.message}`);
    live.add(server);
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
    // An initialize the transport refused (bad headers, say) leaves no session to keep.
    if (transport.sessionId === undefined) await server.close();
  }

  async function handlePost(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, maxBodyBytes);
    // Connection: close drops the rest of an oversize body with the connection instead of reading it.
    if (raw === undefined)
      return sendError(res, 413, `Request body larger than ${maxBodyBytes} bytes.`, { headers: { connection: "close" } });
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return sendError(res, 400, "Parse error: the request body is not JSON.", { code: parseErrorCode });
    }
    const sessionId = sessionIdOf(req);
    const requests = (Array.isArray(body) ? body : [body]).filter(isRequest);
    if (sessionId === undefined && !(await isLegacyRequest(await toWebRequest(req, body), body, { maxRequestBodySize: maxBodyBytes }))) {
      if (stopping) return refuseWhileStopping(res);
      return answerStateless(req, res, body, requests[0]);
    }
    if (sessionId !== undefined) {
      const session = sessions.get(sessionId);
      if (!session) return sendError(res, 404, "Session not found: it ended or never existed; initialize a new one.");
      // While stopping, answers and notifications (an elicitation's answer, a cancel) still help calls in flight finish.
      if (stopping && requests.length) return refuseWhileStopping(res);
      const entries = requests.map(({ id, method, params }) => session.inFlight.add(id as string | number, method, params, undefined));
      try {
        return await inSession(session, () => session.transport.handleRequest(req, res, body));
      } finally {
        // Answered, refused by the transport, or its client is gone: either way no one waits for it here.
        for (const entry of entries) session.inFlight.forget(entry);
      }
    }
    if (stopping) return refuseWhileStopping(res);
    if (!isInitializeRequest(body)) return sendError(res, 400, "Bad Request: no Mcp-Session-Id; start a session with initialize.");
    // Counts initializing sessions too, so a burst of initializes cannot overshoot the bound.
    if (live.size >= maxSessions)
      return sendError(
        res,
        503,
        `This server allows ${maxSessions} session${maxSessions === 1 ? "" : "s"} at once (its operator's --max-sessions); close one (DELETE) or try later.`,
      );
    return startSession(req, res, body);
  }

  /** One 2026-07-28 request, answered by a Server of its own; tracked until its answer is written. */
  async function answerStateless(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    request: (PendingRequest & { id: RequestId }) | undefined,
  ): Promise<void> {
    const entry = request && statelessCalls.add(request.id as string | number, request.method, request.params, res);
    try {
      await serveStateless(req, res, body);
    } finally {
      if (entry) statelessCalls.forget(entry);
    }
  }

  async function handleSessionRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sessionId = sessionIdOf(req);
    if (sessionId === undefined) return sendError(res, 400, "Bad Request: Mcp-Session-Id header is required.");
    const session = sessions.get(sessionId);
    if (!session) return sendError(res, 404, "Session not found: it ended or never existed; initialize a new one.");
    return inSession(session, () => session.transport.handleRequest(req, res));
  }

  async function inSession(session: Session, handleRequest: () => Promise<void>): Promise<void> {
    session.running++;
    session.lastSeen = Date.now();
    try {
      await handleRequest();
    } finally {
      session.running--;
      session.lastSeen = Date.now();
    }
  }

  const idleMs = options.sessionIdleMs ?? defaultSessionIdleMs;
  const sweeper = setInterval(
    () => {
      const cutoff = Date.now() - idleMs;
      for (const [id, session] of sessions)
        if (session.running === 0 && session.lastSeen < cutoff) {
          sessions.delete(id);
          log(`[http] session ${id} ended after ${Math.round(idleMs / 1000)} s without a request`);
          void session.server.close();
        }
    },
    Math.max(50, Math.min(idleMs / 4, 60_000)),
  );
  // The sweeper alone must not keep the process alive.
  sweeper.unref();

  async function handle(guard: RequestGuard, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (closing) return sendError(res, 503, "The server is shutting down.", { headers: { connection: "close" } });
    if (!guard.hostAllowed(req.headers.host))
      return sendError(res, 403, `Forbidden: Host ${JSON.stringify(req.headers.host ?? "")} does not name this server.`);
    const path = guard.targetPath(req.url, req.headers.host);
    if (path === undefined)
      return sendError(res, 403, `Forbidden: request target ${JSON.stringify(req.url)} does not name this server as its Host header does.`);
    const origin = req.headers.origin;
    if (!guard.originAllowed(origin)) return sendError(res, 403, `Forbidden: Origin ${JSON.stringify(origin)} is not allowed.`);
    if (origin !== undefined) {
      // Lets a page on an allowed origin read the answers, and the session id it must send back.
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("vary", "Origin");
      res.setHeader("access-control-expose-headers", "Mcp-Session-Id, Mcp-Protocol-Version");
      // A browser sends its preflight without credentials, so it is answered before the token check.
      if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined && path === mcpPath) {
        res.writeHead(204, {
          "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
          "access-control-allow-headers":
            "Authorization, Content-Type, Mcp-Session-Id, Mcp-Protocol-Version, Mcp-Method, Mcp-Name, Last-Event-ID",
          "access-control-max-age": String(preflightMaxAgeSeconds),
        });
        return void res.end();
      }
    }
    const problem = guard.tokenProblem(req.headers.authorization);
    if (problem) {
      const challenge = problem === "invalid" ? `Bearer realm="mcp", error="invalid_token"` : `Bearer realm="mcp"`;
      return sendError(res, 401, `Unauthorized: ${problem === "invalid" ? "wrong bearer token" : "send Authorization: Bearer <token>"}.`, {
        headers: { "www-authenticate": challenge },
      });
    }
    if (path !== mcpPath) return sendError(res, 404, `Not found: the MCP endpoint is ${mcpPath}.`);
    if (req.method === "POST") {
      const post = handlePost(req, res);
      const tracked = post.catch(() => {});
      posts.add(tracked);
      void tracked.finally(() => posts.delete(tracked));
      return post;
    }
    if (stopping) return refuseWhileStopping(res);
    if (req.method === "GET" || req.method === "DELETE") return handleSessionRequest(req, res);
    return sendError(res, 405, "Method not allowed.", { headers: { allow: "GET, POST, DELETE" } });
  }

  const headersDeadline = options.headersTimeoutMs ?? defaultHeadersTimeoutMs;
  // Node enforces headersTimeout only when it sweeps its connections, every connectionsCheckingInterval
  // (30 s by default): sweeping ten times per deadline, with headersTimeout one sweep short of it,
  // closes a slow connection within the deadline. requestTimeout stays Node's: it covers receiving a
  // request, never the answer, so open event streams last.
  const sweepMs = Math.max(10, Math.ceil(headersDeadline / 10));
  const httpServer = createHttpServer({ headersTimeout: Math.max(1, headersDeadline - sweepMs), connectionsCheckingInterval: sweepMs });
  const { port } = await listen(httpServer, options.port ?? 0, host);
  // Host checks need the bound port, so requests are taken only from here on.
  const guard = createRequestGuard(allowedHostHeaders(host, port, options.allowedHosts), options.allowedOrigins ?? [], token);
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(guard, req, res).catch((error: unknown) => {
      log(`[http] ${req.method} ${req.url}: ${(error as Error)?.message ?? String(error)}`);
      if (!res.headersSent) sendError(res, 500, "Internal server error.");
      else res.destroy();
    });
  });
  const url = `http://${authority(host, port)}${mcpPath}`;
  log(`[http] serving MCP on ${url}${token === undefined ? " WITHOUT a token (loopback, requireToken: false)" : ""}`);

  async function close(): Promise<void> {
    closing = true;
    clearInterval(sweeper);
    await stateless.close();
    const servers = [...live];
    live.clear();
    sessions.clear();
    await Promise.allSettled(servers.map((server) => server.close()));
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    // Open SSE streams would keep close() waiting forever.
    httpServer.closeAllConnections();
    await stopped;
  }

  let stopped: Promise<{ finished: number; cutOff: number }> | undefined;
  let cutShort = () => {};
  async function stop(reason: string, graceMs: number): Promise<{ finished: number; cutOff: number }> {
    // Still listening: a new connection or request gets a 503 it can read, not a refused or reset socket.
    stopping = true;
    const running = [...posts];
    const inFlight = [...sessions.values()].reduce((n, session) => n + session.inFlight.size, statelessCalls.size);
    const shortened = new Promise<void>((resolve) => (cutShort = resolve));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(running), shortened, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    let cutOff = 0;
    for (const session of sessions.values())
      for (const { request } of session.inFlight.takeAll()) {
        cutOff++;
        // The transport writes it on the stream its client is waiting on; a client already gone is no loss.
        await session.transport.send(makeServer.cutOffAnswer(request, reason)).catch(() => {});
      }
    for (const { request, reply } of statelessCalls.takeAll()) {
      cutOff++;
      answerCutOff(reply, makeServer.cutOffAnswer(request, reason));
    }
    // Lets those answers reach the socket before the connections close.
    await Promise.race([Promise.all([...posts]), new Promise((resolve) => setTimeout(resolve, 1000))]);
    await close();
    return { finished: Math.max(0, inFlight - cutOff), cutOff };
  }

  return {
    url,
    token: token ?? "",
    close,
    stop(reason, graceMs = stopGraceMs) {
      if (stopped) cutShort();
      return (stopped ??= stop(reason, graceMs));
    },
    counts: () => ({ sessions: sessions.size, servers: live.size }),
  };
}
