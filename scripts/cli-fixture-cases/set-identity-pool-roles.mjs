// Cases for `aws cognito-identity set-identity-pool-roles` (test/fixtures/cli/set-identity-pool-roles/).
// The operation has no output shape: the recorder answers an empty body.

import { ADMIN_ROLE, AUTH_ROLE, emptyBody, ID, J, J4, PAID_ROLE, POOL_ID, SEND_NOTE, UNAUTH_ROLE, UP1_CLIENT } from "./common.mjs";

const ROLES = ["--roles", `authenticated=${AUTH_ROLE},unauthenticated=${UNAUTH_ROLE}`];
const BASE = [...ID, ...ROLES];
const RM = "--role-mappings";

const TOKEN_MAPPING = { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" };
const RULES_MAPPING = {
  Type: "Rules",
  AmbiguousRoleResolution: "Deny",
  RulesConfiguration: {
    Rules: [
      { Claim: "cognito:groups", MatchType: "Contains", Value: "admins", RoleARN: ADMIN_ROLE },
      { Claim: "custom:plan", MatchType: "Equals", Value: "paid", RoleARN: PAID_ROLE },
    ],
  },
};
const FULL_DOC = {
  IdentityPoolId: POOL_ID,
  Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE },
  RoleMappings: { "graph.facebook.com": TOKEN_MAPPING, [UP1_CLIENT]: RULES_MAPPING },
};
const rule = (claim, match, value, arn) => `{Claim=${claim},MatchType=${match},Value=${value},RoleARN=${arn}}`;
const elevenMappings = Array.from({ length: 11 }, (_, i) => `p${i}.example.com={Type=Token}`).join(",");

