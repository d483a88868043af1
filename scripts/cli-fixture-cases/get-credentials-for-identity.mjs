// Cases for `aws cognito-identity get-credentials-for-identity`
// (test/fixtures/cli/get-credentials-for-identity/). GetCredentialsForIdentity is
// `authtype: none` in botocore's model: the CLI sends it unsigned. Its answer holds secrets
// (Credentials.SecretKey, SessionToken): every one here is an obviously fake constant of
// common.mjs. Credentials.Expiration is a botocore timestamp, printed as it came over the wire.

import {
  AUTH_ROLE,
  FIXTURE_ACCESS_KEY_ID,
  FIXTURE_EXPIRATION,
  FIXTURE_SECRET_KEY,
  FIXTURE_SESSION_TOKEN,
  IDENTITY_ID,
  IDENTITY_ID_2,
  isObject,
  J,
  LOGIN_TOKEN_1,
  LOGIN_TOKEN_2,
  POOL_ID,
  SEND_NOTE,
  UNAUTH_ROLE,
  withheldTwins,
} from "./common.mjs";
import {
  globalAccepted,
  globalRefused,
  loginsAccepted,
  loginsRefused,
  RAW_TIMESTAMPS,
  requiredStringRefused,
  skeletons,
  stringAccepted,
  TIMESTAMPS,
} from "./identity-cases.mjs";

const BASE = ["--identity-id", IDENTITY_ID];
const FULL_DOC = { IdentityId: IDENTITY_ID, Logins: { "graph.facebook.com": LOGIN_TOKEN_1 }, CustomRoleArn: AUTH_ROLE };

const ACCEPTED = [
  { name: "--identity-id only (an unauthenticated identity)", args: [...BASE] },
  ...stringAccepted([], "--identity-id", IDENTITY_ID, { max: 55, pattern: true, other: IDENTITY_ID_2 }),
  ...loginsAccepted(BASE),
  { name: "--custom-role-arn", args: [...BASE, "--custom-role-arn", AUTH_ROLE] },
  { name: "--custom-role-arn=VALUE form", args: [...BASE, `--custom-role-arn=${UNAUTH_ROLE}`] },
  {
    name: "--custom-role-arn, not an ARN (20+ characters; no pattern in the model)",
    args: [...BASE, "--custom-role-arn", "this is not an arn at all"],
  },
  {
    name: "--custom-role-arn over 2048 characters",
    args: [...BASE, "--custom-role-arn", `arn:aws:iam::123456789012:role/${"r".repeat(2048)}`],
    note: SEND_NOTE,
  },
  {
    name: "every parameter",
    args: [...BASE, "--logins", `graph.facebook.com=${LOGIN_TOKEN_1}`, "--custom-role-arn", AUTH_ROLE],
  },
  { name: "--cli-input-json, every member", args: ["--cli-input-json", J(FULL_DOC)] },
  {
    name: "--cli-input-json plus --logins replaces Logins",
    args: ["--cli-input-json", J(FULL_DOC), "--logins", `accounts.google.com=${LOGIN_TOKEN_2}`],
  },
  { name: "--cli-input-json plus --identity-id override", args: ["--cli-input-json", J(FULL_DOC), "--identity-id", IDENTITY_ID_2] },
  ...globalAccepted(BASE, { query: "Credentials.Expiration", unsigned: true }),
];

const REFUSED = [
  ...globalRefused(BASE, FULL_DOC, { unsigned: true }),
  ...requiredStringRefused(BASE, "--identity-id", IDENTITY_ID),
  { name: "only --logins (missing --identity-id)", args: ["--logins", `graph.facebook.com=${LOGIN_TOKEN_1}`] },
  { name: "--custom-role-arn shorter than 20 characters (min length 20)", args: [...BASE, "--custom-role-arn", "arn:aws:iam::1"] },
  { name: "empty --custom-role-arn", args: [...BASE, "--custom-role-arn", ""] },
  { name: "--identity-pool-id (not a parameter of this command)", args: [...BASE, "--identity-pool-id", POOL_ID] },
  ...loginsRefused(BASE),
  {
    name: "--cli-input-json CustomRoleArn as a list",
    args: ["--cli-input-json", J({ IdentityId: IDENTITY_ID, CustomRoleArn: [AUTH_ROLE] })],
  },
];

const credentials = (expiration) => ({
  AccessKeyId: FIXTURE_ACCESS_KEY_ID,
  SecretKey: FIXTURE_SECRET_KEY,
  SessionToken: FIXTURE_SESSION_TOKEN,
  Expiration: expiration,
});
const rawCredentials = (literal) =>
  `{"IdentityId": "${IDENTITY_ID}", "Credentials": {"AccessKeyId": "${FIXTURE_ACCESS_KEY_ID}", "SecretKey": "${FIXTURE_SECRET_KEY}", ` +
  `"SessionToken": "${FIXTURE_SESSION_TOKEN}", "Expiration": ${literal}}}`;

const RESPONSES = [
  { name: "every member, integral seconds", response: { IdentityId: IDENTITY_ID, Credentials: credentials(FIXTURE_EXPIRATION) } },
  ...TIMESTAMPS.map(([label, value]) => ({
    name: `Expiration: ${label}`,
    response: { IdentityId: IDENTITY_ID, Credentials: credentials(value) },
  })),
  ...RAW_TIMESTAMPS.map(([label, literal]) => ({ name: `Expiration: ${label}`, rawBody: rawCredentials(literal) })),
  {
    name: "Credentials without Expiration",
    response: {
      IdentityId: IDENTITY_ID,
      Credentials: { AccessKeyId: FIXTURE_ACCESS_KEY_ID, SecretKey: FIXTURE_SECRET_KEY, SessionToken: FIXTURE_SESSION_TOKEN },
    },
  },
  { name: "empty Credentials object", response: { IdentityId: IDENTITY_ID, Credentials: {} } },
  { name: "only IdentityId", response: { IdentityId: IDENTITY_ID } },
  {
    name: "members the model does not define (top level and in Credentials)",
    response: { IdentityId: IDENTITY_ID, Credentials: { ...credentials(FIXTURE_EXPIRATION), Unknown: "x" }, Extra: true },
  },
  { name: "empty JSON object", response: {} },
];

const QUERIES = ["Credentials.Expiration", "Credentials.[AccessKeyId, Expiration]", "Credentials.SecretKey", "Credentials"];

export default {
  command: "get-credentials-for-identity",
  operation: "GetCredentialsForIdentity",
  dir: "get-credentials-for-identity",
  respond: (body) =>
    JSON.stringify({ IdentityId: isObject(body) ? body.IdentityId : IDENTITY_ID, Credentials: credentials(FIXTURE_EXPIRATION) }),
  respondDescription:
    `\`{"IdentityId": <the request's IdentityId>, "Credentials": {"AccessKeyId": "${FIXTURE_ACCESS_KEY_ID}", ` +
    `"SecretKey": "${FIXTURE_SECRET_KEY}", "SessionToken": "${FIXTURE_SESSION_TOKEN}", "Expiration": ${FIXTURE_EXPIRATION}}}\` ` +
    "(FIXTURE_ACCESS_KEY_ID, FIXTURE_SECRET_KEY, FIXTURE_SESSION_TOKEN, FIXTURE_EXPIRATION in common.mjs)",
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: {
    requestArgs: [...BASE],
    responses: [...RESPONSES, ...withheldTwins(RESPONSES)],
    queries: QUERIES,
    queryFormats: ["json", "text"],
  },
};
