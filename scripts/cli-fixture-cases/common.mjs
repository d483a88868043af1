// Values and helpers shared by the case lists in scripts/cli-fixture-cases/ (one module per
// `aws cognito-identity` command, read by scripts/record-cli-fixtures.mjs).
//
// A command module's default export is a spec:
//   command, operation     CLI command word and API operation name
//   dir                    fixture directory, relative to test/fixtures/cli/
//   respond(body, index)   the recorder's answer to the index-th request of a run (parsed JSON
//                          body or null): a JSON string, or { status, body } for a non-200
//   respondDescription     that answer in words, for the README
//   accepted, refused      command lines (argv after the command word) the CLI sends / refuses;
//                          a case may add `unsetEnv` (names of environment variables to run without,
//                          e.g. the credentials) and `endpointFirst` (--endpoint-url before the service)
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

// ---------------------------------------------------------------------------
// Identities, resources and obviously fake secrets for the identity commands (get-id,
// get-credentials-for-identity, the token commands, the developer-identity commands, tagging).
// Tests may import these (plain ESM, no dependencies).

/** The identity id the recorders answer with (get-id, and where a request names no identity). */
export const IDENTITY_ID = "us-east-1:12345678-90ab-cdef-1234-567890abcdef";
/** A second identity id (merges, several ids to delete). */
export const IDENTITY_ID_2 = "us-east-1:fedcba98-7654-3210-fedc-ba9876543210";
/** A pool in another region. */
export const OTHER_POOL_ID = "eu-west-1:99999999-8888-7777-6666-555555555555";
/** The ARN of the POOL_ID pool, for tag-resource, untag-resource and list-tags-for-resource. */
export const RESOURCE_ARN = `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${POOL_ID}`;
/** A developer provider name (as in DeveloperProviderName of a pool) and developer user identifiers. */
export const DEV_PROVIDER = "login.mycompany.myapp";
export const DEV_USER = "alice";
export const DEV_USER_2 = "bob";

/** Fake login tokens (the values of a Logins map are IdentityProviderToken, a sensitive shape). */
export const LOGIN_TOKEN_1 = "FIXTURE-LOGIN-TOKEN-1";
export const LOGIN_TOKEN_2 = "FIXTURE-LOGIN-TOKEN-2";
export const LOGIN_TOKEN_3 = "FIXTURE-LOGIN-TOKEN-3";

/** Fake temporary credentials in get-credentials-for-identity's answers. */
export const FIXTURE_ACCESS_KEY_ID = "ASIAFIXTUREKEYID0000";
export const FIXTURE_SECRET_KEY = "FIXTUREsecretKEYfixtureSECRETkey0000000000";
export const FIXTURE_SESSION_TOKEN = `FIXTUREsessionTOKEN${"FakeSessionTokenText/0123456789+abcdef=".repeat(4)}END`;
/** Credentials.Expiration of the default get-credentials-for-identity answer (epoch seconds). */
export const FIXTURE_EXPIRATION = 1700003600;

const base64url = (s) => Buffer.from(s, "utf8").toString("base64url");

/** The JOSE header of every fake OpenID token. */
export const FIXTURE_JWT_HEADER = { kid: "us-east-11", typ: "JWS", alg: "RS512" };
/** A JWT-shaped fake token: base64url(header JSON) "." base64url(claims JSON) ".FIXTUREsignature". */
export const fixtureJwt = (claims) => `${base64url(J(FIXTURE_JWT_HEADER))}.${base64url(J(claims))}.FIXTUREsignature`;

/** Claims of an unauthenticated identity's token. */
export const FIXTURE_TOKEN_CLAIMS = {
  sub: IDENTITY_ID,
  aud: POOL_ID,
  amr: ["unauthenticated"],
  iss: "https://cognito-identity.amazonaws.com",
  exp: 1700000600,
  iat: 1700000000,
};
/** Claims of an identity authenticated through Facebook. */
export const FIXTURE_TOKEN_AUTH_CLAIMS = {
  ...FIXTURE_TOKEN_CLAIMS,
  amr: ["authenticated", "graph.facebook.com", `graph.facebook.com:${POOL_ID}:1234`],
};
/** The fake OpenID token (unauthenticated) the token commands answer by default. */
export const FIXTURE_TOKEN = fixtureJwt(FIXTURE_TOKEN_CLAIMS);
/** The fake OpenID token of an authenticated identity. */
export const FIXTURE_TOKEN_AUTH = fixtureJwt(FIXTURE_TOKEN_AUTH_CLAIMS);
/** A Token that is not a JWT at all. */
export const FIXTURE_TOKEN_NOT_JWT = "not-a-jwt";

/** What the server shows for a withheld secret: src/operation/secrets.ts's withheldNotice (test/cli-commands.test.ts checks they agree). */
export const WITHHELD = "(withheld: a secret this server never shows)";

const SECRET_VALUES = [FIXTURE_SECRET_KEY, FIXTURE_SESSION_TOKEN, FIXTURE_TOKEN, FIXTURE_TOKEN_AUTH, FIXTURE_TOKEN_NOT_JWT];

/**
 * For each canned response holding an issued secret, a twin with every secret replaced by WITHHELD:
 * what the CLI prints for the twin is what the server must print for the original, in every
 * format (a table's widths follow the values, so the twin must be rendered by the CLI itself).
 */
export function withheldTwins(responses) {
  const swap = (text) => SECRET_VALUES.reduce((t, secret) => t.split(JSON.stringify(secret)).join(JSON.stringify(WITHHELD)), text);
  return responses.flatMap((r) => {
    const text = r.rawBody ?? JSON.stringify(r.response);
    const swapped = swap(text);
    if (swapped === text) return [];
    const name = `${r.name} (secrets withheld)`;
    return [r.rawBody !== undefined ? { name, rawBody: swapped } : { name, response: JSON.parse(swapped) }];
  });
}
