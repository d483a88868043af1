// Cases for `aws cognito-identity list-identities` (test/fixtures/cli/list-identities/).
// ListIdentities is not paginated in botocore (no --starting-token, --page-size, --max-items):
// --max-results is required and --next-token is sent as given. CreationDate and
// LastModifiedDate are botocore timestamps, printed as they came over the wire.

import { IDENTITY_ID, IDENTITY_ID_2, isObject, J, OTHER_POOL_ID, POOL_ID, SEND_NOTE, UP1 } from "./common.mjs";
import {
  globalAccepted,
  globalRefused,
  RAW_TIMESTAMPS,
  requiredStringRefused,
  skeletons,
  stringAccepted,
  TIMESTAMPS,
} from "./identity-cases.mjs";

const ID = ["--identity-pool-id", POOL_ID];
const MR = ["--max-results", "10"];
const BASE = [...ID, ...MR];
const FULL_DOC = { IdentityPoolId: POOL_ID, MaxResults: 10, NextToken: "abc", HideDisabled: true };

const ACCEPTED = [
  { name: "--identity-pool-id --max-results 10", args: [...BASE] },
  ...stringAccepted(MR, "--identity-pool-id", POOL_ID, { max: 55, pattern: true, other: OTHER_POOL_ID }),
  { name: "--max-results before --identity-pool-id", args: [...MR, ...ID] },
  { name: "--max-results 60 (the maximum)", args: [...ID, "--max-results", "60"] },
  { name: "--max-results 1 (the minimum)", args: [...ID, "--max-results", "1"] },
  { name: "--max-results=5 form", args: [...ID, "--max-results=5"] },
  { name: "--max-results with leading zeros", args: [...ID, "--max-results", "007"] },
  { name: "--max-results given twice (last wins?)", args: [...ID, "--max-results", "5", "--max-results", "7"] },
  { name: "--max-results 61", args: [...ID, "--max-results", "61"], note: SEND_NOTE },
  { name: "--next-token", args: [...BASE, "--next-token", "abc"] },
  { name: "--next-token with a space (breaks the pattern)", args: [...BASE, "--next-token", "a b"], note: SEND_NOTE },
  { name: "--hide-disabled", args: [...BASE, "--hide-disabled"] },
  { name: "--no-hide-disabled", args: [...BASE, "--no-hide-disabled"] },
  { name: "--hide-disabled then --no-hide-disabled (last wins?)", args: [...BASE, "--hide-disabled", "--no-hide-disabled"] },
  { name: "--no-hide-disabled then --hide-disabled", args: [...BASE, "--no-hide-disabled", "--hide-disabled"] },
  { name: "every parameter", args: [...BASE, "--next-token", "abc", "--hide-disabled"] },
  { name: "--no-paginate (not a paginated operation)", args: [...BASE, "--no-paginate"] },
  { name: "--cli-input-json, every member", args: ["--cli-input-json", J(FULL_DOC)] },
  { name: "--cli-input-json HideDisabled true plus --no-hide-disabled", args: ["--cli-input-json", J(FULL_DOC), "--no-hide-disabled"] },
  { name: "--cli-input-json plus --max-results override", args: ["--cli-input-json", J(FULL_DOC), "--max-results", "3"] },
  { name: "--cli-input-json supplies MaxResults, flag supplies the pool", args: ["--cli-input-json", J({ MaxResults: 5 }), ...ID] },
  ...globalAccepted(BASE, { query: "Identities[].IdentityId" }),
];

