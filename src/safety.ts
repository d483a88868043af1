/**
 * The operator's controls over creates: read-only mode, consent, duplicate names and a rate
 * limit. Pure pieces; the tool applies them in order, and no tool argument can lift them.
 */
import type { CreateIdentityPoolRequest } from "./operation/model.js";
import type { Target } from "./aws/cognito.js";
import type { Problem } from "./operation/problems.js";

export type IfNameExists = "create" | "return-existing" | "error";
export const ifNameExistsChoices: IfNameExists[] = ["create", "return-existing", "error"];

export const readOnlyEnv = "COGNITO_IDENTITY_MCP_READ_ONLY";

/**
 * The operator's --if-name-exists is a floor: once it guards against duplicates, a call may
 * choose the other guard, never "create".
 */
export function duplicatesProblem(requested: IfNameExists | undefined, operatorDefault: IfNameExists | undefined): Problem | undefined {
  if (requested !== "create" || operatorDefault === undefined || operatorDefault === "create") return undefined;
  return {
    field: "ifNameExists",
    rule: "operator policy",
    message: `"create" is not allowed: this server's operator set --if-name-exists ${operatorDefault}, so a pool with an existing name is never created twice; use "return-existing" or "error"`,
  };
}

export function readOnlyMessage(): string {
  return `This server is read-only: it does not create identity pools. Dry runs (generateCliSkeleton) still work. Its operator set this with --read-only or ${readOnlyEnv}=true; restart the server without them to allow creates.`;
}

/** Creates per server process within a sliding minute; `now` is injectable for tests. */
export class CreateRateLimiter {
  private readonly times: number[] = [];
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  private prune(): void {
    const cutoff = this.now() - 60_000;
    while (this.times.length && this.times[0]! <= cutoff) this.times.shift();
  }

  /** undefined when a create may go ahead; otherwise when the next one will be allowed. */
  refusal(): { resetsAt: Date; resetsInSeconds: number } | undefined {
    this.prune();
    if (this.times.length < this.perMinute) return undefined;
    const resetsAt = this.times[0]! + 60_000;
    return { resetsAt: new Date(resetsAt), resetsInSeconds: Math.max(1, Math.ceil((resetsAt - this.now()) / 1000)) };
  }

  record(): void {
    this.times.push(this.now());
  }
}

export function rateLimitMessage(perMinute: number, refusal: { resetsAt: Date; resetsInSeconds: number }): string {
  return `Rate limit reached: this server allows ${perMinute} create${perMinute === 1 ? "" : "s"} per minute (its operator's --max-creates-per-minute). Nothing was created. The limit resets in ${refusal.resetsInSeconds} s, at ${refusal.resetsAt.toISOString()}.`;
}

/**
 * Controls (C0, DEL, C1), line and paragraph separators and bidi controls: characters that can
 * start a line of their own or reorder the text after them, and that JSON.stringify leaves as they are.
 */
const lineOrOrderCharacters = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/gu;

/** text with those characters written as \uXXXX escapes. */
function inert(text: string): string {
  return text.replace(lineOrOrderCharacters, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** What the user is asked to approve: the pool and where it will be created. */
export function consentMessage(request: CreateIdentityPoolRequest, target: Target): string {
  // Every value the call supplied is quoted and escaped, so none can pass itself off as a line of
  // the prompt or reorder it; where the pool goes comes last, in a line only this function writes.
  const q = (value: string) => inert(JSON.stringify(value));
  const providers = [
    ...Object.keys(request.SupportedLoginProviders ?? {}).map((name) => `login provider ${q(name)}`),
    ...(request.CognitoIdentityProviders ?? []).map((p) => `Cognito user pool ${q(p.ProviderName ?? "")} (client ${q(p.ClientId ?? "")})`),
    ...(request.OpenIdConnectProviderARNs ?? []).map((arn) => `OIDC ${q(arn)}`),
    ...(request.SamlProviderARNs ?? []).map((arn) => `SAML ${q(arn)}`),
    ...(request.DeveloperProviderName ? [`developer provider ${q(request.DeveloperProviderName)} (cannot be changed later)`] : []),
  ];
  return [
    `Create the Amazon Cognito identity pool ${q(request.IdentityPoolName)}?`,
    `Unauthenticated identities: ${request.AllowUnauthenticatedIdentities ? "allowed" : "not allowed"}.`,
    `Identity providers: ${providers.length ? providers.join("; ") : "none"}.`,
    // The call may choose these too (within the operator's limits), so they are escaped as well.
    `Where: region ${inert(target.region ?? "?")}, endpoint ${inert(target.endpoint ?? "?")}, profile ${inert(target.profile ?? "default")}${target.sandbox ? " (SANDBOX, not AWS)" : ""}.`,
  ].join("\n");
}
