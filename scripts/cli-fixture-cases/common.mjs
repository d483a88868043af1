// Values and helpers shared by the case lists in scripts/cli-fixture-cases/ (one module per
// `aws cognito-identity` command, read by scripts/record-cli-fixtures.mjs).
//
// A command module's default export is a spec:
//   command, operation     CLI command word and API operation name
//   dir                    fixture directory, relative to test/fixtures/cli/
//   respond(body, index)   the recorder's answer to the index-th request of a run (parsed JSON
//                          body or null): a JSON string, or { status, body } for a non-200
//   respondDescription     that answer in words, for the README
//   accepted, refused      command lines (argv after the command word) the CLI sends / refuses
//   skeletons              --generate-cli-skeleton runs (the first must be `input`, the second
//                          the bare flag)
//   skeletonSeeds          (optional) more `input` runs with Python's random seeded with these
//   outputs                { requestArgs, responses: [{ name, response } | { name, rawBody }], queries,
//                          queryFormats (the formats each query is printed in; default all three) }
//   pagination             (list-identity-pools only) { pages, cases }

export { POOL_ID } from "../lib/aws-cli-recorder.mjs";
import { POOL_ID } from "../lib/aws-cli-recorder.mjs";

export const SEND_NOTE = "CLI sends; AWS would refuse";

export const J = (v) => JSON.stringify(v);
export const J4 = (v) => JSON.stringify(v, null, 4);

export const OIDC1 = "arn:aws:iam::123456789012:oidc-provider/example.com";
export const OIDC2 = "arn:aws:iam::123456789012:oidc-provider/login.example.org";
export const SAML1 = "arn:aws:iam::123456789012:saml-provider/Okta";
export const SAML2 = "arn:aws:iam::123456789012:saml-provider/AzureAD";
export const UP1 = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI";
export const UP2 = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_ZyXwVuTsR";
export const AUTH_ROLE = "arn:aws:iam::123456789012:role/Cognito_MyPoolAuth_Role";
export const UNAUTH_ROLE = "arn:aws:iam::123456789012:role/Cognito_MyPoolUnauth_Role";
export const ADMIN_ROLE = "arn:aws:iam::123456789012:role/Admins";
export const PAID_ROLE = "arn:aws:iam::123456789012:role/PaidUsers";
/** A role-mapping key as the service documents it for a user pool: provider name ':' app client id. */
export const UP1_CLIENT = `${UP1}:3n4b5urk1ft4fl3mg5e62d9ado`;

export const ID = ["--identity-pool-id", POOL_ID];

/** The same JSON for the request body, with IdentityPoolId first (what create answers). */
export const echoWithPoolId = (body) => JSON.stringify({ IdentityPoolId: POOL_ID, ...(isObject(body) ? body : {}) });
/** The request body back, unchanged (what update answers: the pool as sent). */
export const echo = (body) => JSON.stringify(isObject(body) ? body : {});
/** An empty HTTP body (Content-Length: 0). */
export const emptyBody = () => "";

export const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