const REFUSED = [
  ...globalRefused(BASE, FULL_DOC),
  ...requiredStringRefused(BASE, "--identity-pool-id", POOL_ID),
  { name: "missing --max-results", args: [...ID] },
  { name: "--max-results 0 (min 1)", args: [...ID, "--max-results", "0"] },
  { name: "--max-results -1", args: [...ID, "--max-results", "-1"] },
  { name: "--max-results abc", args: [...ID, "--max-results", "abc"] },
  { name: "--max-results 2.5", args: [...ID, "--max-results", "2.5"] },
  { name: "--max-results empty", args: [...ID, "--max-results", ""] },
  { name: "--next-token empty (min length 1)", args: [...BASE, "--next-token", ""] },
  { name: "--hide-disabled true (the flag takes no value)", args: [...BASE, "--hide-disabled", "true"] },
  { name: "--hide-disabled=true", args: [...BASE, "--hide-disabled=true"] },
  { name: "--max-items 3 (not a paginated operation)", args: [...BASE, "--max-items", "3"] },
  { name: "--page-size 3 (not a paginated operation)", args: [...BASE, "--page-size", "3"] },
  { name: "--starting-token abc (not a paginated operation)", args: [...BASE, "--starting-token", "abc"] },
  { name: "--cli-input-json MaxResults as a string", args: ["--cli-input-json", J({ ...FULL_DOC, MaxResults: "10" })] },
  { name: "--cli-input-json HideDisabled as a string", args: ["--cli-input-json", J({ ...FULL_DOC, HideDisabled: "true" })] },
];

const identity = (id, created, modified, logins = ["graph.facebook.com"]) => ({
  IdentityId: id,
  Logins: logins,
  CreationDate: created,
  LastModifiedDate: modified,
});

const RESPONSES = [
  {
    name: "two identities and a NextToken",
    response: {
      IdentityPoolId: POOL_ID,
      Identities: [
        identity(IDENTITY_ID, 1700000000, 1700000600, ["graph.facebook.com", UP1]),
        identity(IDENTITY_ID_2, 1477343290.138, 1700000000.123, []),
      ],
      NextToken: "next-page",
    },
  },
  {
    name: "timestamps: one identity per spelling",
    response: {
      IdentityPoolId: POOL_ID,
      Identities: TIMESTAMPS.map(([, value], i) =>
        identity(`us-east-1:${String(i).padStart(8, "0")}-1111-2222-3333-444444444444`, value, value),
      ),
    },
  },
  {
    name: "timestamps: raw spellings on the wire",
    rawBody:
      `{"IdentityPoolId": "${POOL_ID}", "Identities": [` +
      RAW_TIMESTAMPS.map(
        ([, literal], i) => `{"IdentityId": "us-east-1:${i}", "CreationDate": ${literal}, "LastModifiedDate": ${literal}}`,
      ).join(", ") +
      "]}",
  },
  { name: "identity without Logins or dates", response: { IdentityPoolId: POOL_ID, Identities: [{ IdentityId: IDENTITY_ID }] } },
  { name: "empty Identities list", response: { IdentityPoolId: POOL_ID, Identities: [] } },
  {
    name: "members the model does not define",
    response: { IdentityPoolId: POOL_ID, Identities: [{ ...identity(IDENTITY_ID, 1700000000, 1700000000), Disabled: true }], Count: 1 },
  },
  { name: "empty JSON object", response: {} },
];

const QUERIES = ["Identities[].IdentityId", "Identities[].CreationDate", "Identities[].[IdentityId, LastModifiedDate]", "NextToken"];

export default {
  command: "list-identities",
  operation: "ListIdentities",
  dir: "list-identities",
  respond: (body) =>
    JSON.stringify({
      IdentityPoolId: isObject(body) ? body.IdentityPoolId : POOL_ID,
      Identities: [identity(IDENTITY_ID, 1700000000, 1700000000)],
    }),
  respondDescription:
    `\`{"IdentityPoolId": <the request's IdentityPoolId>, "Identities": [{"IdentityId": "${IDENTITY_ID}", ` +
    '"Logins": ["graph.facebook.com"], "CreationDate": 1700000000, "LastModifiedDate": 1700000000}]}` (no NextToken)',
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: { requestArgs: [...BASE], responses: RESPONSES, queries: QUERIES, queryFormats: ["json", "text", "table"] },
};
