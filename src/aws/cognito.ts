/**
 * The AWS adapter: the one place that talks to Cognito Identity. The SDK is imported on
 * first use, so starting the server and input skeletons never pay for loading it.
 */
import { Readable } from "node:stream";
import type { CognitoIdentityClient, CognitoIdentityClientConfig } from "@aws-sdk/client-cognito-identity";
import { asShape, operation, type CreateIdentityPoolRequest, type IdentityPool } from "../operation/model.js";
import type { DeserializeHandler, DeserializeHandlerArguments } from "@smithy/types";
import { redactHeaders, rememberSecrets } from "./redact.js";
import type { TimeoutHandlerOptions } from "./http-handler.js";

/** Everything that decides which client a call uses: where it goes and how it is signed (see src/connection.ts). */
export interface Connection {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  /** PEM contents of the CA bundle to trust, already read under the operator's file policy. */
  ca?: string;
  noVerifySsl?: boolean;
  noSignRequest?: boolean;
  maxAttempts?: number;
  retryMode?: string;
  /** The endpoint is this process's own emulator: it checks no signature, so no credentials are loaded. */
  sandbox?: boolean;
  /**
   * The call chose the endpoint and the operator did not: requests are signed with placeholder
   * credentials (emulators check none), so the operator's never reach it (see src/connection.ts).
   */
  placeholderCredentials?: boolean;
}

/** Where a call went (or would go). Never the keys themselves. */
export interface Target {
  region?: string;
  endpoint?: string;
  profile?: string;
  credentials?: string;
  /** Set when the call went to the local sandbox, not to AWS. */
  sandbox?: boolean;
}

export interface AwsFailure {
  /** AWS error name (`NotAuthorizedException`) or what failed locally (`CredentialsError`, `ConnectionRefused` …). */
  name: string;
  message: string;
  httpStatus?: number;
  requestId?: string;
  attempts?: number;
  /** What the person should do about it, when we know. */
  hint?: string;
}

export type CallOutcome<T> = { ok: true; value: T; requestId?: string; target: Target } | { ok: false; failure: AwsFailure; target: Target };

/** Receives the request and response of a call when the caller asked for debug output. */
export type DebugLog = (message: string, data: Record<string, unknown>) => void;

type Sdk = typeof import("@aws-sdk/client-cognito-identity");
let sdk: Promise<Sdk> | undefined;
function loadSdk(): Promise<Sdk> {
  sdk ??= import("@aws-sdk/client-cognito-identity");
  return sdk;
}

/**
 * Loads what a call to AWS needs, ahead of the first call, and runs one create through the SDK
 * (serialize, sign, retry, deserialize) with placeholder credentials and an answer made up in
 * memory, so V8 has compiled that code before a user's first create. Nothing is sent; the
 * operator's credentials are resolved by the call that uses them, since their chain may reach
 * the network (SSO, instance metadata).
 */
export async function preloadAwsSdk(): Promise<void> {
  const [{ CognitoIdentityClient, CreateIdentityPoolCommand }] = await Promise.all([loadSdk(), import("./http-handler.js")]);
  const pool = { IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000", IdentityPoolName: "warm-up", AllowUnauthenticatedIdentities: false };
  const inMemory = {
    handle: async () => ({ response: { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: Readable.from([Buffer.from(JSON.stringify(pool))]) } }),
  };
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    credentials: { accessKeyId: "warm-up", secretAccessKey: "warm-up" },
    requestHandler: inMemory as unknown as CognitoIdentityClientConfig["requestHandler"],
  });
  try {
    const command = new CreateIdentityPoolCommand({ IdentityPoolName: pool.IdentityPoolName, AllowUnauthenticatedIdentities: false });
    noBlindRetries(command.middlewareStack);
    await client.send(command);
  } finally {
    client.destroy();
  }
}

/** A cached client, with the calls using it: an evicted client is destroyed once none is left. */
interface CachedClient {
  client: Promise<CognitoIdentityClient>;
  inUse: number;
  evicted: boolean;
}

const clients = new Map<string, CachedClient>();
/** Calls can name any timeouts or region, so the cache is bounded: the least recently used client goes. */
const maxCachedClients = 16;

function release(entry: CachedClient): void {
  if (entry.inUse === 0 && entry.evicted) entry.client.then((c) => c.destroy(), () => {});
}