const ACCEPTED = [
  {
    name: "reference page example (authenticated role only)",
    args: [
      "--identity-pool-id",
      "us-west-2:11111111-1111-1111-1111-111111111111",
      "--roles",
      "authenticated=arn:aws:iam::111111111111:role/Cognito_MyIdentityPoolAuth_Role",
    ],
  },
  { name: "roles shorthand, both", args: [...BASE] },
  { name: "roles shorthand, unauthenticated only", args: [...ID, "--roles", `unauthenticated=${UNAUTH_ROLE}`] },
  { name: "roles shorthand, double-quoted ARN", args: [...ID, "--roles", `authenticated="${AUTH_ROLE}"`] },
  { name: "roles JSON", args: [...ID, "--roles", J({ authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE })] },
  { name: "roles given before the id", args: [...ROLES, ...ID] },
  { name: "--roles=VALUE form", args: [...ID, `--roles=authenticated=${AUTH_ROLE}`] },
  {
    name: "roles given twice (last wins?)",
    args: [...ID, "--roles", `authenticated=${AUTH_ROLE}`, "--roles", `unauthenticated=${UNAUTH_ROLE}`],
  },
  { name: "roles, empty JSON map (no min in the model)", args: [...ID, "--roles", "{}"] },
  {
    name: "roles, three keys (map max 2)",
    args: [...ID, "--roles", `authenticated=${AUTH_ROLE},unauthenticated=${UNAUTH_ROLE},admin=${ADMIN_ROLE}`],
    note: SEND_NOTE,
  },
  { name: "roles, key that is not (un)authenticated", args: [...ID, "--roles", `admin=${ADMIN_ROLE}`], note: SEND_NOTE },
  {
    name: "roles, value that is not an ARN (20+ characters; no pattern in the model)",
    args: [...ID, "--roles", "authenticated=this is not an arn at all"],
  },
  {
    name: "role mappings shorthand, Token",
    args: [...BASE, RM, "graph.facebook.com={Type=Token,AmbiguousRoleResolution=AuthenticatedRole}"],
  },
  { name: "role mappings shorthand, Token with Deny", args: [...BASE, RM, `${UP1_CLIENT}={Type=Token,AmbiguousRoleResolution=Deny}`] },
  { name: "role mappings shorthand, Type only", args: [...BASE, RM, "accounts.google.com={Type=Token}"] },
  {
    name: "role mappings shorthand, Rules with one rule",
    args: [
      ...BASE,
      RM,
      `${UP1_CLIENT}={Type=Rules,AmbiguousRoleResolution=Deny,RulesConfiguration={Rules=[${rule("custom:plan", "Equals", "paid", PAID_ROLE)}]}}`,
    ],
  },
  {
    name: "role mappings shorthand, Rules with two rules",
    args: [
      ...BASE,
      RM,
      `${UP1_CLIENT}={Type=Rules,AmbiguousRoleResolution=AuthenticatedRole,RulesConfiguration={Rules=[${rule("cognito:groups", "Contains", "admins", ADMIN_ROLE)},${rule("custom:plan", "StartsWith", "pa", PAID_ROLE)}]}}`,
    ],
  },
  {
    name: "role mappings shorthand, two providers",
    args: [
      ...BASE,
      RM,
      `graph.facebook.com={Type=Token},${UP1_CLIENT}={Type=Rules,RulesConfiguration={Rules=[${rule("sub", "NotEqual", "x", ADMIN_ROLE)}]}}`,
    ],
  },
  {
    name: "role mappings shorthand, every MatchType",
    args: [
      ...BASE,
      RM,
      `p={Type=Rules,RulesConfiguration={Rules=[${["Equals", "Contains", "StartsWith", "NotEqual"].map((m) => rule("c", m, "v", PAID_ROLE)).join(",")}]}}`,
    ],
  },
  {
    name: "role mappings shorthand, quoted rule value with comma and space",
    args: [...BASE, RM, `p={Type=Rules,RulesConfiguration={Rules=[{Claim=c,MatchType=Equals,Value="a, b",RoleARN=${PAID_ROLE}}]}}`],
  },
  {
    name: "role mappings JSON, Token and Rules",
    args: [...BASE, RM, J({ "graph.facebook.com": TOKEN_MAPPING, [UP1_CLIENT]: RULES_MAPPING })],
  },
  {
    name: "role mappings JSON, keys in reverse order inside mapping and rule",
    args: [
      ...BASE,
      RM,
      J({
        p: {
          RulesConfiguration: { Rules: [{ RoleARN: PAID_ROLE, Value: "v", MatchType: "Equals", Claim: "c" }] },
          AmbiguousRoleResolution: "Deny",
          Type: "Rules",
        },
      }),
    ],
  },
  { name: "role mappings, empty JSON map", args: [...BASE, RM, "{}"] },
  { name: "role mappings, Type=Rules without RulesConfiguration", args: [...BASE, RM, "p={Type=Rules}"], note: SEND_NOTE },
  {
    name: "role mappings, Type=Token with RulesConfiguration",
    args: [...BASE, RM, `p={Type=Token,RulesConfiguration={Rules=[${rule("c", "Equals", "v", PAID_ROLE)}]}}`],
  },
  { name: "role mappings, Type not in the enum", args: [...BASE, RM, "p={Type=Bogus}"], note: SEND_NOTE },
  {
    name: "role mappings, AmbiguousRoleResolution not in the enum",
    args: [...BASE, RM, "p={Type=Token,AmbiguousRoleResolution=Allow}"],
    note: SEND_NOTE,
  },
  {
    name: "role mappings, MatchType not in the enum",
    args: [...BASE, RM, `p={Type=Rules,RulesConfiguration={Rules=[${rule("c", "Regex", "v", PAID_ROLE)}]}}`],
    note: SEND_NOTE,
  },
  { name: "role mappings, lowercase enum value token", args: [...BASE, RM, "p={Type=token}"], note: SEND_NOTE },
  { name: "role mappings, 11 providers (map max 10)", args: [...BASE, RM, elevenMappings], note: SEND_NOTE },
  {
    name: "role mappings, claim over 64 characters",
    args: [...BASE, RM, `p={Type=Rules,RulesConfiguration={Rules=[${rule("c".repeat(65), "Equals", "v", PAID_ROLE)}]}}`],
    note: SEND_NOTE,
  },
  {
    name: "role mappings, 401 rules (list max 400)",
    args: [
      ...BASE,
      RM,
      J({
        p: {
          Type: "Rules",
          RulesConfiguration: {
            Rules: Array.from({ length: 401 }, (_, i) => ({ Claim: "c", MatchType: "Equals", Value: `v${i}`, RoleARN: PAID_ROLE })),
          },
        },
      }),
    ],
    note: SEND_NOTE,
  },
  { name: "--cli-input-json, full document", args: ["--cli-input-json", J4(FULL_DOC)] },
  {
    name: "--cli-input-json, required members only",
    args: ["--cli-input-json", J({ IdentityPoolId: POOL_ID, Roles: { authenticated: AUTH_ROLE } })],
  },
  {
    name: "--cli-input-json plus --roles replaces Roles",
    args: ["--cli-input-json", J(FULL_DOC), "--roles", `unauthenticated=${UNAUTH_ROLE}`],
  },
  {
    name: "--cli-input-json plus --role-mappings replaces RoleMappings",
    args: ["--cli-input-json", J(FULL_DOC), RM, "accounts.google.com={Type=Token}"],
  },
  {
    name: "--cli-input-json plus --identity-pool-id override",
    args: ["--cli-input-json", J(FULL_DOC), "--identity-pool-id", "eu-west-1:99999999-8888-7777-6666-555555555555"],
  },
  {
    name: "--cli-input-json supplies Roles, flag supplies id",
    args: ["--cli-input-json", J({ Roles: { authenticated: AUTH_ROLE } }), ...ID],
  },
  { name: "--region eu-west-1", args: [...BASE, "--region", "eu-west-1"] },
  { name: "--output text", args: [...BASE, "--output", "text"] },
  { name: "--output table --color off", args: [...BASE, "--output", "table", "--color", "off"] },
  { name: "--query IdentityPoolId", args: [...BASE, "--query", "IdentityPoolId"] },
  { name: "--no-sign-request", args: [...BASE, "--no-sign-request"] },
  { name: "id breaking the pattern", args: ["--identity-pool-id", "not a pool id", ...ROLES], note: SEND_NOTE },
];

