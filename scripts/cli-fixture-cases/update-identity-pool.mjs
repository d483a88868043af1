// Cases for `aws cognito-identity update-identity-pool` (test/fixtures/cli/update-identity-pool/).
// Its input is the whole IdentityPool: create's parameters plus --identity-pool-id.

import { echo, ID, J, J4, OIDC1, OIDC2, POOL_ID, SAML1, SAML2, SEND_NOTE, UP1, UP2 } from "./common.mjs";
import { POOL_QUERIES, POOL_RESPONSES } from "./pool-outputs.mjs";

const NAME = ["--identity-pool-name", "MyPool"];
const ALLOW = ["--allow-unauthenticated-identities"];
const BASE = [...ID, ...NAME, ...ALLOW];

// A full --cli-input-json document (the skeleton's keys, in its order, with values).
const FULL_DOC = {
  IdentityPoolId: POOL_ID,
  IdentityPoolName: "FromJson",
  AllowUnauthenticatedIdentities: true,
  AllowClassicFlow: true,
  SupportedLoginProviders: { "graph.facebook.com": "123", "accounts.google.com": "abc" },
  DeveloperProviderName: "login.mycompany.myapp",
  OpenIdConnectProviderARNs: [OIDC1, OIDC2],
  CognitoIdentityProviders: [
    { ProviderName: UP1, ClientId: "client1", ServerSideTokenCheck: true },
    { ProviderName: UP2, ClientId: "client2", ServerSideTokenCheck: false },
  ],
  SamlProviderARNs: [SAML1, SAML2],
  IdentityPoolTags: { Env: "prod", Team: "data" },
};

