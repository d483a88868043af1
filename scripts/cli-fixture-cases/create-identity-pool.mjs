// Cases for `aws cognito-identity create-identity-pool` (fixtures directly under test/fixtures/cli/).
// Used by scripts/record-cli-fixtures.mjs; see there for what each list means.

import { J, J4, OIDC1, OIDC2, POOL_ID, SAML1, SAML2, SEND_NOTE, UP1, UP2, echoWithPoolId } from "./common.mjs";

const NAME = ["--identity-pool-name", "MyPool"];
const ALLOW = ["--allow-unauthenticated-identities"];
const BASE = [...NAME, ...ALLOW];

// A full --cli-input-json document (the skeleton's keys, in its order, with values).
const FULL_DOC = {
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

const elevenProviders = Array.from({ length: 11 }, (_, i) => `p${i}.example.com=id${i}`).join(",");
const fiftyOneTags = Array.from({ length: 51 }, (_, i) => `k${String(i).padStart(2, "0")}=v`).join(",");

/** Command lines the CLI is expected to send. (Checked: a refusal here fails the run.) */
const ACCEPTED = [
  {
    name: "reference page example (shell-split)",
    args: [
      "--identity-pool-name",
      "MyIdentityPool",
      "--no-allow-unauthenticated-identities",
      "--cognito-identity-providers",
      "ProviderName=cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa,ClientId=3n4b5urk1ft4fl3mg5e62d9ado,ServerSideTokenCheck=false",
    ],
  },
  { name: "required only, allow", args: [...BASE] },
  { name: "required only, no-allow", args: [...NAME, "--no-allow-unauthenticated-identities"] },
  { name: "allow flag before name", args: [...ALLOW, ...NAME] },
  { name: "--identity-pool-name=Foo form", args: ["--identity-pool-name=Foo", ...ALLOW] },
  { name: "abbreviated option --identity-pool-nam (argparse prefix match)", args: ["--identity-pool-nam", "Abbrev", ...ALLOW] },
  {
    name: "--identity-pool-name given twice (last wins?)",
    args: ["--identity-pool-name", "First", "--identity-pool-name", "Second", ...ALLOW],
  },
  {
    name: "allow then no-allow unauthenticated",
    args: [...NAME, "--allow-unauthenticated-identities", "--no-allow-unauthenticated-identities"],
  },
  {
    name: "no-allow then allow unauthenticated",
    args: [...NAME, "--no-allow-unauthenticated-identities", "--allow-unauthenticated-identities"],
  },
  { name: "--allow-classic-flow", args: [...BASE, "--allow-classic-flow"] },
  { name: "--no-allow-classic-flow", args: [...BASE, "--no-allow-classic-flow"] },
  { name: "allow then no-allow classic flow", args: [...BASE, "--allow-classic-flow", "--no-allow-classic-flow"] },
  { name: "no-allow then allow classic flow", args: [...BASE, "--no-allow-classic-flow", "--allow-classic-flow"] },
  {
    name: "supported login providers, shorthand",
    args: [...BASE, "--supported-login-providers", "graph.facebook.com=123,accounts.google.com=abc"],
  },
  {
    name: "supported login providers, JSON",
    args: [...BASE, "--supported-login-providers", J({ "graph.facebook.com": "123", "accounts.google.com": "abc" })],
  },
  {
    name: "supported login providers, all five documented keys",
    args: [
      ...BASE,
      "--supported-login-providers",
      "graph.facebook.com=1,accounts.google.com=2,www.amazon.com=3,api.twitter.com=4,www.digits.com=5",
    ],
  },
  { name: "supported login providers, empty JSON map", args: [...BASE, "--supported-login-providers", "{}"] },
  { name: "developer provider name", args: [...BASE, "--developer-provider-name", "login.mycompany.myapp"] },
  { name: "OIDC ARNs, two argv items", args: [...BASE, "--open-id-connect-provider-arns", OIDC1, OIDC2] },
  { name: "OIDC ARNs, one item", args: [...BASE, "--open-id-connect-provider-arns", OIDC1] },
  { name: "OIDC ARNs, comma inside one item stays one item", args: [...BASE, "--open-id-connect-provider-arns", `${OIDC1},${OIDC2}`] },
  { name: "OIDC ARNs, JSON list", args: [...BASE, "--open-id-connect-provider-arns", J([OIDC1, OIDC2])] },
  { name: "OIDC ARNs, empty JSON list", args: [...BASE, "--open-id-connect-provider-arns", "[]"] },
  {
    name: "OIDC ARNs, flag given twice (last wins?)",
    args: [...BASE, "--open-id-connect-provider-arns", OIDC1, "--open-id-connect-provider-arns", OIDC2],
  },
  { name: "OIDC ARNs, flag without any value at the end", args: [...BASE, "--open-id-connect-provider-arns"], endpointFirst: true },
  { name: "OIDC ARNs, flag without value followed by another flag", args: [...NAME, "--open-id-connect-provider-arns", ...ALLOW] },
  { name: "SAML ARNs, two argv items", args: [...BASE, "--saml-provider-arns", SAML1, SAML2] },
  { name: "SAML ARNs, JSON list", args: [...BASE, "--saml-provider-arns", J([SAML1, SAML2])] },
  {
    name: "Cognito providers, one shorthand structure",
    args: [...BASE, "--cognito-identity-providers", `ProviderName=${UP1},ClientId=client1`],
  },
  {
    name: "Cognito providers, two structures as separate argv items",
    args: [
      ...BASE,
      "--cognito-identity-providers",
      `ProviderName=${UP1},ClientId=client1,ServerSideTokenCheck=true`,
      `ProviderName=${UP2},ClientId=client2,ServerSideTokenCheck=false`,
    ],
  },
  {
    name: "Cognito providers, ServerSideTokenCheck=true",
    args: [...BASE, "--cognito-identity-providers", `ProviderName=${UP1},ClientId=c,ServerSideTokenCheck=true`],
  },
  {
    name: "Cognito providers, ServerSideTokenCheck=false",
    args: [...BASE, "--cognito-identity-providers", `ProviderName=${UP1},ClientId=c,ServerSideTokenCheck=false`],
  },
  {
    name: "Cognito providers, ServerSideTokenCheck=True",
    args: [...BASE, "--cognito-identity-providers", `ProviderName=${UP1},ClientId=c,ServerSideTokenCheck=True`],
  },
  {
    name: "Cognito providers, ServerSideTokenCheck=FALSE",
    args: [...BASE, "--cognito-identity-providers", `ProviderName=${UP1},ClientId=c,ServerSideTokenCheck=FALSE`],
  },
  {
    name: "Cognito providers, keys in other order",
    args: [...BASE, "--cognito-identity-providers", `ServerSideTokenCheck=true,ClientId=c,ProviderName=${UP1}`],
  },
  { name: "Cognito providers, only ClientId", args: [...BASE, "--cognito-identity-providers", "ClientId=c"] },
  {
    name: "Cognito providers, double-quoted values",
    args: [...BASE, "--cognito-identity-providers", `ProviderName="${UP1}",ClientId="c"`],
  },
  {
    name: "Cognito providers, JSON list",
    args: [
      ...BASE,
      "--cognito-identity-providers",
      J([
        { ProviderName: UP1, ClientId: "client1", ServerSideTokenCheck: true },
        { ProviderName: UP2, ClientId: "client2" },
      ]),
    ],
  },
  {
    name: "Cognito providers, JSON object instead of list (wrapped in a list)",
    args: [...BASE, "--cognito-identity-providers", J({ ProviderName: "x", ClientId: "y" })],
  },
  { name: "Cognito providers, empty JSON list", args: [...BASE, "--cognito-identity-providers", "[]"] },
  { name: "tags, shorthand", args: [...BASE, "--identity-pool-tags", "Env=prod,Team=data"] },
  { name: "tags, empty value k=", args: [...BASE, "--identity-pool-tags", "k="] },
  { name: "tags, empty value then another", args: [...BASE, "--identity-pool-tags", "k=,j=v"] },
  { name: "tags, value with spaces", args: [...BASE, "--identity-pool-tags", "Team=Data Eng,Owner=Jane Doe"] },
  { name: "tags, double-quoted value with comma", args: [...BASE, "--identity-pool-tags", 'k="a,b"'] },
  { name: "tags, single-quoted value", args: [...BASE, "--identity-pool-tags", "k='x'"] },
  { name: "tags, backslash-escaped comma", args: [...BASE, "--identity-pool-tags", "k=a\\,b"] },
  { name: "tags, backslash-escaped equals in value", args: [...BASE, "--identity-pool-tags", "k=a\\=b"] },
  { name: "tags, equals inside value unescaped", args: [...BASE, "--identity-pool-tags", "k=a=b"] },
  { name: "tags, whitespace around '=' and ','", args: [...BASE, "--identity-pool-tags", "a = 1 , b = 2"] },
  { name: "tags, trailing spaces in value trimmed", args: [...BASE, "--identity-pool-tags", "k=v   "] },
  { name: "tags, key with all allowed punctuation", args: [...BASE, "--identity-pool-tags", "a-b_c.d#e/f:g=v"] },
  { name: "tags, non-ASCII (BMP) value in shorthand", args: [...BASE, "--identity-pool-tags", "k=значение,j=日本"] },
  { name: "tags, JSON", args: [...BASE, "--identity-pool-tags", J({ Env: "prod", "Team Name": "a,b", empty: "" })] },
  { name: "tags, empty JSON map", args: [...BASE, "--identity-pool-tags", "{}"] },
  {
    name: "all nine parameters",
    args: [
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
    name: "all nine parameters, reverse flag order",
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
    ],
  },
  { name: "--cli-input-json, full document", args: ["--cli-input-json", J4(FULL_DOC)] },
  {
    name: "--cli-input-json, required members only",
    args: ["--cli-input-json", J({ IdentityPoolName: "OnlyJson", AllowUnauthenticatedIdentities: false })],
  },
  {
    name: "--cli-input-json, keys in reverse order",
    args: ["--cli-input-json", J({ IdentityPoolTags: { a: "1" }, AllowUnauthenticatedIdentities: true, IdentityPoolName: "Rev" })],
  },
  {
    name: "--cli-input-json with surrounding whitespace",
    args: ["--cli-input-json", `\n\t  ${J({ IdentityPoolName: "Ws", AllowUnauthenticatedIdentities: true })}  \n`],
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
    name: "--cli-input-json plus explicit map replaces map (login providers)",
    args: ["--cli-input-json", J(FULL_DOC), "--supported-login-providers", "www.amazon.com=amz"],
  },
  {
    name: "--cli-input-json plus explicit list replaces list (OIDC)",
    args: ["--cli-input-json", J(FULL_DOC), "--open-id-connect-provider-arns", "arn:aws:iam::999999999999:oidc-provider/flag.example"],
  },
  {
    name: "--cli-input-json plus explicit structure list replaces list",
    args: ["--cli-input-json", J(FULL_DOC), "--cognito-identity-providers", "ProviderName=flag.provider,ClientId=flagclient"],
  },
  {
    name: "--cli-input-json plus --no-allow-unauthenticated-identities",
    args: ["--cli-input-json", J(FULL_DOC), "--no-allow-unauthenticated-identities"],
  },
  { name: "--cli-input-json plus --no-allow-classic-flow", args: ["--cli-input-json", J(FULL_DOC), "--no-allow-classic-flow"] },
  {
    name: "--cli-input-json false overridden by --allow-unauthenticated-identities",
    args: ["--cli-input-json", J({ IdentityPoolName: "J", AllowUnauthenticatedIdentities: false }), ...ALLOW],
  },
  {
    name: "--cli-input-json given after explicit flags",
    args: [
      "--identity-pool-name",
      "FlagFirst",
      "--cli-input-json",
      J({ IdentityPoolName: "J", AllowUnauthenticatedIdentities: true, DeveloperProviderName: "dev" }),
    ],
  },
  { name: "--cli-input-json supplies name, flag supplies allow", args: ["--cli-input-json", J({ IdentityPoolName: "J" }), ...ALLOW] },
  {
    name: "--cli-input-json supplies allow, flag supplies name",
    args: ["--cli-input-json", J({ AllowUnauthenticatedIdentities: true }), ...NAME],
  },
  { name: "--cli-input-json empty object plus required flags", args: ["--cli-input-json", "{}", ...BASE] },
  {
    name: "--cli-input-json with unicode escapes",
    args: ["--cli-input-json", '{"IdentityPoolName": "caf\\u00e9", "AllowUnauthenticatedIdentities": true}'],
  },
  { name: "name with spaces and symbols", args: ["--identity-pool-name", "My Pool +=,.@-_", ...ALLOW] },
  {
    name: "unicode values (JSON tags with non-BMP emoji)",
    args: ["--identity-pool-name", "Pool café 日本", ...ALLOW, "--identity-pool-tags", J({ ключ: "значение", emoji: "🙂" })],
  },
  { name: "value beginning with single dash via = form", args: ["--identity-pool-name=-dash", ...ALLOW] },
  { name: "value with a space then dash as separate argv item", args: ["--identity-pool-name", "- dash", ...ALLOW] },
  { name: "value beginning with -- via = form", args: ["--identity-pool-name=--dashes", ...ALLOW] },
  { name: "--region eu-west-1", args: [...BASE, "--region", "eu-west-1"] },
  { name: "--region before operation args", args: ["--region", "ap-southeast-2", ...BASE] },
  { name: "--output text", args: [...BASE, "--output", "text"] },
  { name: "--output table --color off", args: [...BASE, "--output", "table", "--color", "off"] },
  { name: "--query IdentityPoolId", args: [...BASE, "--query", "IdentityPoolId"] },
  { name: "--query IdentityPoolId --output text", args: [...BASE, "--query", "IdentityPoolId", "--output", "text"] },
  { name: "--no-paginate", args: [...BASE, "--no-paginate"] },
  { name: "--color off", args: [...BASE, "--color", "off"] },
  { name: "--color on", args: [...BASE, "--color", "on"] },
  { name: "--cli-read-timeout 5", args: [...BASE, "--cli-read-timeout", "5"] },
  { name: "--cli-connect-timeout 5", args: [...BASE, "--cli-connect-timeout", "5"] },
  { name: "--debug (stdout only; stderr log not recorded)", args: [...BASE, "--debug"], ignoreStderr: true },
  { name: "--no-sign-request", args: [...BASE, "--no-sign-request"] },
  // Looks bad, but botocore only checks required members, types, unknown keys and min lengths.
  { name: "name over 128 characters", args: ["--identity-pool-name", "n".repeat(129), ...ALLOW], note: SEND_NOTE },
  { name: "name breaking the pattern", args: ["--identity-pool-name", "bad/name!#", ...ALLOW], note: SEND_NOTE },
  { name: "developer provider name breaking the pattern", args: [...BASE, "--developer-provider-name", "bad name!"], note: SEND_NOTE },
  { name: "developer provider name over 128 characters", args: [...BASE, "--developer-provider-name", "d".repeat(129)], note: SEND_NOTE },
  { name: "11 supported login providers", args: [...BASE, "--supported-login-providers", elevenProviders], note: SEND_NOTE },
  {
    name: "login provider id breaking the pattern",
    args: [...BASE, "--supported-login-providers", "graph.facebook.com=bad id!"],
    note: SEND_NOTE,
  },
  { name: "tag key aws:x", args: [...BASE, "--identity-pool-tags", "aws:x=v"], note: SEND_NOTE },
  { name: "51 tags (no limit in the model)", args: [...BASE, "--identity-pool-tags", fiftyOneTags] },
  { name: "tag value over 256 characters", args: [...BASE, "--identity-pool-tags", `k=${"v".repeat(257)}`], note: SEND_NOTE },
  {
    name: "OIDC ARN over 2048 characters",
    args: [...BASE, "--open-id-connect-provider-arns", `arn:aws:iam::123456789012:oidc-provider/${"x".repeat(2048)}`],
    note: SEND_NOTE,
  },
  {
    name: "OIDC ARN that is not an ARN (20+ chars; no pattern in the model)",
    args: [...BASE, "--open-id-connect-provider-arns", "this is not an arn at all"],
  },
  {
    name: "Cognito provider name and client id breaking patterns",
    args: [...BASE, "--cognito-identity-providers", "ProviderName=bad name!,ClientId=bad-client"],
    note: SEND_NOTE,
  },
  { name: "same OIDC ARN twice", args: [...BASE, "--open-id-connect-provider-arns", OIDC1, OIDC1] },
];

/** Command lines the CLI is expected to refuse before sending anything. */
const REFUSED = [
  { name: "missing --identity-pool-name", args: [...ALLOW] },
  { name: "missing both allow flags", args: [...NAME] },
  { name: "no arguments at all", args: [] },
  { name: "unknown parameter --foo bar", args: [...BASE, "--foo", "bar"] },
  { name: "typo'd parameter --identity-pol-name", args: ["--identity-pol-name", "X", ...ALLOW] },
  { name: "typo'd parameter --allow-unauthenticated-identities-x", args: [...NAME, "--allow-unauthenticated-identities-x"] },
  { name: "ambiguous abbreviation --allow", args: [...NAME, "--allow"] },
  { name: "extra positional argument", args: [...BASE, "extra"] },
  { name: "boolean flag given a value", args: [...NAME, "--allow-unauthenticated-identities", "true"] },
  { name: "tags shorthand without '='", args: [...BASE, "--identity-pool-tags", "a"] },
  { name: "tags shorthand with empty key", args: [...BASE, "--identity-pool-tags", "=b"] },
  { name: "tags as two argv items", args: [...BASE, "--identity-pool-tags", "a=1", "b=2"] },
  { name: "tags shorthand, unterminated double quote", args: [...BASE, "--identity-pool-tags", 'k="abc'] },
  { name: "tags shorthand, unterminated single quote", args: [...BASE, "--identity-pool-tags", "k='abc"] },
  { name: "tags shorthand, trailing comma", args: [...BASE, "--identity-pool-tags", "a=1,"] },
  { name: "tags shorthand, quote in the middle of a value", args: [...BASE, "--identity-pool-tags", 'k=a"b'] },
  { name: "tags shorthand, non-BMP emoji in value", args: [...BASE, "--identity-pool-tags", "emoji=🙂"] },
  { name: "tags shorthand, non-ASCII key", args: [...BASE, "--identity-pool-tags", "ключ=v"] },
  { name: "tags shorthand, space inside key", args: [...BASE, "--identity-pool-tags", "Team Name=x"] },
  { name: "tags shorthand, leading space", args: [...BASE, "--identity-pool-tags", " a=1"] },
  {
    name: "login providers shorthand, duplicate key",
    args: [...BASE, "--supported-login-providers", "graph.facebook.com=1,graph.facebook.com=2"],
  },
  {
    name: "OIDC ARNs, JSON-looking but invalid item",
    args: [...BASE, "--open-id-connect-provider-arns", "[arn:aws:iam::123456789012:oidc-provider/x"],
  },
  {
    name: "Cognito providers, two JSON lists as separate argv items",
    args: [...BASE, "--cognito-identity-providers", J([{ ProviderName: "a", ClientId: "b" }]), J([{ ProviderName: "c", ClientId: "d" }])],
  },
  {
    name: "Cognito providers, JSON object then shorthand as separate argv items",
    args: [...BASE, "--cognito-identity-providers", J({ ProviderName: "a", ClientId: "b" }), "ProviderName=c,ClientId=d"],
  },
  { name: "tags, explicit list value in shorthand", args: [...BASE, "--identity-pool-tags", "k=[a,b]"] },
  { name: "tags, comma-separated value list in shorthand", args: [...BASE, "--identity-pool-tags", "k=a,b"] },
  { name: "Cognito providers shorthand, unknown key Bogus", args: [...BASE, "--cognito-identity-providers", "ProviderName=x,Bogus=y"] },
  {
    name: "Cognito providers shorthand, ServerSideTokenCheck=maybe",
    args: [...BASE, "--cognito-identity-providers", "ProviderName=x,ClientId=y,ServerSideTokenCheck=maybe"],
  },
  {
    name: "Cognito providers shorthand, ServerSideTokenCheck=1",
    args: [...BASE, "--cognito-identity-providers", "ProviderName=x,ClientId=y,ServerSideTokenCheck=1"],
  },
  { name: "Cognito providers shorthand, lowercase key providername", args: [...BASE, "--cognito-identity-providers", "providername=x"] },
  { name: "Cognito providers shorthand, missing '='", args: [...BASE, "--cognito-identity-providers", "ProviderName"] },
  {
    name: "Cognito providers, JSON with ServerSideTokenCheck as string",
    args: [...BASE, "--cognito-identity-providers", J([{ ProviderName: "x", ClientId: "y", ServerSideTokenCheck: "true" }])],
  },
  {
    name: "Cognito providers, JSON with unknown key",
    args: [...BASE, "--cognito-identity-providers", J([{ ProviderName: "x", Extra: 1 }])],
  },
  {
    name: "Cognito providers, empty ProviderName (min length)",
    args: [...BASE, "--cognito-identity-providers", "ProviderName=,ClientId=c"],
  },
  { name: "login providers, invalid JSON map", args: [...BASE, "--supported-login-providers", '{"a":'] },
  { name: "login providers, JSON list instead of map", args: [...BASE, "--supported-login-providers", '["a"]'] },
  { name: "login providers, JSON map with number value", args: [...BASE, "--supported-login-providers", '{"graph.facebook.com": 123}'] },
  { name: "login providers, empty value (min length)", args: [...BASE, "--supported-login-providers", "graph.facebook.com="] },
  { name: "tags, JSON list instead of map", args: [...BASE, "--identity-pool-tags", '["a"]'] },
  { name: "tags, empty key via JSON (min length)", args: [...BASE, "--identity-pool-tags", '{"": "v"}'] },
  {
    name: "OIDC ARNs, invalid JSON list",
    args: [...BASE, "--open-id-connect-provider-arns", '["arn:aws:iam::123456789012:oidc-provider/x"'],
  },
  {
    name: "OIDC ARNs, JSON object instead of list (taken as one string item)",
    args: [...BASE, "--open-id-connect-provider-arns", '{"a": "b"}'],
  },
  { name: "OIDC ARN shorter than 20 characters", args: [...BASE, "--open-id-connect-provider-arns", "arn:aws:iam::short"] },
  { name: "SAML ARN shorter than 20 characters", args: [...BASE, "--saml-provider-arns", "short"] },
  { name: "empty --identity-pool-name (min length)", args: ["--identity-pool-name", "", ...ALLOW] },
  { name: "empty --developer-provider-name (min length)", args: [...BASE, "--developer-provider-name", ""] },
  { name: "value beginning with -- as separate argv item", args: ["--identity-pool-name", "--dashes", ...ALLOW] },
  { name: "value beginning with single dash as separate argv item", args: ["--identity-pool-name", "-dash", ...ALLOW] },
  { name: "--cli-input-json invalid JSON", args: ["--cli-input-json", '{"IdentityPoolName": "x",'] },
  { name: "--cli-input-json not an object", args: ["--cli-input-json", '["x"]'] },
  {
    name: "--cli-input-json unknown top-level key",
    args: ["--cli-input-json", J({ IdentityPoolName: "x", AllowUnauthenticatedIdentities: true, Bogus: 1 })],
  },
  {
    name: "--cli-input-json unknown key inside CognitoIdentityProviders",
    args: [
      "--cli-input-json",
      J({ IdentityPoolName: "x", AllowUnauthenticatedIdentities: true, CognitoIdentityProviders: [{ ProviderName: "p", Bogus: "y" }] }),
    ],
  },
  {
    name: '--cli-input-json AllowUnauthenticatedIdentities "yes"',
    args: ["--cli-input-json", J({ IdentityPoolName: "x", AllowUnauthenticatedIdentities: "yes" })],
  },
  {
    name: "--cli-input-json IdentityPoolName as number",
    args: ["--cli-input-json", J({ IdentityPoolName: 5, AllowUnauthenticatedIdentities: true })],
  },
  {
    name: "--cli-input-json DeveloperProviderName null",
    args: ["--cli-input-json", J({ IdentityPoolName: "x", AllowUnauthenticatedIdentities: true, DeveloperProviderName: null })],
  },
  { name: "--cli-input-json the unedited input skeleton", args: ["--cli-input-json", "@SKELETON@"] },
  { name: "--cli-input-json missing AllowUnauthenticatedIdentities", args: ["--cli-input-json", J({ IdentityPoolName: "x" })] },
  { name: "--cli-input-json empty string", args: ["--cli-input-json", ""] },
  { name: "--output bogus", args: [...BASE, "--output", "bogus"] },
  { name: "--color bogus", args: [...BASE, "--color", "bogus"] },
  { name: "--query 'bad['", args: [...BASE, "--query", "bad["] },
  { name: "--cli-read-timeout abc", args: [...BASE, "--cli-read-timeout", "abc"] },
  { name: "--cli-connect-timeout abc", args: [...BASE, "--cli-connect-timeout", "abc"] },
  { name: "--identity-pool-name without value at the end", args: [...ALLOW, "--identity-pool-name"], endpointFirst: true },
  { name: "--identity-pool-tags without value at the end", args: [...BASE, "--identity-pool-tags"], endpointFirst: true },
  { name: "--cli-input-json without value at the end", args: [...BASE, "--cli-input-json"], endpointFirst: true },
];

// ---------------------------------------------------------------------------
// Output rendering

const OUTPUT_RESPONSES = [
  {
    name: "reference page example output",
    response: {
      IdentityPoolId: "us-west-2:11111111-1111-1111-1111-111111111111",
      IdentityPoolName: "MyIdentityPool",
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [
        {
          ProviderName: "cognito-idp.us-west-2.amazonaws.com/us-west-2_111111111",
          ClientId: "3n4b5urk1ft4fl3mg5e62d9ado",
          ServerSideTokenCheck: false,
        },
      ],
    },
  },
  {
    name: "every member filled",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "Everything",
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: false,
      SupportedLoginProviders: { "graph.facebook.com": "123", "accounts.google.com": "abc" },
      DeveloperProviderName: "login.mycompany.myapp",
      OpenIdConnectProviderARNs: [OIDC1, OIDC2],
      CognitoIdentityProviders: [
        { ProviderName: UP1, ClientId: "client1", ServerSideTokenCheck: true },
        { ProviderName: UP2, ClientId: "client2", ServerSideTokenCheck: false },
      ],
      SamlProviderARNs: [SAML1, SAML2],
      IdentityPoolTags: { Env: "prod", Team: "data", Cost: "42" },
    },
  },
  {
    name: "every member filled, response keys in reverse model order",
    response: {
      IdentityPoolTags: { b: "2", a: "1" },
      SamlProviderARNs: [SAML2, SAML1],
      CognitoIdentityProviders: [{ ServerSideTokenCheck: true, ClientId: "client1", ProviderName: UP1 }],
      OpenIdConnectProviderARNs: [OIDC2],
      DeveloperProviderName: "dev",
      SupportedLoginProviders: { "www.amazon.com": "z", "accounts.google.com": "a" },
      AllowClassicFlow: true,
      AllowUnauthenticatedIdentities: false,
      IdentityPoolName: "Reversed",
      IdentityPoolId: POOL_ID,
    },
  },
  {
    name: "minimal pool",
    response: { IdentityPoolId: POOL_ID, IdentityPoolName: "Minimal", AllowUnauthenticatedIdentities: true },
  },
  {
    name: "empty lists and maps",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "Empty",
      AllowUnauthenticatedIdentities: false,
      SupportedLoginProviders: {},
      OpenIdConnectProviderARNs: [],
      CognitoIdentityProviders: [],
      SamlProviderARNs: [],
      IdentityPoolTags: {},
    },
  },
  {
    name: "unicode, tab and newline in values",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "Pool café 日本",
      AllowUnauthenticatedIdentities: true,
      DeveloperProviderName: "dev\tprovider",
      CognitoIdentityProviders: [{ ProviderName: "prov\there", ClientId: "客户端", ServerSideTokenCheck: true }],
      IdentityPoolTags: { ключ: "значение", tab: "a\tb", newline: "line1\nline2", emoji: "🙂" },
    },
  },
];

