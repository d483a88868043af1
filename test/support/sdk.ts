/** The AWS SDK's Cognito Identity client against a loopback endpoint (the sandbox, moto), and reading its answers. */
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";

/** A client for `endpoint`, with credentials nothing checks and no retries. */
export function sdk(endpoint: string, region = "us-east-1"): CognitoIdentityClient {
  return new CognitoIdentityClient({
    endpoint,
    region,
    credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "not-checked" },
    maxAttempts: 1,
  });
}

/** The response body as the SDK returns it, without the per-request $metadata. */
export async function body<T extends { $metadata: unknown }>(response: Promise<T>): Promise<Omit<T, "$metadata">> {
  const { $metadata: _metadata, ...rest } = await response;
  return rest;
}

/** The error a call fails with, as name and message; throws if the call succeeds. */
export async function errorOf(response: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await response;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error("expected the call to fail");
}
