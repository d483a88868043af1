/**
 * The operator's controls over creates: read-only mode, consent, duplicate names and a rate
 * limit. Pure pieces; the tool applies them in order, and no tool argument can lift them.
 */
import type { CreateIdentityPoolRequest } from "./operation/model.js";
import type { Target } from "./aws/cognito.js";

export type IfNameExists = "create" | "return-existing" | "error";
export const ifNameExistsChoices: IfNameExists[] = ["create", "return-existing", "error"];

export const readOnlyEnv = "COGNITO_IDENTITY_MCP_READ_ONLY";

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

/** What the user is asked to approve: the pool and where it will be created. */
export function consentMessage(request: CreateIdentityPoolRequest, target: Target): string {
  const providers = [
    ...Object.keys(request.SupportedLoginProviders ?? {}),
    ...(request.CognitoIdentityProviders ?? []).map((p) => `Cognito user pool ${p.ProviderName ?? "?"} (client ${p.ClientId ?? "?"})`),
    ...(request.OpenIdConnectProviderARNs ?? []).map((arn) => `OIDC ${arn}`),
    ...(request.SamlProviderARNs ?? []).map((arn) => `SAML ${arn}`),
    ...(request.DeveloperProviderName ? [`developer provider ${request.DeveloperProviderName} (cannot be changed later)`] : []),
  ];
  return [
    `Create the Amazon Cognito identity pool "${request.IdentityPoolName}"?`,
    `Region: ${target.region ?? "?"}; endpoint: ${target.endpoint ?? "?"}; profile: ${target.profile ?? "default"}.`,
    `Unauthenticated identities: ${request.AllowUnauthenticatedIdentities ? "allowed" : "not allowed"}.`,
    `Identity providers: ${providers.length ? providers.join("; ") : "none"}.`,
  ].join("\n");
}