const REFUSED = [
  { name: "no arguments at all", args: [] },
  { name: "missing --roles", args: [...ID] },
  { name: "missing --identity-pool-id", args: [...ROLES] },
  { name: "only --role-mappings", args: [...ID, RM, "p={Type=Token}"] },
  { name: "unknown parameter --foo bar", args: [...BASE, "--foo", "bar"] },
  { name: "roles shorthand without '='", args: [...ID, "--roles", "authenticated"] },
  { name: "roles as two argv items", args: [...ID, "--roles", `authenticated=${AUTH_ROLE}`, `unauthenticated=${UNAUTH_ROLE}`] },
  { name: "roles, ARN shorter than 20 characters", args: [...ID, "--roles", "authenticated=arn:aws:iam::1"] },
  { name: "roles, empty value", args: [...ID, "--roles", "authenticated="] },
  { name: "roles, JSON list instead of map", args: [...ID, "--roles", J([AUTH_ROLE])] },
  { name: "roles, invalid JSON", args: [...ID, "--roles", '{"authenticated": '] },
  { name: "roles, JSON map with number value", args: [...ID, "--roles", J({ authenticated: 5 })] },
  { name: "roles shorthand, duplicate key", args: [...ID, "--roles", `authenticated=${AUTH_ROLE},authenticated=${UNAUTH_ROLE}`] },
  { name: "role mappings, missing Type (required member)", args: [...BASE, RM, "p={AmbiguousRoleResolution=Deny}"] },
  { name: "role mappings, unknown key in mapping", args: [...BASE, RM, "p={Type=Token,Bogus=1}"] },
  { name: "role mappings, RulesConfiguration without Rules", args: [...BASE, RM, "p={Type=Rules,RulesConfiguration={}}"] },
  { name: "role mappings, empty Rules list (list min 1)", args: [...BASE, RM, "p={Type=Rules,RulesConfiguration={Rules=[]}}"] },
  {
    name: "role mappings, rule missing RoleARN",
    args: [...BASE, RM, "p={Type=Rules,RulesConfiguration={Rules=[{Claim=c,MatchType=Equals,Value=v}]}}"],
  },
  {
    name: "role mappings, rule with RoleARN shorter than 20 characters",
    args: [...BASE, RM, `p={Type=Rules,RulesConfiguration={Rules=[${rule("c", "Equals", "v", "arn:short")}]}}`],
  },
  {
    name: "role mappings, rule with empty Claim",
    args: [...BASE, RM, `p={Type=Rules,RulesConfiguration={Rules=[{Claim=,MatchType=Equals,Value=v,RoleARN=${PAID_ROLE}}]}}`],
  },
  {
    name: "role mappings, rule with empty Value",
    args: [...BASE, RM, `p={Type=Rules,RulesConfiguration={Rules=[{Claim=c,MatchType=Equals,Value=,RoleARN=${PAID_ROLE}}]}}`],
  },
  { name: "role mappings, value not a structure", args: [...BASE, RM, "p=Token"] },
  { name: "role mappings, unterminated brace", args: [...BASE, RM, "p={Type=Token"] },
  { name: "role mappings, JSON list instead of map", args: [...BASE, RM, J([TOKEN_MAPPING])] },
  {
    name: "role mappings, JSON with Rules as an object",
    args: [
      ...BASE,
      RM,
      J({ p: { Type: "Rules", RulesConfiguration: { Rules: { Claim: "c", MatchType: "Equals", Value: "v", RoleARN: PAID_ROLE } } } }),
    ],
  },
  { name: "role mappings, JSON with Type as number", args: [...BASE, RM, J({ p: { Type: 1 } })] },
  { name: "role mappings, empty provider key via JSON (min length)", args: [...BASE, RM, J({ "": TOKEN_MAPPING })] },
  { name: "--cli-input-json missing Roles", args: ["--cli-input-json", J({ IdentityPoolId: POOL_ID })] },
  { name: "--cli-input-json unknown key", args: ["--cli-input-json", J({ ...FULL_DOC, Bogus: true })] },
  { name: "--cli-input-json the unedited input skeleton", args: ["--cli-input-json", "@SKELETON@"] },
  { name: "--roles without value at the end", args: [...ID, "--roles"], endpointFirst: true },
  { name: "--role-mappings without value at the end", args: [...BASE, RM], endpointFirst: true },
];

