/**
 * Creates: not idempotent (the same name twice makes two pools), so a create is sent once, guarded
 * against duplicates by name when the call or the operator asks, and locked on that name.
 */
import { z } from "zod";
import type { WriteEffectModule } from "./effect.js";
import { confirm } from "./plans.js";
import { q } from "../operation/inert.js";

function providers(request: Record<string, unknown>): string[] {
  const logins = Object.keys((request.SupportedLoginProviders as Record<string, string> | undefined) ?? {});
  const cognito = (request.CognitoIdentityProviders as { ProviderName?: string; ClientId?: string }[] | undefined) ?? [];
  return [
    ...logins.map((name) => `login provider ${q(name)}`),
    ...cognito.map((p) => `Cognito user pool ${q(p.ProviderName ?? "")} (client ${q(p.ClientId ?? "")})`),
    ...((request.OpenIdConnectProviderARNs as string[] | undefined) ?? []).map((arn) => `OIDC ${q(arn)}`),
    ...((request.SamlProviderARNs as string[] | undefined) ?? []).map((arn) => `SAML ${q(arn)}`),
    ...(request.DeveloperProviderName ? [`developer provider ${q(request.DeveloperProviderName)} (cannot be changed later)`] : []),
  ];
}

export const create: WriteEffectModule = {
  kind: "create",
  options: ["ifNameExists", "confirm"],
  resultExtras: {
    existing: z
      .object({ message: z.string(), sameName: z.number() })
      .optional()
      .describe('Only when ifNameExists "return-existing" returned a pool that already existed.'),
    confirm,
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  readsFirst: "same-name",
  sendOnce: true,
  unknownOutcome: {
    means: "so the pool may or may not have been created",
    hint: 'Do not simply retry: that can create a duplicate. Check first: call again with ifNameExists "return-existing", which returns the pool if it was created and creates it otherwise.',
  },
  lockSubject: ({ request, guarded }) => (guarded ? { kind: "name", subject: String(request.IdentityPoolName) } : undefined),
  plan: ({ request }) => {
    const found = providers(request);
    return {
      what: `It would create the identity pool ${JSON.stringify(request.IdentityPoolName)} with this request:`,
      lines: [JSON.stringify(request)],
      extra: {},
      question: [
        `Create the Amazon Cognito identity pool ${q(request.IdentityPoolName)}?`,
        `Unauthenticated identities: ${request.AllowUnauthenticatedIdentities ? "allowed" : "not allowed"}.`,
        `Identity providers: ${found.length ? found.join("; ") : "none"}.`,
      ],
    };
  },
  done: (_write, answer) => ({ summary: `Created identity pool ${String(answer.IdentityPoolId)}`, extra: {} }),
};
