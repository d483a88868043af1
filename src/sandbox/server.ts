/**
 * The sandbox: a local Cognito Identity endpoint on loopback. It speaks the service's own wire
 * protocol (AWS JSON 1.1: `POST /`, `X-Amz-Target: AWSCognitoIdentityService.<Operation>`), so
 * the AWS SDK and CLI work against it with no AWS account. Like moto, it does not check
 * signatures: requests need no Authorization header, and any credentials do.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { isIP } from "node:net";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { model, shape, type OperationName, type StringShape } from "../operation/model.js";
import { operations } from "./operations.js";
import { ServiceError } from "./service-error.js";
import { PoolStore } from "./store.js";
import { validateInput } from "./validation.js";
import { isLoopbackHost } from "../net/loopback.js";
import { listen } from "../net/listen.js";
import { allowedHostHeaders, createRequestGuard, type RequestGuard } from "../transports/http-guard.js";
import { sandboxDefaultRegion as defaultRegion } from "./defaults.js";
import { regionFormat } from "../operation/region.js";

export interface SandboxOptions {
  /** 0 or undefined: any free port. */
  port?: number;
  /** Default 127.0.0.1; anything but loopback is refused (the sandbox has no authentication). */
  host?: string;
  /** Keep pools in this file across restarts; without it they live in memory. */
  dataFile?: string;
  /** One line per request (and per internal error); the command sends them to stderr. */
  log?: (line: string) => void;
}

export interface Sandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

const contentType = "application/x-amz-json-1.1";
/** Far above any valid request, far below what could hurt the process. */
const maxBodyBytes = 1024 * 1024;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host))
    throw new Error(`The sandbox listens on loopback only (127.0.0.1, ::1 or localhost), not on ${host}: it has no authentication.`);
  const store = await PoolStore.open(options.dataFile);
  const answering = new Set<Promise<void>>();
  const server = createServer();
  const { port } = await listen(server, options.port ?? 0, host);
  // Against DNS rebinding, as the HTTP transport: a web page can reach loopback, but only under a name of its own.
  const guard = createRequestGuard(allowedHostHeaders(host, port), [], undefined);
  // Added before the first request can arrive: requests are read from the event loop, after this continuation.
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const done = new Promise<void>((resolve) => res.once("close", resolve));
    answering.add(done);
    void done.then(() => answering.delete(done));
    void answer(req, res, store, guard, options.log);
  });
  return {
    url: `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Let answers already under way (and their writes to the data file) finish, then drop kept-alive connections.
      await Promise.all(answering);
      server.closeAllConnections();
      await closed;
    },
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  store: PoolStore,
  guard: RequestGuard,
  log: SandboxOptions["log"],
): Promise<void> {
  const requestId = randomUUID();
  let region = "-";
  let operationName = "-";
  try {
    if (!guard.hostAllowed(req.headers.host) || !guard.originAllowed(req.headers.origin))
      throw new ServiceError(
        "AccessDeniedException",
        "The sandbox serves local clients only: the request's Host (and Origin, if any) must name it, as 127.0.0.1:PORT or localhost:PORT.",
        403,
      );
    const scope = regionOf(req.headers.authorization);
    region = scope ?? defaultRegion;
    const text = await readBody(req);
    operationName = operationOf(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ServiceError("SerializationException", "The request body is not valid JSON.");
    }
    const input = validateInput(operationName, body);
    if (scope === undefined && model.operations[operationName as OperationName].unsigned) region = regionOfIds(input) ?? region;
    const notes: string[] = [];
    const result = await operations[operationName as OperationName](store, region, input, {
      note: (line) => void notes.push(line),
    });
    send(res, 200, requestId, result);
    // Notes name what the answer does not show, never a secret (GetCredentialsForIdentity's role). A
    // role can come from a login token's claim: control characters are masked so it stays one line.
    log?.([`${region} ${operationName} 200`, ...notes.map((n) => n.replace(/[\u0000-\u001f\u007f]/g, "?"))].join(" "));
  } catch (error) {
    const failure =
      error instanceof ServiceError
        ? error
        : new ServiceError("InternalErrorException", "The sandbox could not handle the request; its log says why.", 500);
    if (failure !== error)
      log?.(`${region} ${operationName} internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    send(res, failure.status, requestId, { __type: failure.type, message: failure.message }, failure.type);
    log?.(`${region} ${operationName} ${failure.status} ${failure.type}`);
  }
}

