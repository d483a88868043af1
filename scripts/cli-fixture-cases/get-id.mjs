// Cases for `aws cognito-identity get-id` (test/fixtures/cli/get-id/).
// GetId is `authtype: none` in botocore's model: the CLI sends it unsigned, with or without
// credentials and whatever --region says (a region is still required).

import { IDENTITY_ID, J, LOGIN_TOKEN_1, LOGIN_TOKEN_2, OTHER_POOL_ID, POOL_ID, SEND_NOTE } from "./common.mjs";
import {
  globalAccepted,
  globalRefused,
  loginsAccepted,
  loginsRefused,
  requiredStringRefused,
  skeletons,
  stringAccepted,
} from "./identity-cases.mjs";

const ID = ["--identity-pool-id", POOL_ID];
const BASE = [...ID];
const FULL_DOC = { AccountId: "123456789012", IdentityPoolId: POOL_ID, Logins: { "graph.facebook.com": LOGIN_TOKEN_1 } };

const ACCEPTED = [
  { name: "--identity-pool-id only (an unauthenticated identity)", args: [...BASE] },
  ...stringAccepted([], "--identity-pool-id", POOL_ID, { max: 55, pattern: true, other: OTHER_POOL_ID }),
  { name: "pool in another region (the id's prefix does not change the endpoint)", args: ["--identity-pool-id", OTHER_POOL_ID] },
  { name: "--account-id 123456789012", args: [...BASE, "--account-id", "123456789012"] },
  { name: "--account-id=VALUE form", args: [...BASE, "--account-id=123456789012"] },
  { name: "--account-id with letters (breaks the pattern \\d+)", args: [...BASE, "--account-id", "abc"], note: SEND_NOTE },
  { name: "--account-id of 16 digits (max 15)", args: [...BASE, "--account-id", "1".repeat(16)], note: SEND_NOTE },
  ...loginsAccepted(BASE),
  {
    name: "every parameter",
    args: ["--account-id", "123456789012", ...ID, "--logins", `graph.facebook.com=${LOGIN_TOKEN_1}`],
  },
  { name: "--cli-input-json, every member", args: ["--cli-input-json", J(FULL_DOC)] },
  {
    name: "--cli-input-json plus --logins replaces Logins",
    args: ["--cli-input-json", J(FULL_DOC), "--logins", `accounts.google.com=${LOGIN_TOKEN_2}`],
  },
  {
    name: "--cli-input-json plus --identity-pool-id override",
    args: ["--cli-input-json", J(FULL_DOC), "--identity-pool-id", OTHER_POOL_ID],
  },
  ...globalAccepted(BASE, { query: "IdentityId", unsigned: true }),
];

const REFUSED = [
  ...globalRefused(BASE, FULL_DOC, { unsigned: true }),
  ...requiredStringRefused(BASE, "--identity-pool-id", POOL_ID),
  { name: "only --logins (missing --identity-pool-id)", args: ["--logins", `graph.facebook.com=${LOGIN_TOKEN_1}`] },
  { name: "only --account-id (missing --identity-pool-id)", args: ["--account-id", "123456789012"] },
  { name: "empty --account-id (min length 1)", args: [...BASE, "--account-id", ""] },
  { name: "--identity-id (not a parameter of this command)", args: [...BASE, "--identity-id", IDENTITY_ID] },
  ...loginsRefused(BASE),
  { name: "--cli-input-json Logins as a string", args: ["--cli-input-json", J({ IdentityPoolId: POOL_ID, Logins: LOGIN_TOKEN_1 })] },
  { name: "--cli-input-json AccountId as a number", args: ["--cli-input-json", J({ IdentityPoolId: POOL_ID, AccountId: 123456789012 })] },
];

const RESPONSES = [
  { name: "IdentityId", response: { IdentityId: IDENTITY_ID } },
  { name: "IdentityId in another region", response: { IdentityId: "eu-west-1:fedcba98-7654-3210-fedc-ba9876543210" } },
  { name: "members the model does not define", response: { IdentityId: IDENTITY_ID, Token: "x", Unknown: [1, 2] } },
  { name: "IdentityId null", response: { IdentityId: null } },
  { name: "empty JSON object", response: {} },
];

export default {
  command: "get-id",
  operation: "GetId",
  dir: "get-id",
  respond: () => JSON.stringify({ IdentityId: IDENTITY_ID }),
  respondDescription: `\`{"IdentityId": "${IDENTITY_ID}"}\` (IDENTITY_ID in common.mjs)`,
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: { requestArgs: [...BASE], responses: RESPONSES, queries: ["IdentityId", "@"], queryFormats: ["json", "text"] },
};
