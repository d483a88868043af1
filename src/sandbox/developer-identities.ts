/**
 * Developer-authenticated identities: GetOpenIdTokenForDeveloperIdentity, LookupDeveloperIdentity,
 * MergeDeveloperIdentities, UnlinkDeveloperIdentity. A developer user is a login of the identity
 * whose provider is the pool's DeveloperProviderName and whose user is the DeveloperUserIdentifier.
 *
 * As the API reference describes them:
 * - GetOpenIdTokenForDeveloperIdentity: Logins holds `{<DeveloperProviderName>: <developer user
 *   identifier>}` (and optionally other providers' logins, linked alongside). A pool without that
 *   developer provider refuses with NotAuthorizedException "This identity pool does not support the
 *   specified developer provider." (AWS's message, as reported in danilop/LambdAuth #32). With
 *   IdentityId, the logins are linked to that identity (one of them must already be its, if it has
 *   any: aws/aws-sdk-js #2327); a developer user linked to another identity is a
 *   DeveloperUserAlreadyRegisteredException ("The provided developer user identifier is already
 *   registered with Cognito under a different identity ID.").
 * - LookupDeveloperIdentity: by IdentityId, by DeveloperUserIdentifier, or both; both that do not
 *   belong together are a ResourceConflictException. MaxResults and NextToken page the list.
 * - MergeDeveloperIdentities: the source user's identity's logins move to the destination user's
 *   identity (the source identity is left with none: disabled); "If the users to be merged are
 *   associated with the same public provider, but as two different users, an exception will be
 *   thrown", and so if they would have more than 20 linked logins (ResourceConflictException; the
 *   model lists no LimitExceededException here).
 * - UnlinkDeveloperIdentity: removes the developer user from the identity; with no logins left,
 *   the identity "becomes inaccessible" (disabled).
 */
import { shape, type StringShape } from "../operation/model.js";
import { findIdentity, findPool, nowSeconds, pageStart, pageToken, replaceIdentity, type Operation } from "./common.js";
import { authenticate, holderOf, identityOfLogins, withLogins } from "./identities.js";
import { amrFor, configuredProviders, readLogin, type Login } from "./logins.js";
import { ServiceError } from "./service-error.js";
import type { CompleteState, StoredIdentity, StoredPool } from "./store.js";
import { developerTokenSeconds, openIdToken } from "./tokens.js";

const maxUserIdentifier = (shape("DeveloperUserIdentifier") as StringShape).max!;
const maxLinkedLogins = 20;

const unsupported = () =>
  new ServiceError("NotAuthorizedException", "This identity pool does not support the specified developer provider.");

/** The pool's developer provider, which `name` must be. */
function developerProvider(pool: StoredPool, name: string): string {
  const developer = pool.pool.DeveloperProviderName;
  if (developer === undefined || developer !== name)
    throw new ServiceError(
      "InvalidParameterException",
      developer === undefined
        ? `Identity pool '${pool.pool.IdentityPoolId}' has no DeveloperProviderName.`
        : `DeveloperProviderName '${name}' is not this identity pool's ('${developer}').`,
    );
  return developer;
}

/** An identity of this pool: identities of other pools are not found here. */
function identityOfPool(state: CompleteState, region: string, pool: StoredPool, id: string): StoredIdentity {
  const identity = findIdentity(state, region, id);
  if (identity.IdentityPoolId !== pool.pool.IdentityPoolId)
    throw new ServiceError("ResourceNotFoundException", `Identity '${id}' not found in identity pool '${pool.pool.IdentityPoolId}'.`);
  return identity;
}

function developerUser(pool: StoredPool, user: string): Login {
  return { provider: pool.pool.DeveloperProviderName!, user };
}

const notFound = (user: string) => new ServiceError("ResourceNotFoundException", `Developer user '${user}' not found.`);

