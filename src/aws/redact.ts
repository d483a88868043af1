/** Secrets never leave the process: headers that carry them are masked before anything is logged. */
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

/** Removes known secret values wherever they appear in a piece of text (error messages, bodies). */
export function redactSecrets(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 8) out = out.split(secret).join(redacted);
  return out;
}