function send(res: ServerResponse, status: number, requestId: string, body: object, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
    "x-amzn-RequestId": requestId,
    ...(errorType ? { "x-amzn-ErrorType": errorType } : {}),
    // The rest of an oversized body is never read: the connection cannot carry another request.
    ...(status === 413 ? { connection: "close" } : {}),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  const tooLarge = new ServiceError("SerializationException", `The request body is larger than ${maxBodyBytes} bytes.`, 413);
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"]) > maxBodyBytes) {
      req.resume();
      return reject(tooLarge);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) return void chunks.push(chunk);
      req.off("data", onData);
      req.resume(); // discard the rest without holding it
      reject(tooLarge);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function operationOf(req: IncomingMessage): string {
  const target = req.headers["x-amz-target"];
  const prefix = `${model.metadata.targetPrefix}.`;
  const name = typeof target === "string" && target.startsWith(prefix) ? target.slice(prefix.length) : "";
  if (req.method !== "POST" || !Object.hasOwn(operations, name))
    throw new ServiceError(
      "UnknownOperationException",
      `The sandbox serves POST requests with X-Amz-Target ${prefix}<Operation> for ${Object.keys(operations).join(", ")}; got ${req.method} with ${target === undefined ? "no X-Amz-Target" : `X-Amz-Target ${String(target)}`}.`,
    );
  return name;
}

/** A region name (us-east-1, cn-north-1, us-gov-west-1) short enough that `<region>:<uuid>` is a valid IdentityPoolId. */
const maxRegionLength = (shape("IdentityPoolId") as StringShape).max! - ":".length - randomUUID().length;

/**
 * The region of the SigV4 credential scope: `Credential=AKID/20260101/us-west-2/cognito-identity/aws4_request`.
 * Requests without one (curl, `--no-sign-request`) are served in the default region (but see regionOfIds). AWS answers a
 * scope naming no region it serves with InvalidSignatureException (400, the signature check comes
 * first); UnrecognizedClientException is for an unknown access key, which the sandbox never checks.
 */
function regionOf(authorization: string | undefined): string | undefined {
  const region = /Credential=[^/\s,]*\/[^/\s,]*\/([^/\s,]*)/.exec(authorization ?? "")?.[1];
  if (region === undefined) return undefined;
  if (region.length > maxRegionLength || !regionFormat.test(region))
    throw new ServiceError("InvalidSignatureException", `Credential should be scoped to a valid region, not '${region}'.`);
  return region;
}

/**
 * The operations the SDKs and the CLI send unsigned (GetId, GetCredentialsForIdentity,
 * GetOpenIdToken, UnlinkIdentity: botocore's `authtype: none`) carry no credential scope. AWS
 * knows their region from the regional endpoint they reached; the sandbox, one endpoint for every
 * region, takes it from the id they name (REGION:GUID), the pool's or the identity's.
 */
function regionOfIds(input: unknown): string | undefined {
  const { IdentityPoolId, IdentityId } = input as { IdentityPoolId?: string; IdentityId?: string };
  const region = (IdentityPoolId ?? IdentityId)?.split(":")[0];
  return region !== undefined && region.length <= maxRegionLength && regionFormat.test(region) ? region : undefined;
}

/**
 * `cognito-identity-mcp sandbox [--port N] [--host H] [--data FILE]`; `argv` is what follows
 * `sandbox`. Serves until SIGINT or SIGTERM, then closes and resolves.
 */
export async function runSandboxCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: "string" }, host: { type: "string" }, data: { type: "string" } },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? 0);
  if (!/^\d+$/.test(values.port ?? "0") || port > 65535)
    throw new Error(`--port must be a whole number from 0 to 65535 (0 picks a free port), not ${values.port}`);
  const log = (line: string) => void process.stderr.write(`${line}\n`);
  const sandbox = await startSandbox({ port, host: values.host, dataFile: values.data, log });
  log(`Cognito Identity sandbox on ${sandbox.url}; pools are kept ${values.data ? `in ${values.data}` : "in memory until it stops"}.`);
  // --no-sign-request and --region make the line work on a machine with no AWS configuration at all.
  log(
    `Try: aws --endpoint-url ${sandbox.url} --region ${defaultRegion} --no-sign-request cognito-identity list-identity-pools --max-results 10`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await sandbox.close();
  log("Sandbox stopped.");
}
