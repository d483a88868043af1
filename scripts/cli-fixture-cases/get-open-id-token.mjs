// Cases for `aws cognito-identity get-open-id-token` (test/fixtures/cli/get-open-id-token/).
// GetOpenIdToken is `authtype: none` in botocore's model: the CLI sends it unsigned. Its Token is
// a secret: every one here is a fake JWT-shaped constant of common.mjs (or not a JWT at all).

import {
  FIXTURE_TOKEN,
  FIXTURE_TOKEN_AUTH,
  FIXTURE_TOKEN_NOT_JWT,
  IDENTITY_ID,
  IDENTITY_ID_2,
  isObject,
  J,
  LOGIN_TOKEN_1,
  LOGIN_TOKEN_2,
  POOL_ID,
  withheldTwins,
} from "./common.mjs";
import {
  globalAccepted,
  globalRefused,
  loginsAccepted,
  loginsRefused,
  requiredStringRefused,
  skeletons,
  stringAccepted,
} from "./identity-cases.mjs";

const BASE = ["--identity-id", IDENTITY_ID];
const FULL_DOC = { IdentityId: IDENTITY_ID, Logins: { "graph.facebook.com": LOGIN_TOKEN_1 } };

const ACCEPTED = [
  { name: "--identity-id only (an unauthenticated identity)", args: [...BASE] },
  ...stringAccepted([], "--identity-id", IDENTITY_ID, { max: 55, pattern: true, other: IDENTITY_ID_2 }),
  ...loginsAccepted(BASE),
  { name: "--cli-input-json, every member", args: ["--cli-input-json", J(FULL_DOC)] },
  {
    name: "--cli-input-json plus --logins replaces Logins",
    args: ["--cli-input-json", J(FULL_DOC), "--logins", `accounts.google.com=${LOGIN_TOKEN_2}`],
  },
  { name: "--cli-input-json plus --identity-id override", args: ["--cli-input-json", J(FULL_DOC), "--identity-id", IDENTITY_ID_2] },
  ...globalAccepted(BASE, { query: "Token", unsigned: true }),
];

const REFUSED = [
  ...globalRefused(BASE, FULL_DOC, { unsigned: true }),
  ...requiredStringRefused(BASE, "--identity-id", IDENTITY_ID),
  { name: "only --logins (missing --identity-id)", args: ["--logins", `graph.facebook.com=${LOGIN_TOKEN_1}`] },
  { name: "--identity-pool-id (not a parameter of this command)", args: [...BASE, "--identity-pool-id", POOL_ID] },
  { name: "--token-duration (not a parameter of this command)", args: [...BASE, "--token-duration", "3600"] },
  ...loginsRefused(BASE),
];

const RESPONSES = [
  { name: "unauthenticated identity's token (FIXTURE_TOKEN)", response: { IdentityId: IDENTITY_ID, Token: FIXTURE_TOKEN } },
  { name: "authenticated identity's token (FIXTURE_TOKEN_AUTH)", response: { IdentityId: IDENTITY_ID, Token: FIXTURE_TOKEN_AUTH } },
  { name: "a Token that is not a JWT", response: { IdentityId: IDENTITY_ID, Token: FIXTURE_TOKEN_NOT_JWT } },
  { name: "empty Token", response: { IdentityId: IDENTITY_ID, Token: "" } },
  { name: "only Token", response: { Token: FIXTURE_TOKEN } },
  { name: "only IdentityId", response: { IdentityId: IDENTITY_ID } },
  { name: "members the model does not define", response: { IdentityId: IDENTITY_ID, Token: FIXTURE_TOKEN, Credentials: { a: 1 } } },
  { name: "empty JSON object", response: {} },
];

export default {
  command: "get-open-id-token",
  operation: "GetOpenIdToken",
  dir: "get-open-id-token",
  respond: (body) => JSON.stringify({ IdentityId: isObject(body) ? body.IdentityId : IDENTITY_ID, Token: FIXTURE_TOKEN }),
  respondDescription: `\`{"IdentityId": <the request's IdentityId>, "Token": "${FIXTURE_TOKEN}"}\` (FIXTURE_TOKEN in common.mjs)`,
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
