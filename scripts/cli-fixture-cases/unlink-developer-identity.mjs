// Cases for `aws cognito-identity unlink-developer-identity` (test/fixtures/cli/unlink-developer-identity/).
// Every parameter is required; the operation has no output shape: the recorder answers an empty body.

import {
  DEV_PROVIDER,
  DEV_USER,
  DEV_USER_2,
  emptyBody,
  IDENTITY_ID,
  IDENTITY_ID_2,
  J,
  OTHER_POOL_ID,
  POOL_ID,
  SEND_NOTE,
} from "./common.mjs";
import { emptyOutputs, globalAccepted, globalRefused, requiredStringRefused, skeletons, stringAccepted } from "./identity-cases.mjs";

const IDENT = ["--identity-id", IDENTITY_ID];
const ID = ["--identity-pool-id", POOL_ID];
const PROV = ["--developer-provider-name", DEV_PROVIDER];
const USER = ["--developer-user-identifier", DEV_USER];
const BASE = [...IDENT, ...ID, ...PROV, ...USER];
const DOC = { IdentityId: IDENTITY_ID, IdentityPoolId: POOL_ID, DeveloperProviderName: DEV_PROVIDER, DeveloperUserIdentifier: DEV_USER };

const ACCEPTED = [
  { name: "every parameter (all required)", args: [...BASE] },
  { name: "parameters in another order", args: [...USER, ...PROV, ...ID, ...IDENT] },
  ...stringAccepted([...ID, ...PROV, ...USER], "--identity-id", IDENTITY_ID, { max: 55, pattern: true, other: IDENTITY_ID_2 }),
  ...stringAccepted([...IDENT, ...PROV, ...USER], "--identity-pool-id", POOL_ID, { max: 55, pattern: true, other: OTHER_POOL_ID }).slice(
    2,
    4,
  ),
  ...stringAccepted([...IDENT, ...ID, ...USER], "--developer-provider-name", DEV_PROVIDER, { max: 128, other: "other.provider" }).slice(2),
  ...stringAccepted([...IDENT, ...ID, ...PROV], "--developer-user-identifier", DEV_USER, { max: 1024, other: DEV_USER_2 }).slice(2),
  {
    name: "--developer-provider-name with a space (breaks the pattern [\\w._-]+)",
    args: [...IDENT, ...ID, "--developer-provider-name", "my provider", ...USER],
    note: SEND_NOTE,
  },
  { name: "--cli-input-json", args: ["--cli-input-json", J(DOC)] },
  { name: "--cli-input-json plus --identity-id override", args: ["--cli-input-json", J(DOC), "--identity-id", IDENTITY_ID_2] },
  ...globalAccepted(BASE, { query: "@" }),
];

const REFUSED = [
  ...globalRefused(BASE, DOC),
  ...requiredStringRefused(BASE, "--identity-id", IDENTITY_ID).slice(0, 2),
  ...requiredStringRefused(BASE, "--identity-pool-id", POOL_ID).slice(0, 2),
  ...requiredStringRefused(BASE, "--developer-provider-name", DEV_PROVIDER).slice(0, 2),
  ...requiredStringRefused(BASE, "--developer-user-identifier", DEV_USER),
  { name: "--logins (not a parameter of this command)", args: [...BASE, "--logins", `${DEV_PROVIDER}=${DEV_USER}`] },
];

export default {
  command: "unlink-developer-identity",
  operation: "UnlinkDeveloperIdentity",
  dir: "unlink-developer-identity",
  respond: emptyBody,
  respondDescription: "an empty body (`Content-Length: 0`)",
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: emptyOutputs([...BASE]),
};