/**
 * Runs `use` with the client for this connection, one per distinct connection and reused: it
 * keeps its connections alive and its credentials cached.
 */
async function usingClient<T>(connection: Connection, use: (client: CognitoIdentityClient) => Promise<T>): Promise<T> {
  const key = JSON.stringify(connection);
  let entry = clients.get(key);
  if (entry) clients.delete(key);
  else {
    entry = { client: newClient(connection), inUse: 0, evicted: false };
    entry.client.catch(() => clients.delete(key));
  }
  clients.set(key, entry);
  for (const [oldKey, old] of clients) {
    if (clients.size <= maxCachedClients) break;
    clients.delete(oldKey);
    old.evicted = true;
    release(old);
  }
  entry.inUse++;
  try {
    return await use(await entry.client);
  } finally {
    entry.inUse--;
    release(entry);
  }
}

async function newClient(connection: Connection): Promise<CognitoIdentityClient> {
  const [{ CognitoIdentityClient }, { PerCallTimeoutHandler }] = await Promise.all([loadSdk(), import("./http-handler.js")]);
  const config: CognitoIdentityClientConfig = {
    requestHandler: new PerCallTimeoutHandler({ ca: connection.ca, rejectUnauthorized: !connection.noVerifySsl }),
  };
  if (connection.region) config.region = connection.region;
  if (connection.profile) config.profile = connection.profile;
  // Only when asked: otherwise the SDK honours AWS_ENDPOINT_URL(_COGNITO_IDENTITY) by itself.
  if (connection.endpointUrl) config.endpoint = connection.endpointUrl;
  if (connection.maxAttempts) config.maxAttempts = connection.maxAttempts;
  if (connection.retryMode) config.retryMode = connection.retryMode;
  if (connection.sandbox) config.credentials = { accessKeyId: "SANDBOX", secretAccessKey: "sandbox-needs-no-secret" };
  // The emulators' own convention (LocalStack documents "test"/"test"; moto accepts anything).
  if (connection.placeholderCredentials) config.credentials = { accessKeyId: "test", secretAccessKey: "test" };
  if (connection.noSignRequest) {
    // As the CLI's --no-sign-request: no credentials are loaded, nothing is signed.
    config.credentials = async () => ({ accessKeyId: "", secretAccessKey: "" });
    config.signer = { sign: async (request) => request };
  }
  return new CognitoIdentityClient(config);
}

/** The SDK marks resolved credentials with where they came from; people want the kind, not the keys. */
const credentialKinds: [RegExp, string][] = [
  [/SSO/, "SSO"],
  [/WEB_ID/, "web identity"],
  [/STS_ASSUME_ROLE|SOURCE_PROFILE/, "assumed role"],
  [/PROCESS/, "credential process"],
  [/ENV_VARS/, "environment"],
  [/HTTP/, "container"],
  [/IMDS/, "instance metadata"],
  [/PROFILE/, "profile"],
  [/CODE/, "explicit"],
];

export function credentialKind(source: Record<string, unknown> | undefined): string {
  const keys = Object.keys(source ?? {}).join(" ");
  return credentialKinds.find(([pattern]) => pattern.test(keys))?.[1] ?? "default chain";
}

function initialTarget(connection: Connection): Target {
  if (connection.sandbox) return { region: connection.region, endpoint: connection.endpointUrl, credentials: "none (sandbox)", sandbox: true };
  return { region: connection.region, endpoint: connection.endpointUrl, profile: connection.profile ?? "default" };
}

/** The AWS CLI's --cli-read-timeout / --cli-connect-timeout, in seconds; 0 means no limit. */
export interface Timeouts {
  readSeconds: number;
  connectSeconds: number;
}

function sendOptions(timeouts: Timeouts): TimeoutHandlerOptions {
  return { timeouts: { readMs: timeouts.readSeconds * 1000, connectMs: timeouts.connectSeconds * 1000 } };
}

/** Region and endpoint a call would use, without credentials or network. */
export async function resolveTarget(connection: Connection): Promise<CallOutcome<Target>> {
  const target = initialTarget(connection);
  try {
    await usingClient(connection, async (client) => {
      target.region = await client.config.region();
      const endpoint = await client.config.endpointProvider({
        Region: target.region,
        UseFIPS: await client.config.useFipsEndpoint(),
        UseDualStack: await client.config.useDualstackEndpoint(),
        Endpoint: connection.endpointUrl ?? process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY ?? process.env.AWS_ENDPOINT_URL,
      });
      target.endpoint = endpoint.url.href;
    });
    return { ok: true, value: target, target };
  } catch (error) {
    return { ok: false, failure: describeFailure(error), target };
  }
}

