/**
 * Which IAM role GetCredentialsForIdentity issues credentials for: a pure function of the pool,
 * its roles, the identity and the request's logins, so tests (and the lead's own display of it)
 * can ask without issuing anything.
 *
 * As the developer guide's "Using role-based access control" describes it:
 * - An unauthenticated identity gets Roles.unauthenticated; an authenticated one, the role its
 *   login's RoleMappings entry chooses, else Roles.authenticated. A user pool's mapping is keyed
 *   `<ProviderName>:<ClientId>` (CloudFormation's IdentityPoolRoleAttachment RoleMapping), found
 *   from the token's `aud` (or `client_id`), or the pool's one app client of that user pool.
 * - Token: CustomRoleArn if it is one of the `cognito:roles` claim (else access is denied), else
 *   `cognito:preferred_role`, else AmbiguousRoleResolution.
 * - Rules: "Rules are evaluated in order, and the IAM role for the first matching rule is used,
 *   unless CustomRoleArn is specified to override the order" (then it must be a matching rule's
 *   role). "If the match type is NotEqual and the claim doesn't exist, the rule is not evaluated."
 *   No match: AmbiguousRoleResolution.
 * - AmbiguousRoleResolution AuthenticatedRole falls back to Roles.authenticated; Deny refuses with
 *   NotAuthorizedException "The ambiguous role mapping rules denied this request." (the message SDK
 *   users report, aws-amplify/amplify-js #8644).
 * - No role to issue: InvalidIdentityPoolConfigurationException "Invalid identity pool
 *   configuration. Check assigned IAM roles for this pool." (AWS's message, as reported in
 *   amazon-archives/amazon-cognito-auth-js #167).
 * - Where no mapping chooses among roles, a CustomRoleArn other than the one role the identity may
 *   have is refused too: the sandbox's reading of "deny access" for a role the token does not allow.
 */
import type { IdentityPool } from "../operation/model.js";
import { isCognitoUserPool, type Login } from "./logins.js";
import type { MappingRule, PoolRoles, RoleMapping } from "./roles.js";
import { ServiceError } from "./service-error.js";

/** The role and why it was chosen (`Roles.authenticated`, `RoleMappings["graph.facebook.com"] rule 2` …), or the error AWS answers. */
export type RoleChoice = { roleArn: string; basis: string } | { error: ServiceError };

const noRole = () =>
  new ServiceError(
    "InvalidIdentityPoolConfigurationException",
    "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
  );
const denied = () => new ServiceError("NotAuthorizedException", "The ambiguous role mapping rules denied this request.");
const customRefused = (arn: string) =>
  new ServiceError("NotAuthorizedException", `CustomRoleArn '${arn}' is not a role this identity's login allows.`);

/**
 * The role GetCredentialsForIdentity issues credentials for. `identity` is authenticated when it
 * has linked logins; `logins` are the request's (with their tokens' claims), in request order:
 * the first whose provider has a role mapping decides.
 */
export function chooseRole(
  pool: IdentityPool,
  roles: PoolRoles | undefined,
  identity: { logins: readonly unknown[] },
  logins: readonly Login[],
  customRoleArn?: string,
): RoleChoice {
  const only = (roleArn: string | undefined, basis: string): RoleChoice => {
    if (roleArn === undefined) return { error: noRole() };
    if (customRoleArn !== undefined && customRoleArn !== roleArn) return { error: customRefused(customRoleArn) };
    return { roleArn, basis };
  };
  if (identity.logins.length === 0 && logins.length === 0) return only(roles?.Roles.unauthenticated, "Roles.unauthenticated");
  const authenticated = () => only(roles?.Roles.authenticated, "Roles.authenticated");

  for (const login of logins) {
    const key = mappingKey(pool, roles, login);
    const mapping = key === undefined ? undefined : roles?.RoleMappings?.[key];
    if (!mapping || key === undefined) continue;
    const where = `RoleMappings[${JSON.stringify(key)}]`;
    const claims = login.claims ?? {};
    const ambiguous = () => (mapping.AmbiguousRoleResolution === "AuthenticatedRole" ? authenticated() : { error: denied() });
    if (mapping.Type === "Token") {
      const allowed = tokenRoles(claims["cognito:roles"]);
      if (customRoleArn !== undefined)
        return allowed.includes(customRoleArn)
          ? { roleArn: customRoleArn, basis: `${where} CustomRoleArn in cognito:roles` }
          : { error: customRefused(customRoleArn) };
      const preferred = claims["cognito:preferred_role"];
      if (typeof preferred === "string" && preferred !== "") return { roleArn: preferred, basis: `${where} cognito:preferred_role` };
      return ambiguous();
    }
    const matching = rulesOf(mapping)
      .map((rule, i) => ({ rule, number: i + 1 }))
      .filter(({ rule }) => matches(rule, claims[rule.Claim]));
    if (customRoleArn !== undefined) {
      const chosen = matching.find(({ rule }) => rule.RoleARN === customRoleArn);
      return chosen
        ? { roleArn: customRoleArn, basis: `${where} rule ${chosen.number} (CustomRoleArn)` }
        : { error: customRefused(customRoleArn) };
    }
    const first = matching[0];
    return first ? { roleArn: first.rule.RoleARN, basis: `${where} rule ${first.number}` } : ambiguous();
  }
  return authenticated();
}

/** The RoleMappings key of a login: its provider, or for a user pool `<ProviderName>:<ClientId>`. */
function mappingKey(pool: IdentityPool, roles: PoolRoles | undefined, login: Login): string | undefined {
  if (!isCognitoUserPool(login.provider)) return login.provider;
  const client = login.claims?.aud ?? login.claims?.client_id;
  if (typeof client === "string") return `${login.provider}:${client}`;
  // An opaque token names no client: the pool's app client of that user pool, if it has one with a mapping.
  const clients = (pool.CognitoIdentityProviders ?? []).filter((p) => p.ProviderName === login.provider && p.ClientId);
  return clients.map((p) => `${login.provider}:${p.ClientId}`).find((key) => roles?.RoleMappings?.[key] !== undefined);
}

/** `cognito:roles`: a list of role ARNs, or (developer guide) a comma-separated string of them. */
function tokenRoles(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((r): r is string => typeof r === "string");
  if (typeof claim === "string")
    return claim
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean);
  return [];
}

function rulesOf(mapping: RoleMapping): MappingRule[] {
  return mapping.RulesConfiguration?.Rules ?? [];
}

/** A claim's value against a rule; a list claim (cognito:groups) matches if any member does (NotEqual: if none equals). */
function matches(rule: MappingRule, claim: unknown): boolean {
  if (claim === undefined || claim === null) return false;
  const values = (Array.isArray(claim) ? claim : [claim]).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  switch (rule.MatchType) {
    case "Equals":
      return values.includes(rule.Value);
    case "NotEqual":
      return values.length > 0 && !values.includes(rule.Value);
    case "Contains":
      return values.some((v) => v.includes(rule.Value));
    case "StartsWith":
      return values.some((v) => v.startsWith(rule.Value));
  }
}
