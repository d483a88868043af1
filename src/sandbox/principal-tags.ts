/**
 * SetPrincipalTagAttributeMap and GetPrincipalTagAttributeMap: a map per (pool, identity provider)
 * of principal tag → token claim, or the provider's default mappings (UseDefaults).
 *
 * - The provider must be one the pool is configured with (logins.ts's configuredProviders: a user
 *   pool's ProviderName, a SupportedLoginProviders key, an OIDC host, a SAML ARN), else
 *   InvalidParameterException, worded after AWS's refusal of a RoleMappings key for a provider the
 *   pool does not have ("… is not a valid RoleMapping ProviderName or is not a configured
 *   provider.", aws/aws-cdk #7670). AWS's own answer here is not documented.
 * - Set stores UseDefaults (false when the request leaves it out, as the console's "custom
 *   mappings") and the PrincipalTags it sent, replacing the previous map, and answers them back.
 * - Get for a provider whose map was never set: AWS's answer is not documented, and no report of
 *   it was found. The sandbox answers the pool id and provider name with UseDefaults true and no
 *   PrincipalTags: a provider without custom mappings gets the defaults (developer guide, "Using
 *   attributes for access control": default mappings are per provider).
 * The maps are the pool's: UpdateIdentityPool keeps them, DeleteIdentityPool removes them.
 */
import { findPool, replacePool, type Operation } from "./common.js";
import { configuredProviders } from "./logins.js";
import { ServiceError } from "./service-error.js";
import type { StoredPool } from "./store.js";

interface MapRequest {
  IdentityPoolId: string;
  IdentityProviderName: string;
  UseDefaults?: boolean;
  PrincipalTags?: Record<string, string>;
}

function checkProvider(pool: StoredPool, provider: string): void {
  if (!configuredProviders(pool.pool).has(provider))
    throw new ServiceError("InvalidParameterException", `${provider} is not a valid IdentityProviderName or is not a configured provider.`);
}

export const principalTagOperations = {
  SetPrincipalTagAttributeMap: (store, region, input) => {
    const { IdentityPoolId, IdentityProviderName, UseDefaults, PrincipalTags } = input as MapRequest;
    const map = { UseDefaults: UseDefaults ?? false, ...(PrincipalTags ? { PrincipalTags } : {}) };
    return store.change((state) => {
      const pool = findPool(state, region, IdentityPoolId);
      checkProvider(pool, IdentityProviderName);
      return {
        state: replacePool(state, pool, (p) => ({ ...p, principalTags: { ...p.principalTags, [IdentityProviderName]: map } })),
        result: { IdentityPoolId, IdentityProviderName, ...map },
      };
    });
  },

  GetPrincipalTagAttributeMap: async (store, region, input) => {
    const { IdentityPoolId, IdentityProviderName } = input as MapRequest;
    const pool = findPool(store.state, region, IdentityPoolId);
    checkProvider(pool, IdentityProviderName);
    const map = Object.hasOwn(pool.principalTags ?? {}, IdentityProviderName)
      ? pool.principalTags![IdentityProviderName]!
      : { UseDefaults: true };
    return { IdentityPoolId, IdentityProviderName, ...map };
  },
} satisfies Record<string, Operation>;