const ACCEPTED = [
  {
    name: "reference page example (shell-split)",
    args: [
      "--identity-pool-id",
      "us-west-2:11111111-1111-1111-1111-111111111111",
      "--identity-pool-name",
      "MyIdentityPool",
      "--no-allow-unauthenticated-identities",
      "--cognito-identity-providers",
      "ProviderName=cognito-idp.us-west-2.amazonaws.com/us-west-2_111111111,ClientId=3n4b5urk1ft4fl3mg5e62d9ado,ServerSideTokenCheck=false",
    ],
  },
  { name: "required only, allow", args: [...BASE] },
  { name: "required only, no-allow", args: [...ID, ...NAME, "--no-allow-unauthenticated-identities"] },
  { name: "required only, reverse order", args: [...ALLOW, ...NAME, ...ID] },
  {
    name: "--identity-pool-id=VALUE and --identity-pool-name=VALUE forms",
    args: [`--identity-pool-id=${POOL_ID}`, "--identity-pool-name=Eq", ...ALLOW],
  },
  { name: "abbreviated option --identity-pool-i (argparse prefix match)", args: ["--identity-pool-i", POOL_ID, ...NAME, ...ALLOW] },
  {
    name: "allow then no-allow unauthenticated",
    args: [...ID, ...NAME, "--allow-unauthenticated-identities", "--no-allow-unauthenticated-identities"],
  },
  { name: "--allow-classic-flow", args: [...BASE, "--allow-classic-flow"] },
  { name: "--no-allow-classic-flow", args: [...BASE, "--no-allow-classic-flow"] },
  { name: "no-allow then allow classic flow", args: [...BASE, "--no-allow-classic-flow", "--allow-classic-flow"] },
  {
    name: "supported login providers, shorthand",
    args: [...BASE, "--supported-login-providers", "graph.facebook.com=123,accounts.google.com=abc"],
  },
  {
    name: "supported login providers, JSON",
    args: [...BASE, "--supported-login-providers", J({ "graph.facebook.com": "123", "www.amazon.com": "amzn1.application.x" })],
  },
  { name: "supported login providers, empty JSON map (clears them?)", args: [...BASE, "--supported-login-providers", "{}"] },
  { name: "developer provider name", args: [...BASE, "--developer-provider-name", "login.mycompany.myapp"] },
  { name: "OIDC ARNs, two argv items", args: [...BASE, "--open-id-connect-provider-arns", OIDC1, OIDC2] },
  { name: "OIDC ARNs, JSON list", args: [...BASE, "--open-id-connect-provider-arns", J([OIDC1])] },
  { name: "OIDC ARNs, empty JSON list", args: [...BASE, "--open-id-connect-provider-arns", "[]"] },
  { name: "OIDC ARNs, flag without any value at the end", args: [...BASE, "--open-id-connect-provider-arns"], endpointFirst: true },
  { name: "SAML ARNs, two argv items", args: [...BASE, "--saml-provider-arns", SAML1, SAML2] },
  { name: "SAML ARNs, JSON list", args: [...BASE, "--saml-provider-arns", J([SAML2])] },
  {
    name: "Cognito providers, one shorthand structure",
    args: [...BASE, "--cognito-identity-providers", `ProviderName=${UP1},ClientId=client1`],
  },
  {
    name: "Cognito providers, two shorthand structures as separate argv items",
    args: [
      ...BASE,
      "--cognito-identity-providers",
      `ProviderName=${UP1},ClientId=client1,ServerSideTokenCheck=true`,
      `ProviderName=${UP2},ClientId=client2,ServerSideTokenCheck=false`,
    ],
  },
  {
    name: "Cognito providers, double-quoted values",
    args: [...BASE, "--cognito-identity-providers", `ProviderName="${UP1}",ClientId="c",ServerSideTokenCheck=false`],
  },
  {
    name: "Cognito providers, JSON list",
    args: [...BASE, "--cognito-identity-providers", J([{ ProviderName: UP1, ClientId: "client1", ServerSideTokenCheck: true }])],
  },
  { name: "Cognito providers, empty JSON list", args: [...BASE, "--cognito-identity-providers", "[]"] },
  { name: "tags, shorthand", args: [...BASE, "--identity-pool-tags", "Env=prod,Team=data"] },
  { name: "tags, JSON", args: [...BASE, "--identity-pool-tags", J({ Env: "prod", "Team Name": "a,b", empty: "" })] },
  { name: "tags, empty JSON map", args: [...BASE, "--identity-pool-tags", "{}"] },
  { name: "tags, empty value k=", args: [...BASE, "--identity-pool-tags", "k="] },
  {
    name: "all ten parameters",
    args: [
      ...ID,
      "--identity-pool-name",
      "Everything",
      "--allow-unauthenticated-identities",
      "--allow-classic-flow",
      "--supported-login-providers",
      "graph.facebook.com=123,accounts.google.com=abc",
      "--developer-provider-name",
      "login.mycompany.myapp",
      "--open-id-connect-provider-arns",
      OIDC1,
      OIDC2,
      "--cognito-identity-providers",
      `ProviderName=${UP1},ClientId=client1,ServerSideTokenCheck=true`,
      `ProviderName=${UP2},ClientId=client2`,
      "--saml-provider-arns",
      SAML1,
      SAML2,
      "--identity-pool-tags",
      "Env=prod,Team=data,Cost=42",
    ],
  },
  {
    name: "all ten parameters, reverse flag order",
    args: [
      "--identity-pool-tags",
      "Env=prod",
      "--saml-provider-arns",
      SAML1,
      "--cognito-identity-providers",
      `ProviderName=${UP1},ClientId=client1`,
      "--open-id-connect-provider-arns",
      OIDC1,
      "--developer-provider-name",
      "dev.example",
      "--supported-login-providers",
      "graph.facebook.com=123",
      "--no-allow-classic-flow",
      "--no-allow-unauthenticated-identities",
      "--identity-pool-name",
      "Reversed",
      ...ID,
    ],
  },
  { name: "--cli-input-json, full document", args: ["--cli-input-json", J4(FULL_DOC)] },
  {
    name: "--cli-input-json, required members only",
    args: ["--cli-input-json", J({ IdentityPoolId: POOL_ID, IdentityPoolName: "OnlyJson", AllowUnauthenticatedIdentities: false })],
  },
  {
    name: "--cli-input-json, keys in reverse order",
    args: [
      "--cli-input-json",
      J({ IdentityPoolTags: { a: "1" }, AllowUnauthenticatedIdentities: true, IdentityPoolName: "Rev", IdentityPoolId: POOL_ID }),
    ],
  },
  {
    name: "--cli-input-json plus --identity-pool-id override",
    args: ["--cli-input-json", J(FULL_DOC), "--identity-pool-id", "eu-west-1:99999999-8888-7777-6666-555555555555"],
  },
  {
    name: "--cli-input-json plus --identity-pool-name override",
    args: ["--cli-input-json", J(FULL_DOC), "--identity-pool-name", "FromFlag"],
  },
  {
    name: "--cli-input-json plus explicit map replaces map (tags)",
    args: ["--cli-input-json", J(FULL_DOC), "--identity-pool-tags", "Only=flag"],
  },
  {
    name: "--cli-input-json plus explicit list replaces list (Cognito providers)",
    args: ["--cli-input-json", J(FULL_DOC), "--cognito-identity-providers", "ProviderName=flag.provider,ClientId=flagclient"],
  },
  {
    name: "--cli-input-json plus --no-allow-unauthenticated-identities --no-allow-classic-flow",
    args: ["--cli-input-json", J(FULL_DOC), "--no-allow-unauthenticated-identities", "--no-allow-classic-flow"],
  },
  {
    name: "--cli-input-json supplies id, flags supply name and allow",
    args: ["--cli-input-json", J({ IdentityPoolId: POOL_ID }), ...NAME, ...ALLOW],
  },
  {
    name: "--cli-input-json supplies name and allow, flag supplies id",
    args: ["--cli-input-json", J({ IdentityPoolName: "J", AllowUnauthenticatedIdentities: true }), ...ID],
  },
  {
    name: "--cli-input-json given after explicit flags",
    args: [
      ...ID,
      "--identity-pool-name",
      "FlagFirst",
      "--cli-input-json",
      J({ IdentityPoolName: "J", AllowUnauthenticatedIdentities: true }),
    ],
  },
  {
    name: "unicode name and JSON tags with non-BMP emoji",
    args: [...ID, "--identity-pool-name", "Pool café 日本", ...ALLOW, "--identity-pool-tags", J({ ключ: "значение", emoji: "🙂" })],
  },
  { name: "--region eu-west-1", args: [...BASE, "--region", "eu-west-1"] },
  { name: "--output text", args: [...BASE, "--output", "text"] },
  { name: "--output table --color off", args: [...BASE, "--output", "table", "--color", "off"] },
  { name: "--query IdentityPoolName --output text", args: [...BASE, "--query", "IdentityPoolName", "--output", "text"] },
  { name: "--no-paginate", args: [...BASE, "--no-paginate"] },
  { name: "--no-sign-request", args: [...BASE, "--no-sign-request"] },
  { name: "id breaking the pattern", args: ["--identity-pool-id", "not a pool id", ...NAME, ...ALLOW], note: SEND_NOTE },
  { name: "id over 55 characters", args: ["--identity-pool-id", `us-east-1:${"a".repeat(46)}`, ...NAME, ...ALLOW], note: SEND_NOTE },
  { name: "name over 128 characters", args: [...ID, "--identity-pool-name", "n".repeat(129), ...ALLOW], note: SEND_NOTE },
  { name: "name breaking the pattern", args: [...ID, "--identity-pool-name", "bad/name!#", ...ALLOW], note: SEND_NOTE },
  { name: "developer provider name breaking the pattern", args: [...BASE, "--developer-provider-name", "bad name!"], note: SEND_NOTE },
  {
    name: "11 supported login providers",
    args: [...BASE, "--supported-login-providers", Array.from({ length: 11 }, (_, i) => `p${i}.example.com=id${i}`).join(",")],
    note: SEND_NOTE,
  },
  { name: "tag key aws:x", args: [...BASE, "--identity-pool-tags", "aws:x=v"], note: SEND_NOTE },
  { name: "tag value over 256 characters", args: [...BASE, "--identity-pool-tags", `k=${"v".repeat(257)}`], note: SEND_NOTE },
  {
    name: "Cognito provider name and client id breaking patterns",
    args: [...BASE, "--cognito-identity-providers", "ProviderName=bad name!,ClientId=bad-client"],
    note: SEND_NOTE,
  },
];

