/** Reading moto directly, beside the server under test: what a test checks was (or was not) written. */
import { CognitoIdentityClient, ListIdentityPoolsCommand, type IdentityPoolShortDescription } from "@aws-sdk/client-cognito-identity";
import { fakeAwsEnv } from "./aws-env.js";

/** An AWS SDK client of moto at `url`, with the tests' placeholder keys. */
export function motoClient(url: string): CognitoIdentityClient {
  return new CognitoIdentityClient({
    endpoint: url,
    region: "us-east-1",
    credentials: { accessKeyId: fakeAwsEnv.AWS_ACCESS_KEY_ID, secretAccessKey: fakeAwsEnv.AWS_SECRET_ACCESS_KEY },
  });
}

/** The region's pools with this name (names are unique per test, so this counts what the test made). */
export async function poolsNamed(client: CognitoIdentityClient, name: string): Promise<IdentityPoolShortDescription[]> {
  return ((await client.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools ?? []).filter(
    (p) => p.IdentityPoolName === name,
  );
}
