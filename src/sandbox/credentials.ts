/**
 * GetCredentialsForIdentity and GetOpenIdToken: what an identity gets once the request may act
 * for it (identities.ts): fake credentials for the role role-choice.ts picks, or an OpenID token
 * (tokens.ts). Both link the request's other logins to the identity, as the API reference says of
 * GetOpenIdToken ("Supplying multiple logins creates an implicit link"); a refusal links nothing.
 *
 * The role is never in the answer's credentials: the request's log line names it (`role=<ARN>
 * (<why>)`), and chooseRole (role-choice.ts) computes it for anyone who asks.
 */
import { structure } from "../operation/model.js";
import { findIdentity, nowSeconds, pick, poolOf, type Operation } from "./common.js";
import { authenticate, checkUnauthenticatedAllowed, readLogins } from "./identities.js";
import { amrFor, type Login } from "./logins.js";
import { chooseRole } from "./role-choice.js";
import type { CompleteState, StoredIdentity, StoredPool } from "./store.js";
import { fakeCredentials, openIdToken, openIdTokenSeconds } from "./tokens.js";

const credentialMembers = Object.keys(structure("Credentials").members);

/** The identity, authenticated and with the request's logins linked; `asLogins`: the logins that authenticate it, none if unauthenticated. */
function served(
  state: CompleteState,
  region: string,
  identityId: string,
  requestLogins: Record<string, string> | undefined,
): { state: CompleteState; identity: StoredIdentity; pool: StoredPool; asLogins: Login[] } {
  const found = findIdentity(state, region, identityId);
  const pool = poolOf(state, found);
  const { links, vouched } = readLogins(pool.pool, requestLogins, identityId);
  const { state: next, identity } = authenticate(state, found, links, vouched);
  // An identity with no logins is unauthenticated, even with a token of its own (amr ["unauthenticated"]).
  if (identity.logins.length === 0) {
    checkUnauthenticatedAllowed(pool.pool);
    return { state: next, identity, pool, asLogins: [] };
  }
  return { state: next, identity, pool, asLogins: vouched ? [...links, vouched] : links };
}

export const credentialOperations = {
  GetCredentialsForIdentity: async (store, region, input, notes) => {
    const { IdentityId, Logins, CustomRoleArn } = input as { IdentityId: string; Logins?: Record<string, string>; CustomRoleArn?: string };
    const { roleArn, basis } = await store.change((state) => {
      const { state: next, identity, pool, asLogins } = served(state, region, IdentityId, Logins);
      const choice = chooseRole(pool.pool, pool.roles, identity, asLogins, CustomRoleArn);
      if ("error" in choice) throw choice.error;
      return { state: next, result: choice };
    });
    notes.note(`role=${roleArn} (${basis})`);
    return { IdentityId, Credentials: pick(fakeCredentials(nowSeconds()), credentialMembers) };
  },

  GetOpenIdToken: (store, region, input) => {
    const { IdentityId, Logins } = input as { IdentityId: string; Logins?: Record<string, string> };
    return store.change((state) => {
      const { state: next, identity, pool, asLogins } = served(state, region, IdentityId, Logins);
      const Token = openIdToken({
        identityId: identity.IdentityId,
        poolId: pool.pool.IdentityPoolId,
        amr: amrFor(pool.pool, asLogins),
        issuedAt: nowSeconds(),
        lifetimeSeconds: openIdTokenSeconds,
      });
      return { state: next, result: { IdentityId, Token } };
    });
  },
} satisfies Record<string, Operation>;
