// Cases for `aws cognito-identity delete-identities` (test/fixtures/cli/delete-identities/).
// --identity-ids-to-delete is a list (min 1, max 60 in the model) of identity ids.

import { IDENTITY_ID, IDENTITY_ID_2, J, POOL_ID, SEND_NOTE } from "./common.mjs";
import { globalAccepted, globalRefused, skeletons } from "./identity-cases.mjs";

const FLAG = "--identity-ids-to-delete";
const BASE = [FLAG, IDENTITY_ID];
const DOC = { IdentityIdsToDelete: [IDENTITY_ID, IDENTITY_ID_2] };
const ids = (n) => Array.from({ length: n }, (_, i) => `us-east-1:${String(i).padStart(8, "0")}-1111-2222-3333-444444444444`);

const ACCEPTED = [
  { name: "reference page example", args: [FLAG, "us-west-2:11111111-1111-1111-1111-111111111111"] },
  { name: "one id", args: [...BASE] },
  { name: "two ids as two argv items", args: [FLAG, IDENTITY_ID, IDENTITY_ID_2] },
  { name: "two ids as a JSON list", args: [FLAG, J([IDENTITY_ID, IDENTITY_ID_2])] },
  { name: "--identity-ids-to-delete=VALUE form", args: [`${FLAG}=${IDENTITY_ID}`] },
  { name: "--identity-ids-to-delete given twice (last wins?)", args: [FLAG, IDENTITY_ID_2, FLAG, IDENTITY_ID] },
  { name: "the same id twice", args: [FLAG, IDENTITY_ID, IDENTITY_ID] },
  { name: "60 ids (the maximum)", args: [FLAG, ...ids(60)] },
  { name: "61 ids (list max 60)", args: [FLAG, ...ids(61)], note: SEND_NOTE },
  { name: "two ids joined by a comma in one argv item (not split)", args: [FLAG, `${IDENTITY_ID},${IDENTITY_ID_2}`], note: SEND_NOTE },
  { name: "id without the region prefix (breaks the pattern)", args: [FLAG, IDENTITY_ID.split(":")[1]], note: SEND_NOTE },
  { name: "id with spaces (breaks the pattern)", args: [FLAG, "not an id"], note: SEND_NOTE },
  { name: "id over 55 characters", args: [FLAG, `us-east-1:${"a".repeat(46)}`], note: SEND_NOTE },
  { name: "an extra argv item after the ids joins the list", args: [...BASE, "extra"], note: SEND_NOTE },
  { name: "JSON object instead of a list", args: [FLAG, J({ IdentityId: IDENTITY_ID })], note: SEND_NOTE },
  { name: "--cli-input-json", args: ["--cli-input-json", J(DOC)] },
  { name: "--cli-input-json plus --identity-ids-to-delete replaces the list", args: ["--cli-input-json", J(DOC), ...BASE] },
  ...globalAccepted(BASE, { query: "UnprocessedIdentityIds" }),
];

const REFUSED = [
  // After the ids an extra argv item would join the list: these refusals start from --cli-input-json.
  ...globalRefused(["--cli-input-json", J(DOC)], DOC),
  { name: "empty JSON list (list min 1)", args: [FLAG, "[]"] },
  { name: "empty id (min length 1)", args: [FLAG, ""] },
  { name: "--identity-ids-to-delete without value at the end (an empty list; list min 1)", args: [FLAG], endpointFirst: true },
  { name: "JSON list with a number", args: [FLAG, "[5]"] },
  { name: "--identity-pool-id (not a parameter of this command)", args: [...BASE, "--identity-pool-id", POOL_ID] },
  { name: "--cli-input-json IdentityIdsToDelete as a string", args: ["--cli-input-json", J({ IdentityIdsToDelete: IDENTITY_ID })] },
  { name: "--cli-input-json IdentityIdsToDelete empty list", args: ["--cli-input-json", J({ IdentityIdsToDelete: [] })] },
];

const RESPONSES = [
  { name: "reference page example output", response: { UnprocessedIdentityIds: [] } },
  {
    name: "both error codes",
    response: {
      UnprocessedIdentityIds: [
        { IdentityId: IDENTITY_ID, ErrorCode: "AccessDenied" },
        { IdentityId: IDENTITY_ID_2, ErrorCode: "InternalServerError" },
      ],
    },
  },
  { name: "ErrorCode not in the enum", response: { UnprocessedIdentityIds: [{ IdentityId: IDENTITY_ID, ErrorCode: "Throttled" }] } },
  { name: "entry without ErrorCode, empty entry", response: { UnprocessedIdentityIds: [{ IdentityId: IDENTITY_ID }, {}] } },
  { name: "members the model does not define", response: { UnprocessedIdentityIds: [], Deleted: [IDENTITY_ID] } },
  { name: "empty JSON object", response: {} },
];

const QUERIES = [
  "UnprocessedIdentityIds[].IdentityId",
  "UnprocessedIdentityIds[?ErrorCode=='AccessDenied'].IdentityId",
  "length(UnprocessedIdentityIds)",
];

export default {
  command: "delete-identities",
  operation: "DeleteIdentities",
  dir: "delete-identities",
  respond: () => JSON.stringify({ UnprocessedIdentityIds: [] }),
  respondDescription: '`{"UnprocessedIdentityIds": []}`',
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: { requestArgs: [...BASE], responses: RESPONSES, queries: QUERIES, queryFormats: ["json", "text"] },
};
