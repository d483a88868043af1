/** The AWS SDK, imported on first use: starting the server and dry runs never pay for loading it. */
import { Readable } from "node:stream";
import type { CognitoIdentityClientConfig } from "@aws-sdk/client-cognito-identity";
import { noBlindRetries } from "./retry-safety.js";

export type Sdk = typeof import("@aws-sdk/client-cognito-identity");

let sdk: Promise<Sdk> | undefined;

export function loadSdk(): Promise<Sdk> {
  sdk ??= import("@aws-sdk/client-cognito-identity");
  return sdk;
}

/**
 * Loads what a call to AWS needs, ahead of the first call, and runs one create through the SDK
 * (serialize, sign, retry, deserialize) with placeholder credentials and an answer made up in
 * memory, so V8 has compiled that code before a user's first call. Nothing is sent; the
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
