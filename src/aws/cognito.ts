/**
 * The AWS adapter: the one place that talks to Cognito Identity. The SDK is imported on
 * first use, so starting the server and dry runs never pay for loading it.
 */
import type { CognitoIdentityClient, CognitoIdentityClientConfig } from "@aws-sdk/client-cognito-identity";
import type { CreateIdentityPoolRequest, IdentityPool } from "../operation/model.js";

/** Everything that decides where a call goes and how it is made; resolved from server defaults and the call. */
export interface Connection {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  caBundle?: string;
  noVerifySsl?: boolean;
  noSignRequest?: boolean;
  /** Seconds; 0 means no limit, as in the AWS CLI. */
  readTimeoutSeconds: number;
  connectTimeoutSeconds: number;
  maxAttempts?: number;
  retryMode?: string;
}

/** Where a call went (or would go): never the keys themselves. */
export interface Target {
  region?: string;
  endpoint?: string;
  profile?: string;
  credentials?: string;
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

type Sdk = typeof import("@aws-sdk/client-cognito-identity");
let sdk: Promise<Sdk> | undefined;
function loadSdk(): Promise<Sdk> {
  sdk ??= import("@aws-sdk/client-cognito-identity");
  return sdk;
}

const clients = new Map<string, CognitoIdentityClient>();

async function clientFor(connection: Connection): Promise<CognitoIdentityClient> {
  const key = JSON.stringify(connection);
  const cached = clients.get(key);
  if (cached) return cached;
  const [{ CognitoIdentityClient }, { NodeHttpHandler }, https, fs] = await Promise.all([
    loadSdk(),
    import("@smithy/node-http-handler"),
    import("node:https"),
    import("node:fs"),
  ]);
  const config: CognitoIdentityClientConfig = {
    requestHandler: new NodeHttpHandler({
      connectionTimeout: connection.connectTimeoutSeconds * 1000,
      socketTimeout: connection.readTimeoutSeconds * 1000,
      httpsAgent: new https.Agent({
        keepAlive: true,
        rejectUnauthorized: !connection.noVerifySsl,
        ...(connection.caBundle ? { ca: fs.readFileSync(connection.caBundle) } : {}),
      }),
    }),
  };
  if (connection.region) config.region = connection.region;
  if (connection.profile) config.profile = connection.profile;
  // Only when asked: the SDK honours AWS_ENDPOINT_URL(_COGNITO_IDENTITY) by itself otherwise.
  if (connection.endpointUrl) config.endpoint = connection.endpointUrl;
  if (connection.maxAttempts) config.maxAttempts = connection.maxAttempts;
  if (connection.retryMode) config.retryMode = connection.retryMode;
  if (connection.noSignRequest) {
    // Unsigned, as the CLI's --no-sign-request: no credentials are loaded at all.
    config.credentials = async () => ({ accessKeyId: "", secretAccessKey: "" });
    config.signer = { sign: async (request) => request };
  }
  const client = new CognitoIdentityClient(config);
  clients.set(key, client);
  return client;
}

/** Region and endpoint a call would use, without credentials or network. */
export async function resolveTarget(connection: Connection): Promise<{ ok: true; target: Target } | { ok: false; failure: AwsFailure; target: Target }> {
  const target: Target = { region: connection.region, endpoint: connection.endpointUrl, profile: connection.profile ?? process.env.AWS_PROFILE ?? "default" };
  try {
    const client = await clientFor(connection);
    target.region = await client.config.region();
    const endpoint = await client.config.endpointProvider({ Region: target.region, UseFIPS: await client.config.useFipsEndpoint(), UseDualStack: await client.config.useDualstackEndpoint(), Endpoint: connection.endpointUrl ?? (await endpointFromEnvironment()) });
    target.endpoint = endpoint.url.href;
    return { ok: true, target };
  } catch (error) {
    return { ok: false, failure: describeFailure(error), target };
  }
}

async function endpointFromEnvironment(): Promise<string | undefined> {
  return process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY ?? process.env.AWS_ENDPOINT_URL;
}

export async function createIdentityPool(request: CreateIdentityPoolRequest, connection: Connection): Promise<CallOutcome<IdentityPool>> {
  const resolved = await resolveTarget(connection);
  if (!resolved.ok) return resolved;
  const { target } = resolved;
  try {
    const [client, { CreateIdentityPoolCommand }] = await Promise.all([clientFor(connection), loadSdk()]);
    const { $metadata, ...pool } = await client.send(new CreateIdentityPoolCommand(request));
    return { ok: true, value: pool as IdentityPool, requestId: $metadata.requestId, target };
  } catch (error) {
    return { ok: false, failure: describeFailure(error), target };
  }
}

/** Turns whatever the SDK threw into a failure a person can act on, without a stack trace. */
export function describeFailure(error: unknown): AwsFailure {
  const e = error as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number }; $fault?: string };
  const message = e?.message ?? String(error);
  const meta = e?.$metadata ?? {};
  const base = { httpStatus: meta.httpStatusCode, requestId: meta.requestId, attempts: meta.attempts };
  if (e?.$fault) return { name: e.name ?? "AwsError", message, ...base };
  if (e?.name === "CredentialsProviderError" || /credentials/i.test(message))
    return {
      name: "CredentialsError",
      message,
      hint: "Configure AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE for a profile in ~/.aws/credentials or ~/.aws/config (run `aws configure` or `aws sso login`), or run where container or instance credentials are available.",
    };
  if (/region is missing/i.test(message))
    return { name: "RegionMissing", message, hint: "Set a region: the tool's `region` argument, the server's --region flag, AWS_REGION or AWS_DEFAULT_REGION, or `region` in the profile of ~/.aws/config." };
  const code = e?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
  if (code === "ECONNREFUSED") return { name: "ConnectionRefused", message, ...base, hint: "Nothing is listening at the endpoint; check endpointUrl or the network." };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { name: "HostNotFound", message, ...base, hint: "The endpoint's host name does not resolve; check endpointUrl or the region." };
  if (e?.name === "TimeoutError" || code === "ETIMEDOUT" || /timed? ?out/i.test(message))
    return { name: "Timeout", message, ...base, hint: "The endpoint did not answer in time (cliReadTimeout / cliConnectTimeout)." };
  return { name: e?.name ?? "Error", message, ...base, ...(code ? { code } : {}) };
}
