/**
 * Secrets never leave the process. Headers that carry them are masked by name; the credential
 * values themselves are masked wherever they appear (an endpoint may echo them back in an error
 * message or a pool's tags), in everything the server returns or logs.
 */
const secretHeaders = new Set(["authorization", "x-amz-security-token", "cookie", "set-cookie"]);

export const redacted = "[REDACTED]";

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = secretHeaders.has(name.toLowerCase()) ? redacted : String(value);
  }
  return out;
}

/** Shorter values are no secret (placeholders such as "test"), and masking them would garble text. */
const minimumSecretLength = 8;

/**
 * Every credential value this process has used or may use: the environment's at start, and each
 * set the SDK resolves (shared files, SSO, container, instance metadata …) as calls resolve it.
 */
const knownSecrets = new Set<string>();

export function rememberSecrets(...values: (string | undefined)[]): void {
  for (const value of values) {
    if (!value || value.length < minimumSecretLength) continue;
    knownSecrets.add(value);
    // As it reads inside a JSON string, in case it holds characters JSON escapes.
    knownSecrets.add(JSON.stringify(value).slice(1, -1));
  }
}

rememberSecrets(process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN);

/** The text with every known secret masked. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of knownSecrets) if (out.includes(secret)) out = out.split(secret).join(redacted);
  return out;
}

/** A JSON value (an MCP result, a log entry) with every known secret masked, in keys and values alike. */
export function redactJson<T>(value: T): T {
  const text = JSON.stringify(value);
  if (text === undefined) return value;
  const masked = redactSecrets(text);
  return masked === text ? value : (JSON.parse(masked) as T);
}
