/**
 * One SDK client per distinct connection, reused: it keeps its connections alive and its
 * credentials cached. Calls can name any timeouts or region, so the cache is bounded.
 */
import { CognitoIdentityClient, type CognitoIdentityClientConfig } from "@aws-sdk/client-cognito-identity";
import type { Connection } from "../operation/types.js";
import { PerCallTimeoutHandler } from "./http-handler.js";

/** A cached client, with the calls using it: an evicted client is destroyed once none is left. */
interface CachedClient {
  client: CognitoIdentityClient;
  inUse: number;
  evicted: boolean;
}

const clients = new Map<string, CachedClient>();
/** The least recently used client goes beyond this. */
const maxCachedClients = 16;

function release(entry: CachedClient): void {
  if (entry.inUse === 0 && entry.evicted) entry.client.destroy();
}

/** Runs `use` with the client for this connection. */
export async function usingClient<T>(connection: Connection, use: (client: CognitoIdentityClient) => Promise<T>): Promise<T> {
  const key = JSON.stringify(connection);
  let entry = clients.get(key);
  if (entry) clients.delete(key);
  else entry = { client: newClient(connection), inUse: 0, evicted: false };
  clients.set(key, entry);
  for (const [oldKey, old] of clients) {
    if (clients.size <= maxCachedClients) break;
    clients.delete(oldKey);
    old.evicted = true;
    release(old);
  }
  entry.inUse++;
  try {
    return await use(entry.client);
  } finally {
    entry.inUse--;
    release(entry);
  }
}

/** A client for this connection, not cached: usingClient's, and the warm-up's rehearsal. */
export function newClient(connection: Connection): CognitoIdentityClient {
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
