/** Whatever the SDK threw, as a Failure a person can act on: never a stack trace, never a secret. */
import { outcomeUnknown, type Failure } from "../operation/types.js";

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

/** Turns whatever the SDK threw into a failure a person can act on, without a stack trace. */
export function describeFailure(error: unknown): Failure {
  const e = error as {
    name?: string;
    message?: string;
    code?: string;
    cause?: { code?: string };
    $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
    $fault?: string;
  };
  const message = e?.message ?? String(error);
  const meta = e?.$metadata ?? {};
  const base = { httpStatus: meta.httpStatusCode, requestId: meta.requestId, attempts: meta.attempts };
  if (e?.$fault) return { name: e.name ?? "AwsError", message, ...base };
  // What the unknown outcome means, and what to do, depends on the write: the caller says.
  if (e?.name === outcomeUnknown)
    return { name: outcomeUnknown, message: `The request was sent but no answer came back (${message})`, ...base };
  if (e?.name === "CredentialsProviderError" || /credential/i.test(message))
    return {
      name: "CredentialsError",
      message,
      hint: "Configure AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE for a profile in ~/.aws/credentials or ~/.aws/config (`aws configure`, or `aws sso login` for SSO), or run where container or instance credentials are available.",
    };
  if (/region is missing/i.test(message))
    return {
      name: "RegionMissing",
      message,
      hint: "Set a region: the tool's region argument, the server's --region flag, AWS_REGION or AWS_DEFAULT_REGION, or region in the profile's section of ~/.aws/config.",
    };
  const code = e?.code ?? e?.cause?.code;
  if (code === "ECONNREFUSED")
    return {
      name: "ConnectionRefused",
      message,
      ...base,
      hint: "Nothing is listening at the endpoint; check endpointUrl and the network.",
    };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return { name: "HostNotFound", message, ...base, hint: "The endpoint's host name does not resolve; check endpointUrl and the region." };
  if (e?.name === "TimeoutError" || code === "ETIMEDOUT" || /timed? ?out/i.test(message))
    return { name: "Timeout", message, ...base, hint: "The endpoint did not answer in time (cliReadTimeout / cliConnectTimeout)." };
  return { name: e?.name ?? "Error", message, ...base };
}
