// Cases for `aws cognito-identity lookup-developer-identity` (test/fixtures/cli/lookup-developer-identity/).
// Not paginated in botocore: --max-results and --next-token are sent as given.

import { DEV_USER, DEV_USER_2, IDENTITY_ID, IDENTITY_ID_2, J, OTHER_POOL_ID, POOL_ID, SEND_NOTE } from "./common.mjs";
import { globalAccepted, globalRefused, requiredStringRefused, skeletons, stringAccepted } from "./identity-cases.mjs";

const ID = ["--identity-pool-id", POOL_ID];
const USER = ["--developer-user-identifier", DEV_USER];
const BASE = [...ID, ...USER];
const FULL_DOC = { IdentityPoolId: POOL_ID, IdentityId: IDENTITY_ID, DeveloperUserIdentifier: DEV_USER, MaxResults: 10, NextToken: "abc" };

const ACCEPTED = [
  { name: "--identity-pool-id --developer-user-identifier", args: [...BASE] },
  { name: "--identity-pool-id --identity-id", args: [...ID, "--identity-id", IDENTITY_ID] },
  { name: "--identity-pool-id only (the only required parameter)", args: [...ID] },
  ...stringAccepted(USER, "--identity-pool-id", POOL_ID, { max: 55, pattern: true, other: OTHER_POOL_ID }),
  ...stringAccepted(ID, "--developer-user-identifier", DEV_USER, { max: 1024, other: DEV_USER_2 }),
  ...stringAccepted(ID, "--identity-id", IDENTITY_ID, { max: 55, pattern: true, other: IDENTITY_ID_2 }).slice(2),
  {
    name: "developer user identifier with spaces and unicode (no pattern)",
    args: [...ID, "--developer-user-identifier", "Zoë O'Brien 日本"],
  },
  { name: "every parameter", args: [...BASE, "--identity-id", IDENTITY_ID, "--max-results", "10", "--next-token", "abc"] },
  { name: "--max-results 60 (the maximum)", args: [...BASE, "--max-results", "60"] },
  { name: "--max-results 61", args: [...BASE, "--max-results", "61"], note: SEND_NOTE },
  { name: "--next-token with a space (breaks the pattern)", args: [...BASE, "--next-token", "a b"], note: SEND_NOTE },
  { name: "--cli-input-json, every member", args: ["--cli-input-json", J(FULL_DOC)] },
  {
    name: "--cli-input-json plus --developer-user-identifier override",
    args: ["--cli-input-json", J(FULL_DOC), "--developer-user-identifier", DEV_USER_2],
  },
  ...globalAccepted(BASE, { query: "DeveloperUserIdentifierList" }),
];

const REFUSED = [
  ...globalRefused(BASE, FULL_DOC),
  ...requiredStringRefused(BASE, "--identity-pool-id", POOL_ID),
  { name: "empty --developer-user-identifier (min length 1)", args: [...ID, "--developer-user-identifier", ""] },
  { name: "empty --identity-id (min length 1)", args: [...ID, "--identity-id", ""] },
  { name: "--max-results 0 (min 1)", args: [...BASE, "--max-results", "0"] },
  { name: "--max-results abc", args: [...BASE, "--max-results", "abc"] },
  { name: "--next-token empty (min length 1)", args: [...BASE, "--next-token", ""] },
  { name: "--max-items 3 (not a paginated operation)", args: [...BASE, "--max-items", "3"] },
  { name: "--cli-input-json MaxResults as a string", args: ["--cli-input-json", J({ ...FULL_DOC, MaxResults: "10" })] },
];

const RESPONSES = [
  {
    name: "every member",
    response: { IdentityId: IDENTITY_ID, DeveloperUserIdentifierList: [DEV_USER, DEV_USER_2], NextToken: "next-page" },
  },
  { name: "empty list", response: { IdentityId: IDENTITY_ID, DeveloperUserIdentifierList: [] } },
  { name: "only IdentityId", response: { IdentityId: IDENTITY_ID } },
  {
    name: "unicode and long identifiers",
    response: { IdentityId: IDENTITY_ID, DeveloperUserIdentifierList: ["Zoë O'Brien 日本", "tab\there", "u".repeat(1024)] },
  },
  { name: "members the model does not define", response: { IdentityId: IDENTITY_ID, DeveloperUserIdentifierList: [DEV_USER], Extra: 1 } },
  { name: "empty JSON object", response: {} },
];

export default {
  command: "lookup-developer-identity",
  operation: "LookupDeveloperIdentity",
  dir: "lookup-developer-identity",
  respond: () => JSON.stringify({ IdentityId: IDENTITY_ID, DeveloperUserIdentifierList: [DEV_USER] }),
  respondDescription: `\`{"IdentityId": "${IDENTITY_ID}", "DeveloperUserIdentifierList": ["${DEV_USER}"]}\` (whatever the request asks)`,
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: {
    requestArgs: [...BASE],
    responses: RESPONSES,
    queries: ["DeveloperUserIdentifierList", "DeveloperUserIdentifierList[0]", "NextToken"],
    queryFormats: ["json", "text"],
  },
};
