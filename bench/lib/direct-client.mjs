// A client of the AWS SDK in this process: the baseline of line 4 and the measure of line 3's floor.
import { createArgs } from "./client.mjs";

/** A client of the AWS SDK in this process, sending to `endpoint` with placeholder keys. */
export async function directClient(endpoint) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const { CognitoIdentityClient, CreateIdentityPoolCommand } = await import("@aws-sdk/client-cognito-identity");
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    endpoint: endpoint.url,
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
  });
  const timedCreate = async () => {
    const started = performance.now();
    await client.send(new CreateIdentityPoolCommand(createArgs()));
    return performance.now() - started;
  };
  return { client, timedCreate };
}