const SKELETONS = [
  { name: "input", args: ["--generate-cli-skeleton", "input"] },
  { name: "no value", args: ["--generate-cli-skeleton"] },
  { name: "input, with other parameters given", args: ["--generate-cli-skeleton", "input", ...BASE] },
  { name: "output, nothing else", args: ["--generate-cli-skeleton", "output"] },
  { name: "output, with the required parameters", args: ["--generate-cli-skeleton", "output", ...BASE] },
  { name: "bogus value", args: ["--generate-cli-skeleton", "bogus"] },
];

export default {
  command: "set-identity-pool-roles",
  operation: "SetIdentityPoolRoles",
  dir: "set-identity-pool-roles",
  respond: emptyBody,
  respondDescription: "an empty body (`Content-Length: 0`)",
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: SKELETONS,
  // The input skeleton's enum values (Type, AmbiguousRoleResolution, MatchType) are random.choice picks.
  skeletonSeeds: [1, 2, 3, 4],
  outputs: {
    requestArgs: [...BASE],
    responses: [
      { name: "empty body", rawBody: "" },
      { name: "empty JSON object", response: {} },
      {
        name: "JSON object with members the operation does not define",
        response: { IdentityPoolId: POOL_ID, Roles: { authenticated: AUTH_ROLE } },
      },
    ],
    queries: ["@", "IdentityPoolId"],
    queryFormats: ["json", "text", "table"],
  },
};
