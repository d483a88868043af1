/** The AWS SDK, imported on first use: starting the server and dry runs never pay for loading it. */
export type Sdk = typeof import("@aws-sdk/client-cognito-identity");

let sdk: Promise<Sdk> | undefined;

export function loadSdk(): Promise<Sdk> {
  sdk ??= import("@aws-sdk/client-cognito-identity");
  return sdk;
}

/**
 * Loads what a call to AWS needs, ahead of the first call. Only code: credentials are resolved
 * by the call that uses them, since their chain may reach the network (SSO, instance metadata).
 */
export async function preloadAwsSdk(): Promise<void> {
  await Promise.all([loadSdk(), import("./http-handler.js")]);
}
