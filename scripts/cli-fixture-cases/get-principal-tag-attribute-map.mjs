// Cases for `aws cognito-identity get-principal-tag-attribute-map`
// (test/fixtures/cli/get-principal-tag-attribute-map/).

import { isObject, J, OIDC1, OTHER_POOL_ID, POOL_ID, SAML1, UP1, UP2 } from "./common.mjs";
import { globalAccepted, globalRefused, requiredStringRefused, skeletons, stringAccepted } from "./identity-cases.mjs";

const ID = ["--identity-pool-id", POOL_ID];
const PROV = ["--identity-provider-name", UP1];
const BASE = [...ID, ...PROV];
const DOC = { IdentityPoolId: POOL_ID, IdentityProviderName: UP1 };
/** The attribute map a pool starts with for a user pool provider (UseDefaults true). */
const DEFAULT_TAGS = { username: "sub", client: "aud" };

const ACCEPTED = [
  { name: "user pool provider", args: [...BASE] },
  { name: "Facebook", args: [...ID, "--identity-provider-name", "graph.facebook.com"] },
  { name: "Google", args: [...ID, "--identity-provider-name", "accounts.google.com"] },
  { name: "OIDC provider ARN", args: [...ID, "--identity-provider-name", OIDC1] },
  { name: "SAML provider ARN", args: [...ID, "--identity-provider-name", SAML1] },
  { name: "parameters in another order", args: [...PROV, ...ID] },
  ...stringAccepted(ID, "--identity-provider-name", UP1, { max: 128, other: UP2 }),
  ...stringAccepted(PROV, "--identity-pool-id", POOL_ID, { max: 55, pattern: true, other: OTHER_POOL_ID }).slice(2),
  { name: "provider name with spaces and unicode (no pattern)", args: [...ID, "--identity-provider-name", "mon fournisseur é"] },
  { name: "--cli-input-json", args: ["--cli-input-json", J(DOC)] },
  { name: "--cli-input-json plus --identity-provider-name override", args: ["--cli-input-json", J(DOC), "--identity-provider-name", UP2] },
  ...globalAccepted(BASE, { query: "PrincipalTags" }),
];

const REFUSED = [
  ...globalRefused(BASE, DOC),
  ...requiredStringRefused(BASE, "--identity-provider-name", UP1),
  ...requiredStringRefused(BASE, "--identity-pool-id", POOL_ID).slice(0, 2),
  { name: "--use-defaults (not a parameter of this command)", args: [...BASE, "--use-defaults"] },
  { name: "--principal-tags (not a parameter of this command)", args: [...BASE, "--principal-tags", "a=b"] },
];

const RESPONSES = [
  {
    name: "defaults for a user pool provider",
    response: { IdentityPoolId: POOL_ID, IdentityProviderName: UP1, UseDefaults: true, PrincipalTags: DEFAULT_TAGS },
  },
  {
    name: "custom map",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityProviderName: "graph.facebook.com",
      UseDefaults: false,
      PrincipalTags: { department: "custom:dept", "cost center": "custom:cost", email: "email" },
    },
  },
  {
    name: "empty PrincipalTags map",
    response: { IdentityPoolId: POOL_ID, IdentityProviderName: UP1, UseDefaults: false, PrincipalTags: {} },
  },
  { name: "only the ids", response: { IdentityPoolId: POOL_ID, IdentityProviderName: UP1 } },
  {
    name: "unicode and long values",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityProviderName: "mon fournisseur é",
      UseDefaults: false,
      PrincipalTags: { ключ: "значение", tab: "a\tb", long: "v".repeat(256) },
    },
  },
  {
    name: "members the model does not define",
    response: { IdentityPoolId: POOL_ID, IdentityProviderName: UP1, UseDefaults: true, PrincipalTags: DEFAULT_TAGS, Extra: "x" },
  },
  { name: "empty JSON object", response: {} },
];

export default {
  command: "get-principal-tag-attribute-map",
  operation: "GetPrincipalTagAttributeMap",
  dir: "get-principal-tag-attribute-map",
  respond: (body) =>
    JSON.stringify({
      IdentityPoolId: isObject(body) ? body.IdentityPoolId : POOL_ID,
      IdentityProviderName: isObject(body) ? body.IdentityProviderName : UP1,
      UseDefaults: true,
      PrincipalTags: DEFAULT_TAGS,
    }),
  respondDescription:
    '`{"IdentityPoolId": <the request\'s IdentityPoolId>, "IdentityProviderName": <the request\'s IdentityProviderName>, ' +
    '"UseDefaults": true, "PrincipalTags": {"username": "sub", "client": "aud"}}`',
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: {
    requestArgs: [...BASE],
    responses: RESPONSES,
    queries: ["PrincipalTags", "UseDefaults", "PrincipalTags.username"],
    queryFormats: ["json", "text"],
  },
};
