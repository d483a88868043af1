// Cases shared by the commands recorded after the identity-pool ones: the identity commands
// (list-identities, describe-identity, delete-identities, get-id, get-credentials-for-identity,
// get-open-id-token, unlink-identity), the developer-identity commands, the principal-tag maps and
// the tagging commands. The identity-pool commands keep their own lists (id-only.mjs and theirs).

import { FIXTURE_TOKEN, J, LOGIN_TOKEN_1, LOGIN_TOKEN_2, LOGIN_TOKEN_3, SEND_NOTE, UP1 } from "./common.mjs";

/** `unsetEnv` of a case run without any credentials, and of one run without AWS_DEFAULT_REGION. */
export const NO_CREDENTIALS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];
export const NO_REGION = ["AWS_DEFAULT_REGION"];

/**
 * Global options the CLI sends with `base` (a complete command line): regions, formats, a query,
 * --no-sign-request, and runs without credentials or without a region in the environment.
 * `unsigned`: the operation is botocore `authtype: none` (GetId, GetCredentialsForIdentity,
 * GetOpenIdToken, UnlinkIdentity), so it needs no credentials at all.
 */
export function globalAccepted(base, { query, unsigned = false }) {
  const cases = [
    { name: "--region eu-west-1", args: [...base, "--region", "eu-west-1"] },
    { name: "--region before operation args", args: ["--region", "ap-southeast-2", ...base] },
    { name: "no AWS_DEFAULT_REGION, --region eu-west-1", args: [...base, "--region", "eu-west-1"], unsetEnv: NO_REGION },
    { name: "--output text", args: [...base, "--output", "text"] },
    { name: "--output table --color off", args: [...base, "--output", "table", "--color", "off"] },
    { name: "--output json", args: [...base, "--output", "json"] },
    { name: `--query ${query}`, args: [...base, "--query", query] },
    { name: `--query ${query} --output text`, args: [...base, "--query", query, "--output", "text"] },
    { name: "--no-sign-request", args: [...base, "--no-sign-request"] },
    { name: "--no-sign-request --region eu-west-1", args: [...base, "--no-sign-request", "--region", "eu-west-1"] },
    { name: "no credentials in the environment, --no-sign-request", args: [...base, "--no-sign-request"], unsetEnv: NO_CREDENTIALS },
  ];
  if (unsigned)
    cases.push(
      { name: "no credentials in the environment (unsigned operation)", args: [...base], unsetEnv: NO_CREDENTIALS },
      {
        name: "no credentials in the environment, --region eu-west-1",
        args: [...base, "--region", "eu-west-1"],
        unsetEnv: NO_CREDENTIALS,
      },
    );
  return cases;
}

/**
 * Command lines the CLI refuses whatever the operation: `base` is a complete command line, `doc`
 * a complete --cli-input-json document. `unsigned` as for globalAccepted: a signed operation is
 * also refused without credentials.
 */
export function globalRefused(base, doc, { unsigned = false } = {}) {
  const cases = [
    { name: "no arguments at all", args: [] },
    { name: "unknown parameter --foo bar", args: [...base, "--foo", "bar"] },
    { name: "extra positional argument", args: [...base, "extra"] },
    { name: "--cli-input-json invalid JSON", args: ["--cli-input-json", J(doc).slice(0, -1)] },
    { name: "--cli-input-json not an object", args: ["--cli-input-json", J([doc])] },
    { name: "--cli-input-json empty object", args: ["--cli-input-json", "{}"] },
    { name: "--cli-input-json unknown key", args: ["--cli-input-json", J({ ...doc, Bogus: 1 })] },
    { name: "--cli-input-json the unedited input skeleton", args: ["--cli-input-json", "@SKELETON@"] },
    { name: "--cli-input-json without value at the end", args: [...base, "--cli-input-json"], endpointFirst: true },
    { name: "--output bogus", args: [...base, "--output", "bogus"] },
    { name: "--query 'bad['", args: [...base, "--query", "bad["] },
    { name: "--profile that does not exist", args: [...base, "--profile", "nope"] },
    { name: "no region anywhere (AWS_DEFAULT_REGION unset, no --region)", args: [...base], unsetEnv: NO_REGION },
  ];
  if (!unsigned) cases.push({ name: "no credentials in the environment (signed operation)", args: [...base], unsetEnv: NO_CREDENTIALS });
  return cases;
}