/**
 * Resolves which credentials the call uses, then runs `work`; every failure becomes an
 * AwsFailure. `resolved` is what resolveTarget() gave for this connection.
 */
async function withClient<T>(
  connection: Connection,
  resolved: Target,
  work: (client: CognitoIdentityClient, sdk: Sdk) => Promise<{ value: T; requestId?: string }>,
): Promise<CallOutcome<T>> {
  const target = { ...resolved };
  try {
    const loaded = await loadSdk();
    const done = await usingClient(connection, async (client) => {
      if (connection.noSignRequest) target.credentials = "none (unsigned)";
      else if (connection.placeholderCredentials) target.credentials = "placeholders (the call chose the endpoint, not the operator)";
      else if (!connection.sandbox) {
        const identity = (await client.config.credentials()) as { accessKeyId: string; secretAccessKey: string; sessionToken?: string; $source?: Record<string, unknown> };
        rememberSecrets(identity.accessKeyId, identity.secretAccessKey, identity.sessionToken);
        target.credentials = credentialKind(identity.$source);
      }
      return work(client, loaded);
    });
    return { ok: true, ...done, target };
  } catch (error) {
    return { ok: false, failure: describeFailure(error), target };
  }
}

export function createIdentityPool(request: CreateIdentityPoolRequest, connection: Connection, target: Target, timeouts: Timeouts, debug?: DebugLog): Promise<CallOutcome<IdentityPool>> {
  return withClient(connection, target, async (client, { CreateIdentityPoolCommand }) => {
    const command = new CreateIdentityPoolCommand(request);
    noBlindRetries(command.middlewareStack);
    if (debug) logTraffic(command.middlewareStack, debug);
    const { $metadata, ...pool } = await client.send(command, sendOptions(timeouts));
    return { value: asShape(pool, operation.output!) as IdentityPool, requestId: $metadata.requestId };
  });
}

/** Ids of the region's pools with exactly this name, reading every page of ListIdentityPools. */
export function findPoolsNamed(name: string, connection: Connection, target: Target, timeouts: Timeouts): Promise<CallOutcome<string[]>> {
  return withClient(connection, target, async (client, { paginateListIdentityPools }) => {
    const ids: string[] = [];
    for await (const page of paginateListIdentityPools({ client, pageSize: 60 }, { MaxResults: 60 }, sendOptions(timeouts)))
      for (const pool of page.IdentityPools ?? []) if (pool.IdentityPoolName === name && pool.IdentityPoolId) ids.push(pool.IdentityPoolId);
    return { value: ids };
  });
}

export function describeIdentityPool(identityPoolId: string, connection: Connection, target: Target, timeouts: Timeouts): Promise<CallOutcome<IdentityPool>> {
  return withClient(connection, target, async (client, { DescribeIdentityPoolCommand }) => {
    const { $metadata, ...pool } = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: identityPoolId }), sendOptions(timeouts));
    return { value: asShape(pool, operation.output!) as IdentityPool, requestId: $metadata.requestId };
  });
}

type Stack = InstanceType<Sdk["CreateIdentityPoolCommand"]>["middlewareStack"];

/**
 * A create is not idempotent. Once the request may have reached AWS, a failure to read the answer
 * (read timeout, reset, truncated or unreadable body, even after a 200) leaves the outcome
 * unknown: retrying could make a duplicate, so the call ends there and says so. Failures that
 * prove nothing was sent (refused, unresolvable, connect timeout, TLS) and error answers from AWS
 * (throttling, 5xx) keep the SDK's retries. Placed around the deserializer, inside signing, so
 * credential errors never count as sent.
 */
