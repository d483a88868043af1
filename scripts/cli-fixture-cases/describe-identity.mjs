// Cases for `aws cognito-identity describe-identity` (test/fixtures/cli/describe-identity/).
// CreationDate and LastModifiedDate are botocore timestamps: the outputs show how the CLI v1
// prints each spelling of one (it prints them as they came over the wire).

import { IDENTITY_ID, IDENTITY_ID_2, isObject, J, POOL_ID, UP1 } from "./common.mjs";
import {
  globalAccepted,
  globalRefused,
  RAW_TIMESTAMPS,
  requiredStringRefused,
  skeletons,
  stringAccepted,
  TIMESTAMPS,
} from "./identity-cases.mjs";

const BASE = ["--identity-id", IDENTITY_ID];
const DOC = { IdentityId: IDENTITY_ID };

const ACCEPTED = [
  { name: "--identity-id", args: [...BASE] },
  ...stringAccepted([], "--identity-id", IDENTITY_ID, { max: 55, pattern: true, other: IDENTITY_ID_2 }),
  {
    name: "identity in another region (the id's prefix does not change the endpoint or signing region)",
    args: ["--identity-id", "eu-west-1:fedcba98-7654-3210-fedc-ba9876543210"],
  },
  { name: "abbreviated option --identity (argparse prefix match)", args: ["--identity", IDENTITY_ID] },
  { name: "--cli-input-json", args: ["--cli-input-json", J(DOC)] },
  { name: "--cli-input-json plus --identity-id override", args: ["--cli-input-json", J({ IdentityId: IDENTITY_ID_2 }), ...BASE] },
  ...globalAccepted(BASE, { query: "CreationDate" }),
];

const REFUSED = [
  ...globalRefused(BASE, DOC),
  ...requiredStringRefused(BASE, "--identity-id", IDENTITY_ID),
  { name: "--identity-pool-id (not a parameter of this command)", args: [...BASE, "--identity-pool-id", POOL_ID] },
  { name: "--cli-input-json IdentityId as number", args: ["--cli-input-json", J({ IdentityId: 5 })] },
  { name: "--cli-input-json IdentityId null", args: ["--cli-input-json", J({ IdentityId: null })] },
];

const described = (created, modified) => ({
  IdentityId: IDENTITY_ID,
  Logins: ["graph.facebook.com"],
  CreationDate: created,
  LastModifiedDate: modified,
});

const RESPONSES = [
  {
    name: "every member, integral seconds",
    response: {
      IdentityId: IDENTITY_ID,
      Logins: ["graph.facebook.com", "accounts.google.com", UP1],
      CreationDate: 1700000000,
      LastModifiedDate: 1700000600,
    },
  },
  ...TIMESTAMPS.map(([label, value]) => ({ name: `timestamps: ${label}`, response: described(value, value) })),
  { name: "timestamps: integral CreationDate, fractional LastModifiedDate", response: described(1700000000, 1477343290.138) },
  ...RAW_TIMESTAMPS.map(([label, literal]) => ({
    name: `timestamps: ${label}`,
    rawBody: `{"IdentityId": "${IDENTITY_ID}", "Logins": ["graph.facebook.com"], "CreationDate": ${literal}, "LastModifiedDate": ${literal}}`,
  })),
  { name: "empty Logins list", response: { IdentityId: IDENTITY_ID, Logins: [], CreationDate: 1700000000, LastModifiedDate: 1700000000 } },
  { name: "only IdentityId", response: { IdentityId: IDENTITY_ID } },
  {
    name: "unicode and long provider names",
    response: { IdentityId: IDENTITY_ID, Logins: ["ログイン.example.com", "p".repeat(128)], CreationDate: 1700000000 },
  },
  {
    name: "members the model does not define and a null timestamp",
    response: { IdentityId: IDENTITY_ID, Unknown: "x", CreationDate: 1700000000, LastModifiedDate: null },
  },
  { name: "empty JSON object", response: {} },
];

const QUERIES = [
  "CreationDate",
  "[CreationDate, LastModifiedDate]",
  "Logins",
  "{id: IdentityId, created: CreationDate}",
  "CreationDate > `1600000000`",
  "to_string(CreationDate)",
];

export default {
  command: "describe-identity",
  operation: "DescribeIdentity",
  dir: "describe-identity",
  respond: (body) =>
    JSON.stringify({
      IdentityId: isObject(body) ? body.IdentityId : IDENTITY_ID,
      Logins: ["graph.facebook.com"],
      CreationDate: 1700000000,
      LastModifiedDate: 1700000000,
    }),
  respondDescription:
    '`{"IdentityId": <the request\'s IdentityId>, "Logins": ["graph.facebook.com"], "CreationDate": 1700000000, "LastModifiedDate": 1700000000}`',
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: { requestArgs: [...BASE], responses: RESPONSES, queries: QUERIES, queryFormats: ["json", "text", "table"] },
};