const QUERIES = [
  "IdentityPoolId",
  "CognitoIdentityProviders[0].ClientId",
  "CognitoIdentityProviders[*].ProviderName",
  "{id: IdentityPoolId, name: IdentityPoolName}",
  "[IdentityPoolId, AllowUnauthenticatedIdentities]",
  "IdentityPoolTags",
  "Missing",
  "length(CognitoIdentityProviders)",
  "AllowUnauthenticatedIdentities",
];
const OUTPUT_REQUEST_ARGS = ["--identity-pool-name", "X", "--allow-unauthenticated-identities"];

const SKELETONS = [
  { name: "input", args: ["--generate-cli-skeleton", "input"] },
  { name: "no value", args: ["--generate-cli-skeleton"] },
  { name: "input, with other parameters given", args: ["--generate-cli-skeleton", "input", ...BASE, "--identity-pool-tags", "a=b"] },
  { name: "output, nothing else", args: ["--generate-cli-skeleton", "output"] },
  { name: "output, with --identity-pool-name", args: ["--generate-cli-skeleton", "output", ...NAME] },
  { name: "output, with --identity-pool-name and allow flag", args: ["--generate-cli-skeleton", "output", ...BASE] },
  { name: "bogus value", args: ["--generate-cli-skeleton", "bogus"] },
];

export default {
  command: "create-identity-pool",
  operation: "CreateIdentityPool",
  dir: ".",
  respond: echoWithPoolId,
  respondDescription: `\`{"IdentityPoolId": "${POOL_ID}", ...request body in request key order}\``,
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: SKELETONS,
  outputs: { requestArgs: OUTPUT_REQUEST_ARGS, responses: OUTPUT_RESPONSES, queries: QUERIES },
};
