/**
 * Logins: which providers a pool accepts, and who a login token says the user is.
 *
 * The sandbox checks no signature and calls no provider: a login token is opaque. If it is a JWT
 * (three base64url parts, a JSON header and payload), its `sub` claim is the user and its claims
 * are kept for role rules; otherwise the token stands for its user, and only its SHA-256 is kept
 * (a login token is a secret: the data file and the issued tokens never hold it).
 *
 * Provider names, as the Logins map keys them (developer guide, "External identity providers"):
 * a SupportedLoginProviders key (graph.facebook.com, accounts.google.com, www.amazon.com,
 * appleid.apple.com …), a Cognito user pool's ProviderName (cognito-idp.REGION.amazonaws.com/POOL),
 * an OIDC provider's issuer host (the part of its IAM ARN after `oidc-provider/`), or a SAML
 * provider's ARN. Error messages are AWS's, as SDK users report them: "Token is not from a
 * supported provider of this identity pool." and "Invalid login token. Issuer doesn't match
 * providerName" (both NotAuthorizedException; aws-amplify/amplify-js #2067, aws/aws-sdk-net #1251).
 */
import { createHash } from "node:crypto";
import type { IdentityPool } from "../operation/model.js";
import { tokenContents, type TokenContents } from "../operation/secrets.js";
import { ServiceError } from "./service-error.js";
import type { LinkedLogin } from "./store.js";

/** A login of a request, resolved: a LinkedLogin (its claims are the token's, if it was a JWT). */
export type Login = LinkedLogin;

/** The providers a pool accepts in Logins (its developer provider is only for the developer operations). */
export function configuredProviders(pool: IdentityPool): Set<string> {
  return new Set([
    ...Object.keys(pool.SupportedLoginProviders ?? {}),
    ...(pool.CognitoIdentityProviders ?? []).flatMap((p) => (p.ProviderName ? [p.ProviderName] : [])),
    ...(pool.OpenIdConnectProviderARNs ?? []).map((arn) => arn.slice(arn.indexOf(":oidc-provider/") + ":oidc-provider/".length)),
    ...(pool.SamlProviderARNs ?? []),
  ]);
}

export function isCognitoUserPool(provider: string): boolean {
  return provider.startsWith("cognito-idp.");
}

/** The header and claims of a JWT-shaped token; undefined for anything else. */
export function decodeJwt(token: string): TokenContents | undefined {
  const contents = tokenContents(token);
  return "undecodable" in contents ? undefined : contents;
}

const notSupported = () => new ServiceError("NotAuthorizedException", "Token is not from a supported provider of this identity pool.");

/** The login `token` of `provider` is, for this pool; NotAuthorizedException as AWS answers a token it refuses. */
export function readLogin(pool: IdentityPool, provider: string, token: string): Login {
  if (!configuredProviders(pool).has(provider)) throw notSupported();
  const jwt = decodeJwt(token);
  if (!jwt) return { provider, user: `sha256:${createHash("sha256").update(token).digest("hex")}` };
  const { claims } = jwt;
  if (typeof claims.sub !== "string" || claims.sub === "")
    throw new ServiceError("NotAuthorizedException", "Invalid login token. Missing a required claim: sub");
  if (isCognitoUserPool(provider)) {
    // A user pool's ID token names the pool (iss) and the app client (aud; an access token, client_id).
    if (claims.iss !== undefined && claims.iss !== `https://${provider}`)
      throw new ServiceError("NotAuthorizedException", "Invalid login token. Issuer doesn't match providerName");
    const client = claims.aud ?? claims.client_id;
    const clients = (pool.CognitoIdentityProviders ?? []).filter((p) => p.ProviderName === provider).map((p) => p.ClientId);
    if (client !== undefined && !clients.includes(undefined) && !clients.includes(String(client))) throw notSupported();
  }
  return { provider, user: claims.sub, claims };
}

/**
 * The `amr` entries of a login in the OpenID tokens the pool issues: the provider, then the
 * provider and user. For a developer user that is `<provider>:<pool id>:<user>` (a decoded
 * GetOpenIdTokenForDeveloperIdentity token shown at speakerdeck.com/player/fcca686ecc42459fa57423156ce7561f);
 * for a user pool, `<provider>:CognitoSignIn:<sub>`; for other providers the sandbox's own `<provider>:<user>`.
 */
export function amrOf(login: Login, pool: IdentityPool): string[] {
  if (login.provider === pool.DeveloperProviderName) return [login.provider, `${login.provider}:${pool.IdentityPoolId}:${login.user}`];
  if (isCognitoUserPool(login.provider)) return [login.provider, `${login.provider}:CognitoSignIn:${login.user}`];
  return [login.provider, `${login.provider}:${login.user}`];
}

/** The Logins key of a token the pool issued (GetOpenIdToken…), as GetCredentialsForIdentity takes it: the "enhanced flow" for developer identities. */
export const cognitoIdentityProvider = "cognito-identity.amazonaws.com";

/** A token's `amr`: what the identity authenticated with ("unauthenticated" without logins). */
export function amrFor(pool: IdentityPool, logins: readonly Login[]): string[] {
  if (logins.length === 0) return ["unauthenticated"];
  const entries = logins.flatMap((login) => {
    // A token the pool issued carries its own amr.
    const amr = login.claims?.amr;
    if (login.provider === cognitoIdentityProvider && Array.isArray(amr))
      return amr.filter((a): a is string => typeof a === "string" && a !== "authenticated");
    return amrOf(login, pool);
  });
  return ["authenticated", ...new Set(entries)];
}

/** The same provider and user. */
export function sameLogin(a: { provider: string; user: string }, b: { provider: string; user: string }): boolean {
  return a.provider === b.provider && a.user === b.user;
}