/** --generate-cli-skeleton runs: input, the bare flag, input and output with `base`, output alone, bogus. */
export function skeletons(base) {
  return [
    { name: "input", args: ["--generate-cli-skeleton", "input"] },
    { name: "no value", args: ["--generate-cli-skeleton"] },
    { name: "input, with the required parameters given", args: ["--generate-cli-skeleton", "input", ...base] },
    { name: "output, nothing else", args: ["--generate-cli-skeleton", "output"] },
    { name: "output, with the required parameters", args: ["--generate-cli-skeleton", "output", ...base] },
    { name: "bogus value", args: ["--generate-cli-skeleton", "bogus"] },
  ];
}

/**
 * Cases for a string parameter `flag` ("--identity-id") of the command line `base`, which must not
 * contain it: the flag, its =VALUE form, given twice, and values the service's pattern or maximum
 * length would refuse (`pattern`: the parameter has the id pattern `[\w-]+:[0-9a-f-]+`; `max`: its
 * maximum length). `value` is a valid value.
 */
export function stringAccepted(base, flag, value, { max, pattern = false, other }) {
  const cases = [
    { name: `${flag}=VALUE form`, args: [...base, `${flag}=${value}`] },
    { name: `${flag} given twice (last wins?)`, args: [...base, flag, other, flag, value] },
    { name: `${flag} over ${max} characters`, args: [...base, flag, idOfLength(value, max + 1, pattern)], note: SEND_NOTE },
    { name: `${flag} of exactly ${max} characters`, args: [...base, flag, idOfLength(value, max, pattern)] },
  ];
  if (pattern)
    cases.push(
      { name: `${flag} without the region prefix (breaks the pattern)`, args: [...base, flag, value.split(":")[1]], note: SEND_NOTE },
      { name: `${flag} with uppercase hex (breaks the pattern)`, args: [...base, flag, value.toUpperCase()], note: SEND_NOTE },
      { name: `${flag} with spaces (breaks the pattern)`, args: [...base, flag, "not an id"], note: SEND_NOTE },
    );
  return cases;
}

/** A value of `length` characters: an id padded with hex digits, or any value padded with 'x'. */
function idOfLength(value, length, pattern) {
  if (pattern) return `us-east-1:${"a".repeat(length - "us-east-1:".length)}`;
  return value.length >= length ? value.slice(0, length) : value + "x".repeat(length - value.length);
}

/** Refusals for a required string parameter `flag` of `base` (which holds it as its value `value`). */
export function requiredStringRefused(base, flag, value) {
  const i = base.indexOf(flag);
  const without = [...base.slice(0, i), ...base.slice(i + 2)];
  return [
    ...(without.length ? [{ name: `missing ${flag}`, args: without }] : []),
    { name: `empty ${flag} (min length 1)`, args: [...without, flag, ""] },
    { name: `${flag} with two values`, args: [...base, value] },
    { name: `${flag} without value at the end`, args: [...without, flag], endpointFirst: true },
    { name: `${flag} value beginning with a dash as separate argv item`, args: [...without, flag, "-x"] },
  ];
}

/** The three answers of an operation without output members: empty body, {}, and unknown members. */
export function emptyOutputs(requestArgs) {
  return {
    requestArgs,
    responses: [
      { name: "empty body", rawBody: "" },
      { name: "empty JSON object", response: {} },
      { name: "JSON object with members the operation does not define", response: { IdentityId: "us-east-1:x", Extra: [1, 2] } },
    ],
    queries: ["@", "IdentityId"],
    queryFormats: ["json", "text", "table"],
  };
}

/**
 * Timestamps as the service may send them (botocore `timestamp` shapes are epoch seconds on the
 * wire in awsJson1.1), for canned responses: `[label, value]`. The JSON-encodable ones; see
 * RAW_TIMESTAMPS for spellings JSON.stringify cannot produce.
 */
