// Cases for `aws cognito-identity merge-developer-identities` (test/fixtures/cli/merge-developer-identities/).
// Every parameter is required.

import { DEV_PROVIDER, DEV_USER, DEV_USER_2, IDENTITY_ID, J, OTHER_POOL_ID, POOL_ID, SEND_NOTE } from "./common.mjs";
import { globalAccepted, globalRefused, requiredStringRefused, skeletons, stringAccepted } from "./identity-cases.mjs";

const SRC = ["--source-user-identifier", DEV_USER_2];
const DST = ["--destination-user-identifier", DEV_USER];
const PROV = ["--developer-provider-name", DEV_PROVIDER];
const ID = ["--identity-pool-id", POOL_ID];
const BASE = [...SRC, ...DST, ...PROV, ...ID];
const DOC = {
  SourceUserIdentifier: DEV_USER_2,
  DestinationUserIdentifier: DEV_USER,
  DeveloperProviderName: DEV_PROVIDER,
  IdentityPoolId: POOL_ID,
};

const ACCEPTED = [
  { name: "every parameter (all required)", args: [...BASE] },
  { name: "parameters in another order", args: [...ID, ...PROV, ...DST, ...SRC] },
  { name: "source and destination the same", args: [...SRC, "--destination-user-identifier", DEV_USER_2, ...PROV, ...ID] },
  ...stringAccepted([...DST, ...PROV, ...ID], "--source-user-identifier", DEV_USER_2, { max: 1024, other: DEV_USER }),
  ...stringAccepted([...SRC, ...DST, ...ID], "--developer-provider-name", DEV_PROVIDER, { max: 128, other: "other.provider" }),
  ...stringAccepted([...SRC, ...DST, ...PROV], "--identity-pool-id", POOL_ID, { max: 55, pattern: true, other: OTHER_POOL_ID }).slice(2),
  {
    name: "--developer-provider-name with a space (breaks the pattern [\\w._-]+)",
    args: [...SRC, ...DST, "--developer-provider-name", "my provider", ...ID],
    note: SEND_NOTE,
  },
  {
    name: "--developer-provider-name with a slash (breaks the pattern)",
    args: [...SRC, ...DST, "--developer-provider-name", "login/provider", ...ID],
    note: SEND_NOTE,
  },
  { name: "user identifiers with spaces and unicode (no pattern)", args: ["--source-user-identifier", "Zoë 日本", ...DST, ...PROV, ...ID] },
  { name: "--cli-input-json", args: ["--cli-input-json", J(DOC)] },
  {
    name: "--cli-input-json plus --destination-user-identifier override",
    args: ["--cli-input-json", J(DOC), "--destination-user-identifier", "carol"],
  },
  ...globalAccepted(BASE, { query: "IdentityId" }),
];

const REFUSED = [
  ...globalRefused(BASE, DOC),
  ...requiredStringRefused(BASE, "--source-user-identifier", DEV_USER_2).slice(0, 2),
  ...requiredStringRefused(BASE, "--destination-user-identifier", DEV_USER).slice(0, 2),
  ...requiredStringRefused(BASE, "--developer-provider-name", DEV_PROVIDER).slice(0, 2),
  ...requiredStringRefused(BASE, "--identity-pool-id", POOL_ID),
  { name: "only --identity-pool-id", args: [...ID] },
  { name: "--identity-id (not a parameter of this command)", args: [...BASE, "--identity-id", IDENTITY_ID] },
  { name: "--cli-input-json missing DeveloperProviderName", args: ["--cli-input-json", J({ ...DOC, DeveloperProviderName: undefined })] },
];

export default {
  command: "merge-developer-identities",
  operation: "MergeDeveloperIdentities",
  dir: "merge-developer-identities",
  respond: () => JSON.stringify({ IdentityId: IDENTITY_ID }),
  respondDescription: `\`{"IdentityId": "${IDENTITY_ID}"}\``,
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: {
    requestArgs: [...BASE],
    responses: [
      { name: "IdentityId", response: { IdentityId: IDENTITY_ID } },
      { name: "members the model does not define", response: { IdentityId: IDENTITY_ID, Merged: [DEV_USER_2] } },
      { name: "empty JSON object", response: {} },
    ],
    queries: ["IdentityId", "@"],
    queryFormats: ["json", "text"],
  },
};
