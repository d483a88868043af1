// Cases for `aws cognito-identity get-identity-pool-roles` (test/fixtures/cli/get-identity-pool-roles/).

import { ADMIN_ROLE, AUTH_ROLE, ID, isObject, PAID_ROLE, POOL_ID, UNAUTH_ROLE, UP1_CLIENT } from "./common.mjs";
import { idOnlyAccepted, idOnlyRefused, idOnlySkeletons } from "./id-only.mjs";

const REFERENCE = {
  IdentityPoolId: "us-west-2:11111111-1111-1111-1111-111111111111",
  Roles: {
    authenticated: "arn:aws:iam::111111111111:role/Cognito_MyIdentityPoolAuth_Role",
    unauthenticated: "arn:aws:iam::111111111111:role/Cognito_MyIdentityPoolUnauth_Role",
  },
};

const RESPONSES = [
  { name: "reference page example output", response: REFERENCE },
  {
    name: "roles and role mappings (Token and Rules)",
    response: {
      IdentityPoolId: POOL_ID,
      Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE },
      RoleMappings: {
        "graph.facebook.com": { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" },
        [UP1_CLIENT]: {
          Type: "Rules",
          AmbiguousRoleResolution: "Deny",
          RulesConfiguration: {
            Rules: [
              { Claim: "cognito:groups", MatchType: "Contains", Value: "admins", RoleARN: ADMIN_ROLE },
              { Claim: "custom:plan", MatchType: "Equals", Value: "paid", RoleARN: PAID_ROLE },
            ],
          },
        },
      },
    },
  },
  { name: "only authenticated role", response: { IdentityPoolId: POOL_ID, Roles: { authenticated: AUTH_ROLE } } },
  { name: "empty Roles and RoleMappings maps", response: { IdentityPoolId: POOL_ID, Roles: {}, RoleMappings: {} } },
  { name: "only IdentityPoolId", response: { IdentityPoolId: POOL_ID } },
  {
    name: "unicode claim values and a long role ARN",
    response: {
      IdentityPoolId: POOL_ID,
      Roles: { authenticated: `arn:aws:iam::123456789012:role/${"r".repeat(200)}` },
      RoleMappings: {
        "accounts.google.com": {
          Type: "Rules",
          AmbiguousRoleResolution: "AuthenticatedRole",
          RulesConfiguration: { Rules: [{ Claim: "région", MatchType: "StartsWith", Value: "日本 café", RoleARN: PAID_ROLE }] },
        },
      },
    },
  },
  { name: "empty JSON object", response: {} },
];

const QUERIES = [
  "Roles",
  "RoleMappings.*.Type",
  '"RoleMappings"."graph.facebook.com"',
  "values(RoleMappings)[].RulesConfiguration.Rules[].RoleARN",
  "{id: IdentityPoolId, auth: Roles.authenticated, unauth: Roles.unauthenticated}",
  "Missing",
];

export default {
  command: "get-identity-pool-roles",
  operation: "GetIdentityPoolRoles",
  dir: "get-identity-pool-roles",
  respond: (body) =>
    JSON.stringify({ IdentityPoolId: isObject(body) ? body.IdentityPoolId : POOL_ID, Roles: { authenticated: AUTH_ROLE } }),
  respondDescription: `\`{"IdentityPoolId": <the request's IdentityPoolId>, "Roles": {"authenticated": "${AUTH_ROLE}"}}\``,
  accepted: idOnlyAccepted({ all: false }),
  refused: idOnlyRefused({ all: false }),
  skeletons: idOnlySkeletons(),
  outputs: { requestArgs: [...ID], responses: RESPONSES, queries: QUERIES, queryFormats: ["json", "text"] },
};
