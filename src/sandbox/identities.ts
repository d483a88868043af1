/**
 * Identities: GetId, ListIdentities, DescribeIdentity, DeleteIdentities, UnlinkIdentity, and the
 * rules on an identity's logins that the credential and developer operations share.
 *
 * As the API reference describes them, in AWS's words where SDK users report them:
 * - GetId without Logins makes a new unauthenticated identity, refused with NotAuthorizedException
 *   "Unauthenticated access is not supported for this identity pool." when the pool does not allow
 *   them (aws/aws-sdk-js-v3 #3113). With Logins it answers the identity they are linked to, or a
 *   new one; "Supplying multiple logins will create an implicit linked account." Logins linked to
 *   two different identities are refused (ResourceConflictException): AWS would merge them, which
 *   the sandbox does not emulate.
 * - An identity that has logins is served (credentials, tokens, unlinking) only if the request's
 *   Logins include one of them, else NotAuthorizedException "Logins don't match. Please include at
 *   least one valid login for this identity or identity pool." (aws-amplify/amplify-js #2443;
 *   aws/aws-sdk-js #2327). Other logins of the request are linked to it.
 * - Unlinking an identity's last login makes it "inaccessible" (API reference, UnlinkIdentity):
 *   the sandbox marks it disabled (ListIdentities' HideDisabled hides it) and refuses it with
 *   NotAuthorizedException "Access to Identity '<id>' is forbidden.".
 * - DeleteIdentities: the model's ErrorCode values are AccessDenied and InternalServerError only,
 *   so an id the caller cannot delete (none such in this region) comes back in
 *   UnprocessedIdentityIds with ErrorCode "AccessDenied".
 */
import { randomUUID } from "node:crypto";
import type { IdentityPool } from "../operation/model.js";
import { sandboxAccountId } from "./arns.js";
import { findIdentity, findPool, inRegion, nowSeconds, pageStart, pageToken, poolOf, replaceIdentity, type Operation } from "./common.js";
import { cognitoIdentityProvider, readLogin, sameLogin, type Login } from "./logins.js";
import { ServiceError } from "./service-error.js";
import type { CompleteState, LinkedLogin, StoredIdentity, StoredPool } from "./store.js";
import { openIdIssuer, sandboxTokenClaims } from "./tokens.js";

/** A request's Logins, read for this pool; `vouched` is a token this sandbox issued for `identityId`, given under cognito-identity.amazonaws.com. */
export function readLogins(
  pool: IdentityPool,
  requestLogins: Record<string, string> | undefined,
  identityId?: string,
): { links: Login[]; vouched?: Login } {
  const links: Login[] = [];
  let vouched: Login | undefined;
  for (const [provider, token] of Object.entries(requestLogins ?? {})) {
    if (provider === cognitoIdentityProvider && identityId !== undefined) vouched = vouchingToken(pool, token, identityId);
    else links.push(readLogin(pool, provider, token));
  }
  return { links, vouched };
}

function vouchingToken(pool: IdentityPool, token: string, identityId: string): Login {
  const claims = sandboxTokenClaims(token);
  if (!claims) throw new ServiceError("NotAuthorizedException", "Invalid login token. Not a valid OpenId Connect identity token.");
  if (claims.aud !== pool.IdentityPoolId || claims.sub !== identityId || claims.iss !== openIdIssuer)
    throw new ServiceError("NotAuthorizedException", "Invalid login token. The token is not for this identity.");
  const now = Math.floor(nowSeconds());
  if (typeof claims.exp !== "number" || claims.exp <= now)
    throw new ServiceError("NotAuthorizedException", `Invalid login token. Token expired: ${now} >= ${String(claims.exp)}`);
  return { provider: cognitoIdentityProvider, user: identityId, claims };
}

const unauthenticatedRefused = () =>
  new ServiceError("NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.");

/** Refuses an unauthenticated identity of a pool that does not allow them (any more). */
export function checkUnauthenticatedAllowed(pool: IdentityPool): void {
  if (!pool.AllowUnauthenticatedIdentities) throw unauthenticatedRefused();
}

