/** The AWS SDK, imported on first use: starting the server and dry runs never pay for loading it. */
import { createServer } from "node:http";
import { listen } from "../listen.js";
import { noBlindRetries } from "./retry-safety.js";

export type Sdk = typeof import("@aws-sdk/client-cognito-identity");

let sdk: Promise<Sdk> | undefined;

export function loadSdk(): Promise<Sdk> {
  sdk ??= import("@aws-sdk/client-cognito-identity");
  return sdk;
}

/**
 * Loads what a call to AWS needs, ahead of the first call, and runs one create through the SDK
 * and Node's HTTP client (serialize, sign, retry, send, deserialize) against an endpoint this
 * process opens on loopback for the purpose, with placeholder credentials, so V8 has compiled
 * that code before a user's first call. Nothing leaves the process; the operator's credentials
 * are resolved by the call that uses them, since their chain may reach the network (SSO,
 * instance metadata).
 */
export async function preloadAwsSdk(): Promise<void> {
  const [{ CognitoIdentityClient, CreateIdentityPoolCommand }, { PerCallTimeoutHandler }] = await Promise.all([
    loadSdk(),
    import("./http-handler.js"),
  ]);
  const pool = {
    IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
    IdentityPoolName: "warm-up",
    AllowUnauthenticatedIdentities: false,
  };
  const endpoint = createServer((req, res) =>
    req.resume().on("end", () => res.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(pool))),
  );
  const { port } = await listen(endpoint, 0, "127.0.0.1");
  const requestHandler = new PerCallTimeoutHandler({ rejectUnauthorized: true });
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: "warm-up", secretAccessKey: "warm-up" },
    requestHandler,
  });
  try {
    const command = new CreateIdentityPoolCommand({ IdentityPoolName: pool.IdentityPoolName, AllowUnauthenticatedIdentities: false });
    noBlindRetries(command.middlewareStack);
    await client.send(command);
  } finally {
    client.destroy();
    requestHandler.destroy();
    endpoint.closeAllConnections();
    endpoint.close();
  }
}
