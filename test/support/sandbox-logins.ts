/** For the sandbox's identity tests: login tokens shaped as JWTs, the tokens it issues decoded, raw requests, and the AWS CLI v1. */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

/** A JWT-shaped login token with these claims (unsigned: the sandbox checks no signature). */
export function jwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT", kid: "test" })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** The three parts of a token the sandbox issued: header and claims decoded, the signature part as it is. */
export function decodeToken(token: string): { header: Record<string, unknown>; claims: Record<string, unknown>; signature: string } {
  const [header, claims, signature] = token.split(".") as [string, string, string];
  const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
  return { header: decode(header), claims: decode(claims), signature };
}

/** A raw AWS JSON 1.1 request, for what the SDK would not send or would parse away (timestamps as numbers). */
export async function post(url: string, operation: string, payload: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityService.${operation}`, ...headers },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const awsCliAvailable = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
const run = promisify(execFile);

/** `aws cognito-identity …` against `url` with no AWS configuration, without a shell: its parsed JSON output ("" when there is none). */
export async function awsCli(url: string, args: string[], home: string): Promise<unknown> {
  const env = { PATH: process.env.PATH ?? "", HOME: home, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" };
  const { stdout } = await run(
    "aws",
    ["cognito-identity", ...args, "--endpoint-url", url, "--no-sign-request", "--region", "us-east-1", "--output", "json"],
    { env },
  );
  return stdout.trim() ? JSON.parse(stdout) : "";
}