function noBlindRetries(stack: Stack): void {
  // The status line of this attempt's answer, when one came: a body that then fails to arrive
  // or parse carries no status of its own.
  let answeredStatus: number | undefined;
  const aroundDeserializer = (next: DeserializeHandler<object, object>) => async (args: DeserializeHandlerArguments<object>) => {
    answeredStatus = undefined;
    try {
      return await next(args);
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? answeredStatus;
      if (!outcomeIsUnknown(error, status)) throw error;
      const answered = status !== undefined ? `AWS answered HTTP ${status}, but the answer could not be read: ` : "";
      // No `cause`: the SDK classifies an error as transient (retryable) when its cause is.
      throw Object.assign(new Error(`${answered}${(error as Error).message}`), { name: outcomeUnknown, $metadata: { httpStatusCode: status } });
    }
  };
  const aroundHandler = (next: DeserializeHandler<object, object>) => async (args: DeserializeHandlerArguments<object>) => {
    const result = await next(args);
    answeredStatus = (result.response as { statusCode?: number }).statusCode;
    return result;
  };
  stack.add(aroundDeserializer as unknown as Parameters<Stack["add"]>[0], { step: "deserialize", priority: "high", name: "noBlindRetries" });
  stack.add(aroundHandler as unknown as Parameters<Stack["add"]>[0], { step: "deserialize", priority: "low", name: "answeredStatus" });
}

const outcomeUnknown = "OutcomeUnknown";
const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

function outcomeIsUnknown(error: unknown, status: number | undefined): boolean {
  const e = error as { code?: string; message?: string };
  // AWS answered: an error status is a definite failure; a success we could not read is not.
  if (status !== undefined) return status >= 200 && status < 300;
  if (notSentCodes.has(e?.code ?? "")) return false;
  if (/did not establish a connection/.test(e?.message ?? "")) return false;
  if (/CERT|TLS|SSL|SELF_SIGNED/i.test(e?.code ?? "")) return false;
  return true;
}

/** Each attempt's signed request and its response, with credentials redacted. */
function logTraffic(stack: Stack, debug: DebugLog): void {
  stack.add(
    (next) => async (args) => {
      const request = args.request as { method?: string; hostname?: string; path?: string; headers?: Record<string, string>; body?: unknown };
      debug("request", { method: request.method, host: request.hostname, path: request.path, headers: redactHeaders(request.headers ?? {}), body: bodyText(request.body) });
      try {
        const result = await next(args);
        const response = result.response as { statusCode?: number; headers?: Record<string, string> };
        // The body stream is the deserializer's; what it read is the output.
        const { $metadata: _metadata, ...body } = result.output as { $metadata?: unknown };
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

/** A request body as text (the SDK may hold it as bytes), so it reads as JSON and can be redacted. */
function bodyText(body: unknown): unknown {
  return body instanceof Uint8Array ? new TextDecoder().decode(body) : body;
}

/** Turns whatever the SDK threw into a failure a person can act on, without a stack trace. */
export function describeFailure(error: unknown): AwsFailure {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string }; $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number }; $fault?: string };
  const message = e?.message ?? String(error);
  const meta = e?.$metadata ?? {};
  const base = { httpStatus: meta.httpStatusCode, requestId: meta.requestId, attempts: meta.attempts };
  if (e?.$fault) return { name: e.name ?? "AwsError", message, ...base };
  if (e?.name === outcomeUnknown)
    return {
      name: outcomeUnknown,
      message: `The request was sent but no answer came back (${message}), so the pool may or may not have been created.`,
      ...base,
      hint: 'Do not simply retry: that can create a duplicate. Check first: call again with ifNameExists "return-existing", which returns the pool if it was created and creates it otherwise.',
    };
  if (e?.name === "CredentialsProviderError" || /credential/i.test(message))
    return {
      name: "CredentialsError",
      message,
      hint: "Configure AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE for a profile in ~/.aws/credentials or ~/.aws/config (`aws configure`, or `aws sso login` for SSO), or run where container or instance credentials are available.",
    };
  if (/region is missing/i.test(message))
    return { name: "RegionMissing", message, hint: "Set a region: the tool's region argument, the server's --region flag, AWS_REGION or AWS_DEFAULT_REGION, or region in the profile's section of ~/.aws/config." };
  const code = e?.code ?? e?.cause?.code;
  if (code === "ECONNREFUSED") return { name: "ConnectionRefused", message, ...base, hint: "Nothing is listening at the endpoint; check endpointUrl and the network." };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { name: "HostNotFound", message, ...base, hint: "The endpoint's host name does not resolve; check endpointUrl and the region." };
  if (e?.name === "TimeoutError" || code === "ETIMEDOUT" || /timed? ?out/i.test(message))
    return { name: "Timeout", message, ...base, hint: "The endpoint did not answer in time (cliReadTimeout / cliConnectTimeout)." };
  return { name: e?.name ?? "Error", message, ...base };
}
