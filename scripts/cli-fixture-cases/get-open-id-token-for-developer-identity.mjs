// Cases for `aws cognito-identity get-open-id-token-for-developer-identity`
// (test/fixtures/cli/get-open-id-token-for-developer-identity/). A signed operation (unlike
// get-open-id-token). Its Token is a secret: every one here is a fake JWT-shaped constant of
// common.mjs. --token-duration is a `long` (1..86400 in the model).

import {
  DEV_PROVIDER,
  DEV_USER,
  DEV_USER_2,
  FIXTURE_TOKEN,
  FIXTURE_TOKEN_AUTH,
  FIXTURE_TOKEN_NOT_JWT,
  IDENTITY_ID,
  IDENTITY_ID_2,
  isObject,
  J,
  LOGIN_TOKEN_1,
  OTHER_POOL_ID,
  POOL_ID,
  SEND_NOTE,
  withheldTwins,
} from "./common.mjs";
import { globalAccepted, globalRefused, requiredStringRefused, skeletons, stringAccepted } from "./identity-cases.mjs";

const ID = ["--identity-pool-id", POOL_ID];
const LOGINS = ["--logins", `${DEV_PROVIDER}=${DEV_USER}`];
const BASE = [...ID, ...LOGINS];
const FULL_DOC = {
  IdentityPoolId: POOL_ID,
  IdentityId: IDENTITY_ID,
  Logins: { [DEV_PROVIDER]: DEV_USER },
  PrincipalTags: { department: "engineering" },
  TokenDuration: 3600,
};
const TAGS = "--principal-tags";
const TD = "--token-duration";
const fiftyOneTags = Array.from({ length: 51 }, (_, i) => `k${String(i).padStart(2, "0")}=v`).join(",");
const elevenLogins = Array.from({ length: 11 }, (_, i) => `p${i}.example.com=${LOGIN_TOKEN_1}`).join(",");

const ACCEPTED = [
  { name: "--identity-pool-id --logins (developer provider)", args: [...BASE] },
  { name: "with --identity-id (an existing identity)", args: [...BASE, "--identity-id", IDENTITY_ID] },
  ...stringAccepted(LOGINS, "--identity-pool-id", POOL_ID, { max: 55, pattern: true, other: OTHER_POOL_ID }),
  ...stringAccepted(BASE, "--identity-id", IDENTITY_ID, { max: 55, pattern: true, other: IDENTITY_ID_2 }).slice(2, 4),
  { name: "--logins JSON", args: [...ID, "--logins", J({ [DEV_PROVIDER]: DEV_USER })] },
  {
    name: "--logins, developer provider and Facebook",
    args: [...ID, "--logins", `${DEV_PROVIDER}=${DEV_USER},graph.facebook.com=${LOGIN_TOKEN_1}`],
  },
  { name: "--logins=VALUE form", args: [...ID, `--logins=${DEV_PROVIDER}=${DEV_USER_2}`] },
  { name: "--logins, empty JSON map (no min in the model)", args: [...ID, "--logins", "{}"] },
  { name: "--logins, 11 providers (map max 10)", args: [...ID, "--logins", elevenLogins], note: SEND_NOTE },
  { name: "--principal-tags shorthand", args: [...BASE, TAGS, "department=engineering,team=data"] },
  { name: "--principal-tags JSON", args: [...BASE, TAGS, J({ department: "engineering", "cost center": "42" })] },
  { name: "--principal-tags, empty JSON map", args: [...BASE, TAGS, "{}"] },
  { name: "--principal-tags, 51 tags (map max 50)", args: [...BASE, TAGS, fiftyOneTags], note: SEND_NOTE },
  { name: "--principal-tags, value over 256 characters", args: [...BASE, TAGS, `k=${"v".repeat(257)}`], note: SEND_NOTE },
  { name: "--principal-tags, key over 128 characters", args: [...BASE, TAGS, `${"k".repeat(129)}=v`], note: SEND_NOTE },
  { name: "--token-duration 3600", args: [...BASE, TD, "3600"] },
  { name: "--token-duration 1 (the minimum)", args: [...BASE, TD, "1"] },
  { name: "--token-duration 86400 (the maximum)", args: [...BASE, TD, "86400"] },
  { name: "--token-duration=900 form", args: [...BASE, `${TD}=900`] },
  { name: "--token-duration with leading zeros", args: [...BASE, TD, "0900"] },
  { name: "--token-duration 86401", args: [...BASE, TD, "86401"], note: SEND_NOTE },
  { name: "--token-duration 9999999999 (beyond 32 bits)", args: [...BASE, TD, "9999999999"], note: SEND_NOTE },
  {
    name: "every parameter",
    args: [...BASE, "--identity-id", IDENTITY_ID, TAGS, "department=engineering", TD, "3600"],
  },
  { name: "--cli-input-json, every member", args: ["--cli-input-json", J(FULL_DOC)] },
  { name: "--cli-input-json plus --token-duration override", args: ["--cli-input-json", J(FULL_DOC), TD, "60"] },
  { name: "--cli-input-json plus --principal-tags replaces PrincipalTags", args: ["--cli-input-json", J(FULL_DOC), TAGS, "team=data"] },
  ...globalAccepted(BASE, { query: "Token" }),
];