export const developerOperations = {
  GetOpenIdTokenForDeveloperIdentity: (store, region, input) => {
    const request = input as {
      IdentityPoolId: string;
      IdentityId?: string;
      Logins: Record<string, string>;
      PrincipalTags?: Record<string, string>;
      TokenDuration?: number;
    };
    return store.change((state) => {
      const pool = findPool(state, region, request.IdentityPoolId);
      const developer = pool.pool.DeveloperProviderName;
      if (developer === undefined) throw unsupported();
      const providers = configuredProviders(pool.pool);
      const links: Login[] = [];
      for (const [provider, value] of Object.entries(request.Logins)) {
        if (provider === developer) {
          if (value.length > maxUserIdentifier)
            throw new ServiceError("InvalidParameterException", `A developer user identifier is at most ${maxUserIdentifier} characters.`);
          links.unshift(developerUser(pool, value));
        } else if (providers.has(provider)) links.push(readLogin(pool.pool, provider, value));
        else throw unsupported();
      }
      const developerLogin = links[0];
      if (developerLogin?.provider !== developer)
        throw new ServiceError("InvalidParameterException", `Logins must hold this identity pool's developer provider, '${developer}'.`);

      let result: { state: CompleteState; identity: StoredIdentity };
      if (request.IdentityId !== undefined) {
        const identity = identityOfPool(state, region, pool, request.IdentityId);
        const holder = holderOf(state, pool.pool.IdentityPoolId, developerLogin);
        if (holder && holder !== identity)
          throw new ServiceError(
            "DeveloperUserAlreadyRegisteredException",
            "The provided developer user identifier is already registered with Cognito under a different identity ID.",
          );
        result = authenticate(state, identity, links, undefined);
      } else result = identityOfLogins(state, pool, links);
      const Token = openIdToken({
        identityId: result.identity.IdentityId,
        poolId: pool.pool.IdentityPoolId,
        amr: amrFor(pool.pool, links),
        issuedAt: nowSeconds(),
        lifetimeSeconds: request.TokenDuration ?? developerTokenSeconds,
        principalTags: request.PrincipalTags,
      });
      return { state: result.state, result: { IdentityId: result.identity.IdentityId, Token } };
    });
  },

  LookupDeveloperIdentity: async (store, region, input) => {
    const { IdentityPoolId, IdentityId, DeveloperUserIdentifier, MaxResults, NextToken } = input as {
      IdentityPoolId: string;
      IdentityId?: string;
      DeveloperUserIdentifier?: string;
      MaxResults?: number;
      NextToken?: string;
    };
    const state = store.state;
    const pool = findPool(state, region, IdentityPoolId);
    if (IdentityId === undefined && DeveloperUserIdentifier === undefined)
      throw new ServiceError("InvalidParameterException", "Either IdentityId or DeveloperUserIdentifier must be given.");
    const developer = pool.pool.DeveloperProviderName;
    let identity = IdentityId === undefined ? undefined : identityOfPool(state, region, pool, IdentityId);
    if (DeveloperUserIdentifier !== undefined) {
      const holder = developer === undefined ? undefined : holderOf(state, IdentityPoolId, developerUser(pool, DeveloperUserIdentifier));
      if (identity && holder !== identity)
        throw new ServiceError(
          "ResourceConflictException",
          `Developer user '${DeveloperUserIdentifier}' is not linked to identity '${identity.IdentityId}'.`,
        );
      if (!holder) throw notFound(DeveloperUserIdentifier);
      identity = holder;
    }
    const users =
      DeveloperUserIdentifier !== undefined
        ? [DeveloperUserIdentifier]
        : identity!.logins.filter((l) => l.provider === developer).map((l) => l.user);
    const scope = { pool: IdentityPoolId, identity: identity!.IdentityId };
    const start = pageStart(NextToken, scope, "an earlier LookupDeveloperIdentity response for this identity");
    const page = users.slice(start, MaxResults === undefined ? undefined : start + MaxResults);
    const end = start + page.length;
    return {
      IdentityId: identity!.IdentityId,
      DeveloperUserIdentifierList: page,
      ...(end < users.length ? { NextToken: pageToken(scope, end) } : {}),
    };
  },

  MergeDeveloperIdentities: (store, region, input) => {
    const request = input as {
      SourceUserIdentifier: string;
      DestinationUserIdentifier: string;
      DeveloperProviderName: string;
      IdentityPoolId: string;
    };
    return store.change((state) => {
      const pool = findPool(state, region, request.IdentityPoolId);
      developerProvider(pool, request.DeveloperProviderName);
      const holder = (user: string) => holderOf(state, request.IdentityPoolId, developerUser(pool, user)) ?? throwError(notFound(user));
      const source = holder(request.SourceUserIdentifier);
      const destination = holder(request.DestinationUserIdentifier);
      if (source === destination) return { state, result: { IdentityId: destination.IdentityId } };
      for (const login of source.logins)
        if (
          login.provider !== request.DeveloperProviderName &&
          destination.logins.some((l) => l.provider === login.provider && l.user !== login.user)
        )
          throw new ServiceError(
            "ResourceConflictException",
            `The identities to merge are linked to two different users of ${login.provider}.`,
          );
      const logins = [...destination.logins, ...source.logins];
      if (logins.length > maxLinkedLogins)
        throw new ServiceError(
          "ResourceConflictException",
          `The merged identity would have ${logins.length} linked logins; at most ${maxLinkedLogins} are allowed.`,
        );
      const merged = { ...destination, logins, LastModifiedDate: nowSeconds() };
      const next = replaceIdentity(replaceIdentity(state, source, withLogins(source, [])), destination, merged);
      return { state: next, result: { IdentityId: destination.IdentityId } };
    });
  },

  UnlinkDeveloperIdentity: async (store, region, input) => {
    const request = input as { IdentityId: string; IdentityPoolId: string; DeveloperProviderName: string; DeveloperUserIdentifier: string };
    await store.change((state) => {
      const pool = findPool(state, region, request.IdentityPoolId);
      const developer = developerProvider(pool, request.DeveloperProviderName);
      const identity = identityOfPool(state, region, pool, request.IdentityId);
      const user = developerUser(pool, request.DeveloperUserIdentifier);
      const kept = identity.logins.filter((l) => !(l.provider === developer && l.user === user.user));
      if (kept.length === identity.logins.length) {
        const holder = holderOf(state, request.IdentityPoolId, user);
        if (!holder) throw notFound(request.DeveloperUserIdentifier);
        throw new ServiceError(
          "ResourceConflictException",
          `Developer user '${request.DeveloperUserIdentifier}' is linked to identity '${holder.IdentityId}', not '${identity.IdentityId}'.`,
        );
      }
      return { state: replaceIdentity(state, identity, withLogins(identity, kept)), result: undefined };
    });
    return {};
  },
} satisfies Record<string, Operation>;

function throwError(error: Error): never {
  throw error;
}