export const TIMESTAMPS = [
  ["integral seconds 1700000000", 1700000000],
  ["fractional seconds 1700000000.123", 1700000000.123],
  ["fractional seconds 1477343290.138", 1477343290.138],
  ["zero", 0],
  ['string of digits "1700000000"', "1700000000"],
  ["ISO 8601 string 2023-11-14T22:13:20Z", "2023-11-14T22:13:20Z"],
  ["ISO 8601 string with milliseconds and offset", "2023-11-14T22:13:20.123+00:00"],
];
/** Timestamp spellings only a raw body can carry: `[label, literal JSON number]`. */
export const RAW_TIMESTAMPS = [
  ["1700000000.0 on the wire", "1700000000.0"],
  ["exponent 1.7e9 on the wire", "1.7e9"],
  ["1477343290.1380 (trailing zero) on the wire", "1477343290.1380"],
  ["nanosecond digits 1700000000.123456789 on the wire (beyond a double)", "1700000000.123456789"],
];

/** An 11-provider Logins map in shorthand (LoginsMap allows 10). */
const elevenLogins = Array.from({ length: 11 }, (_, i) => `p${i}.example.com=${LOGIN_TOKEN_1}`).join(",");

/** --logins cases the CLI sends, appended to `base` (a complete command line without --logins). */
export function loginsAccepted(base) {
  return [
    { name: "--logins shorthand, one provider", args: [...base, "--logins", `graph.facebook.com=${LOGIN_TOKEN_1}`] },
    {
      name: "--logins shorthand, two providers",
      args: [...base, "--logins", `graph.facebook.com=${LOGIN_TOKEN_1},accounts.google.com=${LOGIN_TOKEN_2}`],
    },
    { name: "--logins shorthand, user pool provider with a JWT-shaped id token", args: [...base, "--logins", `${UP1}=${FIXTURE_TOKEN}`] },
    { name: "--logins=VALUE form", args: [...base, `--logins=www.amazon.com=${LOGIN_TOKEN_3}`] },
    {
      name: "--logins JSON",
      args: [...base, "--logins", J({ "graph.facebook.com": LOGIN_TOKEN_1, [UP1]: LOGIN_TOKEN_2, "www.amazon.com": LOGIN_TOKEN_3 })],
    },
    {
      name: "--logins given twice (last wins?)",
      args: [...base, "--logins", `graph.facebook.com=${LOGIN_TOKEN_1}`, "--logins", `accounts.google.com=${LOGIN_TOKEN_2}`],
    },
    { name: "--logins, empty JSON map (no min in the model)", args: [...base, "--logins", "{}"] },
    { name: "--logins, 11 providers (map max 10)", args: [...base, "--logins", elevenLogins], note: SEND_NOTE },
    {
      name: "--logins, provider name over 128 characters",
      args: [...base, "--logins", `${"p".repeat(129)}=${LOGIN_TOKEN_1}`],
      note: SEND_NOTE,
    },
    {
      name: "--logins, token over 50000 characters",
      args: [...base, "--logins", J({ "graph.facebook.com": `${LOGIN_TOKEN_1}-${"x".repeat(50000)}` })],
      note: SEND_NOTE,
    },
  ];
}

/** --logins cases the CLI refuses, appended to `base` (a complete command line without --logins). */
export function loginsRefused(base) {
  return [
    { name: "--logins shorthand without '='", args: [...base, "--logins", "graph.facebook.com"] },
    { name: "--logins, empty token (min length 1)", args: [...base, "--logins", "graph.facebook.com="] },
    { name: "--logins, empty provider name via JSON (min length 1)", args: [...base, "--logins", J({ "": LOGIN_TOKEN_1 })] },
    { name: "--logins, JSON list instead of map", args: [...base, "--logins", J([LOGIN_TOKEN_1])] },
    { name: "--logins, JSON map with number value", args: [...base, "--logins", J({ "graph.facebook.com": 5 })] },
    {
      name: "--logins as two argv items",
      args: [...base, "--logins", `graph.facebook.com=${LOGIN_TOKEN_1}`, `accounts.google.com=${LOGIN_TOKEN_2}`],
    },
    { name: "--logins without value at the end", args: [...base, "--logins"], endpointFirst: true },
  ];
}