/** A new identity of `pool` with these logins (none: unauthenticated). */
export function newIdentity(
  state: CompleteState,
  pool: StoredPool,
  links: readonly Login[],
): { state: CompleteState; identity: StoredIdentity } {
  const now = nowSeconds();
  const region = pool.pool.IdentityPoolId.slice(0, pool.pool.IdentityPoolId.indexOf(":"));
  const sequence = state.lastIdentitySequence + 1;
  const identity: StoredIdentity = {
    sequence,
    IdentityId: `${region}:${randomUUID()}`,
    IdentityPoolId: pool.pool.IdentityPoolId,
    CreationDate: now,
    LastModifiedDate: now,
    logins: links.map(({ provider, user, claims }) => (claims ? { provider, user, claims } : { provider, user })),
  };
  return { state: { ...state, lastIdentitySequence: sequence, identities: [...state.identities, identity] }, identity };
}

/** The identity of `pool` a login is linked to. */
export function holderOf(state: CompleteState, poolId: string, login: Login): StoredIdentity | undefined {
  return state.identities.find((i) => i.IdentityPoolId === poolId && i.logins.some((l) => sameLogin(l, login)));
}

/**
 * `identity` with `links` linked (new ones added, known ones' claims refreshed); the state itself
 * when nothing changes. A login linked to another identity, or a second user of a provider the
 * identity already has (other than the developer provider, whose users merge), is a conflict.
 */
export function link(
  state: CompleteState,
  identity: StoredIdentity,
  links: readonly Login[],
): { state: CompleteState; identity: StoredIdentity } {
  const developer = poolOf(state, identity).pool.DeveloperProviderName;
  let current = [...identity.logins];
  let added = false;
  for (const login of links) {
    const known = current.findIndex((l) => sameLogin(l, login));
    if (known >= 0) {
      if (login.claims && JSON.stringify(login.claims) !== JSON.stringify(current[known]!.claims))
        current = current.map((l, i) => (i === known ? { ...l, claims: login.claims } : l));
      continue;
    }
    const holder = holderOf(state, identity.IdentityPoolId, login);
    if (holder)
      throw new ServiceError(
        "ResourceConflictException",
        `This login of ${login.provider} is already linked to identity '${holder.IdentityId}'.`,
      );
    if (login.provider !== developer && current.some((l) => l.provider === login.provider))
      throw new ServiceError(
        "ResourceConflictException",
        `Identity '${identity.IdentityId}' is already linked to another user of ${login.provider}.`,
      );
    const { provider, user, claims } = login;
    current.push(claims ? { provider, user, claims } : { provider, user });
    added = true;
  }
  if (!added && current.every((l, i) => l === identity.logins[i])) return { state, identity };
  const next: StoredIdentity = { ...identity, logins: current, ...(added ? { LastModifiedDate: nowSeconds() } : {}) };
  return { state: replaceIdentity(state, identity, next), identity: next };
}

/**
 * Checks that a request may act for `identity` (see the module comment), then links the request's
 * other logins to it when `linkOthers`. `vouched`: a token the pool issued for this identity.
 */
