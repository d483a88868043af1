// Cases for `aws cognito-identity unlink-identity` (test/fixtures/cli/unlink-identity/).
// UnlinkIdentity is `authtype: none` in botocore's model (the CLI sends it unsigned) and has no
// output shape: the recorder answers an empty body.

import { emptyBody, IDENTITY_ID, IDENTITY_ID_2, J, LOGIN_TOKEN_1, LOGIN_TOKEN_2, SEND_NOTE, UP1 } from "./common.mjs";
import {
  emptyOutputs,
  globalAccepted,
  globalRefused,
  loginsRefused,
  requiredStringRefused,
  skeletons,
  stringAccepted,
} from "./identity-cases.mjs";

const LOGINS = ["--logins", `graph.facebook.com=${LOGIN_TOKEN_1}`];
const REMOVE = ["--logins-to-remove", "graph.facebook.com"];
const BASE = ["--identity-id", IDENTITY_ID, ...LOGINS, ...REMOVE];
const REST = [...LOGINS, ...REMOVE];
/** The same command line with --identity-id last: after --logins-to-remove (a list), extra argv items join the list. */
const ID_LAST = [...REST, "--identity-id", IDENTITY_ID];
const FULL_DOC = { IdentityId: IDENTITY_ID, Logins: { "graph.facebook.com": LOGIN_TOKEN_1 }, LoginsToRemove: ["graph.facebook.com"] };
const elevenLogins = Array.from({ length: 11 }, (_, i) => `p${i}.example.com=${LOGIN_TOKEN_1}`).join(",");

const ACCEPTED = [
  { name: "every parameter (all required)", args: [...BASE] },
  ...stringAccepted(REST, "--identity-id", IDENTITY_ID, { max: 55, pattern: true, other: IDENTITY_ID_2 }),
  { name: "parameters in another order", args: [...REMOVE, ...LOGINS, "--identity-id", IDENTITY_ID] },
  { name: "--logins JSON", args: ["--identity-id", IDENTITY_ID, "--logins", J({ "graph.facebook.com": LOGIN_TOKEN_1 }), ...REMOVE] },
  {
    name: "--logins with two providers, --logins-to-remove one",
    args: ["--identity-id", IDENTITY_ID, "--logins", `graph.facebook.com=${LOGIN_TOKEN_1},${UP1}=${LOGIN_TOKEN_2}`, ...REMOVE],
  },
  {
    name: "--logins-to-remove with two values",
    args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove", "graph.facebook.com", UP1],
  },
  {
    name: "--logins-to-remove JSON list",
    args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove", J(["graph.facebook.com", "accounts.google.com"])],
  },
  {
    name: "--logins-to-remove with a comma inside one value (not split)",
    args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove", "graph.facebook.com,accounts.google.com"],
  },
  {
    name: "--logins-to-remove=VALUE form",
    args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove=graph.facebook.com"],
  },
  {
    name: "--logins-to-remove given twice (last wins?)",
    args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove", "accounts.google.com", ...REMOVE],
  },
  {
    name: "--logins-to-remove names a provider not in --logins",
    args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove", "www.amazon.com"],
  },
  {
    name: "--logins-to-remove, empty JSON list (no min in the model)",
    args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove", "[]"],
  },
  { name: "--logins, empty JSON map (no min in the model)", args: ["--identity-id", IDENTITY_ID, "--logins", "{}", ...REMOVE] },
  {
    name: "--logins, 11 providers (map max 10)",
    args: ["--identity-id", IDENTITY_ID, "--logins", elevenLogins, ...REMOVE],
    note: SEND_NOTE,
  },
  {
    name: "--logins-to-remove, provider name over 128 characters",
    args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove", "p".repeat(129)],
    note: SEND_NOTE,
  },
  { name: "an extra argv item after --logins-to-remove joins the list", args: [...BASE, "extra"] },
  {
    name: "--logins-to-remove without value at the end",
    args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove"],
    endpointFirst: true,
  },
  { name: "--cli-input-json, every member", args: ["--cli-input-json", J(FULL_DOC)] },
  {
    name: "--cli-input-json plus --logins-to-remove replaces LoginsToRemove",
    args: ["--cli-input-json", J(FULL_DOC), "--logins-to-remove", "accounts.google.com"],
  },
  {
    name: "--cli-input-json supplies the maps, flag supplies the id",
    args: ["--cli-input-json", J({ ...FULL_DOC, IdentityId: undefined }), "--identity-id", IDENTITY_ID],
  },
  ...globalAccepted(BASE, { query: "@", unsigned: true }),
];

const REFUSED = [
  ...globalRefused(ID_LAST, FULL_DOC, { unsigned: true }),
  ...requiredStringRefused(ID_LAST, "--identity-id", IDENTITY_ID),
  { name: "missing --logins", args: ["--identity-id", IDENTITY_ID, ...REMOVE] },
  { name: "missing --logins-to-remove", args: ["--identity-id", IDENTITY_ID, ...LOGINS] },
  { name: "only --identity-id", args: ["--identity-id", IDENTITY_ID] },
  { name: "--logins-to-remove, empty value (min length 1)", args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove", ""] },
  { name: "--logins-to-remove, JSON list with a number", args: ["--identity-id", IDENTITY_ID, ...LOGINS, "--logins-to-remove", "[5]"] },
  ...loginsRefused(["--identity-id", IDENTITY_ID, ...REMOVE]),
  {
    name: "--cli-input-json LoginsToRemove as a string",
    args: ["--cli-input-json", J({ ...FULL_DOC, LoginsToRemove: "graph.facebook.com" })],
  },
];

export default {
  command: "unlink-identity",
  operation: "UnlinkIdentity",
  dir: "unlink-identity",
  respond: emptyBody,
  respondDescription: "an empty body (`Content-Length: 0`)",
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: emptyOutputs([...BASE]),
};