const REFUSED = [
  { name: "no arguments at all", args: [] },
  { name: "missing --identity-pool-id", args: [...NAME, ...ALLOW] },
  { name: "missing --identity-pool-name", args: [...ID, ...ALLOW] },
  { name: "missing both allow flags", args: [...ID, ...NAME] },
  { name: "only --identity-pool-id", args: [...ID] },
  { name: "empty --identity-pool-id (min length)", args: ["--identity-pool-id", "", ...NAME, ...ALLOW] },
  { name: "empty --identity-pool-name (min length)", args: [...ID, "--identity-pool-name", "", ...ALLOW] },
  { name: "unknown parameter --foo bar", args: [...BASE, "--foo", "bar"] },
  { name: "ambiguous abbreviation --identity-pool", args: ["--identity-pool", POOL_ID, ...NAME, ...ALLOW] },
  { name: "ambiguous abbreviation --allow", args: [...ID, ...NAME, "--allow"] },
  { name: "extra positional argument", args: [...BASE, "extra"] },
  { name: "boolean flag given a value", args: [...ID, ...NAME, "--allow-unauthenticated-identities", "true"] },
  { name: "tags shorthand without '='", args: [...BASE, "--identity-pool-tags", "a"] },
  { name: "tags as two argv items", args: [...BASE, "--identity-pool-tags", "a=1", "b=2"] },
  { name: "Cognito providers shorthand, unknown key Bogus", args: [...BASE, "--cognito-identity-providers", "ProviderName=x,Bogus=y"] },
  {
    name: "Cognito providers shorthand, ServerSideTokenCheck=maybe",
    args: [...BASE, "--cognito-identity-providers", "ProviderName=x,ClientId=y,ServerSideTokenCheck=maybe"],
  },
  { name: "login providers, invalid JSON map", args: [...BASE, "--supported-login-providers", '{"a":'] },
  { name: "login providers, empty value (min length)", args: [...BASE, "--supported-login-providers", "graph.facebook.com="] },
  { name: "OIDC ARN shorter than 20 characters", args: [...BASE, "--open-id-connect-provider-arns", "arn:aws:iam::short"] },
  { name: "empty --developer-provider-name (min length)", args: [...BASE, "--developer-provider-name", ""] },
  { name: "--cli-input-json invalid JSON", args: ["--cli-input-json", '{"IdentityPoolId": "x",'] },
  { name: "--cli-input-json unknown top-level key", args: ["--cli-input-json", J({ ...FULL_DOC, Bogus: 1 })] },
  {
    name: "--cli-input-json missing IdentityPoolId",
    args: ["--cli-input-json", J({ IdentityPoolName: "x", AllowUnauthenticatedIdentities: true })],
  },
  {
    name: '--cli-input-json AllowUnauthenticatedIdentities "yes"',
    args: ["--cli-input-json", J({ IdentityPoolId: POOL_ID, IdentityPoolName: "x", AllowUnauthenticatedIdentities: "yes" })],
  },
  { name: "--cli-input-json the unedited input skeleton", args: ["--cli-input-json", "@SKELETON@"] },
  { name: "--output bogus", args: [...BASE, "--output", "bogus"] },
  { name: "--identity-pool-id without value at the end", args: [...NAME, ...ALLOW, "--identity-pool-id"], endpointFirst: true },
];

// Printing an IdentityPool is recorded in full for describe-identity-pool; these check that
// update prints the same way (but for the table title).
const UPDATE_OUTPUTS = ["reference page example output", "every member filled", "empty lists and maps"];

const SKELETONS = [
  { name: "input", args: ["--generate-cli-skeleton", "input"] },
  { name: "no value", args: ["--generate-cli-skeleton"] },
  { name: "input, with other parameters given", args: ["--generate-cli-skeleton", "input", ...BASE] },
  { name: "output, nothing else", args: ["--generate-cli-skeleton", "output"] },
  { name: "output, with the required parameters", args: ["--generate-cli-skeleton", "output", ...BASE] },
  { name: "bogus value", args: ["--generate-cli-skeleton", "bogus"] },
];

export default {
  command: "update-identity-pool",
  operation: "UpdateIdentityPool",
  dir: "update-identity-pool",
  respond: echo,
  respondDescription: "the request body back, unchanged (the pool as sent)",
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: SKELETONS,
  outputs: {
    requestArgs: [...BASE],
    responses: POOL_RESPONSES.filter((r) => UPDATE_OUTPUTS.includes(r.name)),
    queries: POOL_QUERIES.slice(0, 3),
    queryFormats: ["json", "text"],
  },
};
