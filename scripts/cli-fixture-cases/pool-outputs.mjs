// Canned IdentityPool answers and --query expressions for the commands that answer an
// IdentityPool: describe-identity-pool and update-identity-pool.

import { OIDC1, OIDC2, POOL_ID, SAML1, SAML2, UP1, UP2 } from "./common.mjs";

const REFERENCE_POOL = {
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
};

export const POOL_RESPONSES = [
  { name: "reference page example output", response: REFERENCE_POOL },
  {
    name: "every member filled",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "Everything",
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: false,
      SupportedLoginProviders: { "graph.facebook.com": "123", "accounts.google.com": "abc", "www.amazon.com": "amzn1.application.1" },
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
  { name: "minimal pool", response: { IdentityPoolId: POOL_ID, IdentityPoolName: "Minimal", AllowUnauthenticatedIdentities: true } },
  {
    name: "empty lists and maps",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "Empty",
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: true,
      SupportedLoginProviders: {},
      OpenIdConnectProviderARNs: [],
      CognitoIdentityProviders: [],
      SamlProviderARNs: [],
      IdentityPoolTags: {},
    },
  },
  {
    name: "unicode names, tab and newline in values",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "Pool café 日本",
      AllowUnauthenticatedIdentities: true,
      DeveloperProviderName: "dev\tprovider",
      CognitoIdentityProviders: [{ ProviderName: "prov\there", ClientId: "客户端", ServerSideTokenCheck: true }],
      IdentityPoolTags: { ключ: "значение", tab: "a\tb", newline: "line1\nline2", emoji: "🙂" },
    },
  },
  {
    name: "long values (128-character name, 300-character ARN, 256-character tag value)",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "N".repeat(128),
      AllowUnauthenticatedIdentities: false,
      OpenIdConnectProviderARNs: [`arn:aws:iam::123456789012:oidc-provider/${"o".repeat(260)}`],
      IdentityPoolTags: { long: "v".repeat(256) },
    },
  },
  {
    name: "members the model does not know (ignored?) and a null member",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "Extra",
      AllowUnauthenticatedIdentities: true,
      Unknown: "x",
      DeveloperProviderName: null,
    },
  },
];

export const POOL_QUERIES = [
  "IdentityPoolName",
  "CognitoIdentityProviders[*].ProviderName",
  "{id: IdentityPoolId, name: IdentityPoolName, classic: AllowClassicFlow}",
  "SupportedLoginProviders",
  "IdentityPoolTags",
  "keys(@)",
];