const REFUSED = [
  ...globalRefused(BASE, FULL_DOC),
  ...requiredStringRefused(BASE, "--identity-pool-id", POOL_ID).slice(0, 2),
  { name: "missing --logins", args: [...ID] },
  { name: "empty --identity-id (min length 1)", args: [...BASE, "--identity-id", ""] },
  { name: "--logins, empty value (min length 1)", args: [...ID, "--logins", `${DEV_PROVIDER}=`] },
  { name: "--logins shorthand without '='", args: [...ID, "--logins", DEV_PROVIDER] },
  { name: "--principal-tags, empty value (min length 1)", args: [...BASE, TAGS, "department="] },
  { name: "--principal-tags, empty key via JSON (min length 1)", args: [...BASE, TAGS, J({ "": "v" })] },
  { name: "--principal-tags shorthand without '='", args: [...BASE, TAGS, "department"] },
  { name: "--token-duration 0 (min 1)", args: [...BASE, TD, "0"] },
  { name: "--token-duration -1", args: [...BASE, TD, "-1"] },
  { name: "--token-duration abc", args: [...BASE, TD, "abc"] },
  { name: "--token-duration 1.5", args: [...BASE, TD, "1.5"] },
  { name: "--token-duration empty", args: [...BASE, TD, ""] },
  { name: "--token-duration without value at the end", args: [...BASE, TD], endpointFirst: true },
  { name: "--cli-input-json TokenDuration as a string", args: ["--cli-input-json", J({ ...FULL_DOC, TokenDuration: "3600" })] },
  { name: "--cli-input-json TokenDuration 0", args: ["--cli-input-json", J({ ...FULL_DOC, TokenDuration: 0 })] },
];

const RESPONSES = [
  { name: "authenticated identity's token (FIXTURE_TOKEN_AUTH)", response: { IdentityId: IDENTITY_ID, Token: FIXTURE_TOKEN_AUTH } },
  { name: "unauthenticated-style token (FIXTURE_TOKEN)", response: { IdentityId: IDENTITY_ID, Token: FIXTURE_TOKEN } },
  { name: "a Token that is not a JWT", response: { IdentityId: IDENTITY_ID, Token: FIXTURE_TOKEN_NOT_JWT } },
  { name: "only Token", response: { Token: FIXTURE_TOKEN_AUTH } },
  { name: "members the model does not define", response: { IdentityId: IDENTITY_ID, Token: FIXTURE_TOKEN_AUTH, TokenDuration: 3600 } },
  { name: "empty JSON object", response: {} },
];

export default {
  command: "get-open-id-token-for-developer-identity",
  operation: "GetOpenIdTokenForDeveloperIdentity",
  dir: "get-open-id-token-for-developer-identity",
  respond: (body) => JSON.stringify({ IdentityId: (isObject(body) && body.IdentityId) || IDENTITY_ID, Token: FIXTURE_TOKEN_AUTH }),
  respondDescription:
    `\`{"IdentityId": <the request's IdentityId, or "${IDENTITY_ID}" when it has none>, "Token": "${FIXTURE_TOKEN_AUTH}"}\` ` +
    "(IDENTITY_ID and FIXTURE_TOKEN_AUTH in common.mjs)",
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: {
    requestArgs: [...BASE],
    responses: [...RESPONSES, ...withheldTwins(RESPONSES)],
    queries: ["Token", "{id: IdentityId, token: Token}"],
    queryFormats: ["json", "text"],
  },
};