export function authenticate(
  state: CompleteState,
  identity: StoredIdentity,
  links: readonly Login[],
  vouched: Login | undefined,
  linkOthers = true,
): { state: CompleteState; identity: StoredIdentity } {
  if (identity.disabled) throw new ServiceError("NotAuthorizedException", `Access to Identity '${identity.IdentityId}' is forbidden.`);
  if (identity.logins.length > 0 && !vouched && !links.some((login) => identity.logins.some((l) => sameLogin(l, login))))
    throw new ServiceError(
      "NotAuthorizedException",
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  return linkOthers ? link(state, identity, links) : { state, identity };
}

/** The identity these logins are linked to, with the others linked to it too; or a new identity with all of them. */
export function identityOfLogins(
  state: CompleteState,
  pool: StoredPool,
  links: readonly Login[],
): { state: CompleteState; identity: StoredIdentity } {
  const holders = [...new Set(links.map((l) => holderOf(state, pool.pool.IdentityPoolId, l)).filter((i) => i !== undefined))];
  if (holders.length > 1)
    throw new ServiceError(
      "ResourceConflictException",
      `These logins are linked to different identities (${holders.map((i) => i.IdentityId).join(", ")}); the sandbox does not merge identities implicitly.`,
    );
  return holders[0] ? link(state, holders[0], links) : newIdentity(state, pool, links);
}

/** DescribeIdentity's answer (IdentityDescription): Logins are the providers' names, once each. */
export function describe(identity: StoredIdentity): object {
  const providers = [...new Set(identity.logins.map((l) => l.provider))];
  return {
    IdentityId: identity.IdentityId,
    ...(providers.length > 0 ? { Logins: providers } : {}),
    CreationDate: identity.CreationDate,
    LastModifiedDate: identity.LastModifiedDate,
  };
}

export const identityOperations = {
  GetId: (store, region, input) => {
    const request = input as { IdentityPoolId: string; AccountId?: string; Logins?: Record<string, string> };
    return store.change((state) => {
      const pool = findPool(state, region, request.IdentityPoolId);
      // The sandbox's pools are all in its one account (arns.ts).
      if (request.AccountId !== undefined && request.AccountId !== sandboxAccountId)
        throw new ServiceError(
          "ResourceNotFoundException",
          `IdentityPool '${request.IdentityPoolId}' not found in account ${request.AccountId}.`,
        );
      const { links } = readLogins(pool.pool, request.Logins);
      if (links.length === 0) checkUnauthenticatedAllowed(pool.pool);
      const { state: next, identity } = links.length === 0 ? newIdentity(state, pool, []) : identityOfLogins(state, pool, links);
      return { state: next, result: { IdentityId: identity.IdentityId } };
    });
  },

  ListIdentities: async (store, region, input) => {
    const { IdentityPoolId, MaxResults, NextToken, HideDisabled } = input as {
      IdentityPoolId: string;
      MaxResults: number;
      NextToken?: string;
      HideDisabled?: boolean;
    };
    const state = store.state;
    findPool(state, region, IdentityPoolId);
    const scope = { pool: IdentityPoolId };
    const after = pageStart(NextToken, scope, "an earlier ListIdentities response for this pool");
    const remaining = state.identities.filter(
      (i) => i.IdentityPoolId === IdentityPoolId && i.sequence > after && !(HideDisabled && i.disabled),
    );
    const page = remaining.slice(0, MaxResults);
    return {
      IdentityPoolId,
      Identities: page.map(describe),
      ...(remaining.length > page.length ? { NextToken: pageToken(scope, page.at(-1)!.sequence) } : {}),
    };
  },

  DescribeIdentity: async (store, region, input) =>
    describe(findIdentity(store.state, region, (input as { IdentityId: string }).IdentityId)),

  DeleteIdentities: (store, region, input) => {
    const { IdentityIdsToDelete } = input as { IdentityIdsToDelete: string[] };
    return store.change((state) => {
      const existing = new Set(state.identities.filter((i) => inRegion(i.IdentityId, region)).map((i) => i.IdentityId));
      const doomed = new Set(IdentityIdsToDelete.filter((id) => existing.has(id)));
      const UnprocessedIdentityIds = IdentityIdsToDelete.filter((id) => !existing.has(id)).map((IdentityId) => ({
        IdentityId,
        ErrorCode: "AccessDenied",
      }));
      const next = doomed.size === 0 ? state : { ...state, identities: state.identities.filter((i) => !doomed.has(i.IdentityId)) };
      return { state: next, result: { UnprocessedIdentityIds } };
    });
  },

  UnlinkIdentity: async (store, region, input) => {
    const { IdentityId, Logins, LoginsToRemove } = input as {
      IdentityId: string;
      Logins: Record<string, string>;
      LoginsToRemove: string[];
    };
    await store.change((state) => {
      const identity = findIdentity(state, region, IdentityId);
      const { pool } = poolOf(state, identity);
      if (pool.DeveloperProviderName !== undefined && LoginsToRemove.includes(pool.DeveloperProviderName))
        throw new ServiceError(
          "InvalidParameterException",
          "A developer user is unlinked with UnlinkDeveloperIdentity, not UnlinkIdentity.",
        );
      const { links, vouched } = readLogins(pool, Logins, IdentityId);
      authenticate(state, identity, links, vouched, false);
      const kept = identity.logins.filter((l) => !LoginsToRemove.includes(l.provider));
      if (kept.length === identity.logins.length) return { state, result: undefined };
      return { state: replaceIdentity(state, identity, withLogins(identity, kept)), result: undefined };
    });
    return {};
  },
} satisfies Record<string, Operation>;

/** `identity` with these logins; without any left, disabled (it had some, so it was authenticated). */
export function withLogins(identity: StoredIdentity, kept: readonly LinkedLogin[]): StoredIdentity {
  const { disabled: _disabled, ...rest } = identity;
  return { ...rest, logins: kept, LastModifiedDate: nowSeconds(), ...(kept.length === 0 ? { disabled: true as const } : {}) };
}
