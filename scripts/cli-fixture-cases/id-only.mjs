// Cases shared by the commands whose only parameter is --identity-pool-id:
// describe-identity-pool, delete-identity-pool, get-identity-pool-roles.

import { ID, J, POOL_ID, SEND_NOTE } from "./common.mjs";

const OTHER_ID = "eu-west-1:99999999-8888-7777-6666-555555555555";

/**
 * Command lines an id-only command sends (one request each). With `all` false, the global
 * options already recorded for describe-identity-pool (region, formats, timeouts, debug ...)
 * are left out but for a few.
 */
export function idOnlyAccepted({ all }) {
  const cases = [
    { name: "--identity-pool-id", args: [...ID] },
    { name: "--identity-pool-id=VALUE form", args: [`--identity-pool-id=${POOL_ID}`] },
    {
      name: "pool in another region (the id's region prefix does not change the endpoint or signing region)",
      args: ["--identity-pool-id", OTHER_ID],
    },
    { name: "--identity-pool-id given twice (last wins?)", args: ["--identity-pool-id", OTHER_ID, ...ID] },
    { name: "abbreviated option --identity-pool (argparse prefix match)", args: ["--identity-pool", POOL_ID] },
    { name: "--cli-input-json", args: ["--cli-input-json", J({ IdentityPoolId: POOL_ID })] },
    { name: "--cli-input-json with surrounding whitespace", args: ["--cli-input-json", `\n  ${J({ IdentityPoolId: POOL_ID })}\t\n`] },
    { name: "--cli-input-json plus --identity-pool-id override", args: ["--cli-input-json", J({ IdentityPoolId: OTHER_ID }), ...ID] },
    { name: "--identity-pool-id plus --cli-input-json given after it", args: [...ID, "--cli-input-json", J({ IdentityPoolId: OTHER_ID })] },
    { name: "--cli-input-json empty object plus --identity-pool-id", args: ["--cli-input-json", "{}", ...ID] },
    { name: "--region eu-west-1", args: [...ID, "--region", "eu-west-1"] },
    { name: "--region before operation args", args: ["--region", "ap-southeast-2", ...ID] },
    { name: "--output text", args: [...ID, "--output", "text"] },
    { name: "--output table --color off", args: [...ID, "--output", "table", "--color", "off"] },
    { name: "--output json", args: [...ID, "--output", "json"] },
    { name: "--query IdentityPoolId", args: [...ID, "--query", "IdentityPoolId"] },
    { name: "--query IdentityPoolId --output text", args: [...ID, "--query", "IdentityPoolId", "--output", "text"] },
    { name: "--no-paginate", args: [...ID, "--no-paginate"] },
    { name: "--color on", args: [...ID, "--color", "on"] },
    { name: "--cli-read-timeout 5 --cli-connect-timeout 5", args: [...ID, "--cli-read-timeout", "5", "--cli-connect-timeout", "5"] },
    { name: "--no-verify-ssl (plain http endpoint: nothing to verify)", args: [...ID, "--no-verify-ssl"] },
    { name: "--debug (stdout only; stderr log not recorded)", args: [...ID, "--debug"], ignoreStderr: true },
    { name: "--no-sign-request", args: [...ID, "--no-sign-request"] },
    {
      name: "id without the region prefix (breaks the pattern)",
      args: ["--identity-pool-id", "11111111-2222-3333-4444-555555555555"],
      note: SEND_NOTE,
    },
    { name: "id with spaces (breaks the pattern)", args: ["--identity-pool-id", "not a pool id"], note: SEND_NOTE },
    { name: "id over 55 characters", args: ["--identity-pool-id", `us-east-1:${"a".repeat(46)}`], note: SEND_NOTE },
    {
      name: "id with uppercase hex (breaks the pattern)",
      args: ["--identity-pool-id", "us-east-1:ABCDEF00-2222-3333-4444-555555555555"],
      note: SEND_NOTE,
    },
    { name: "id with non-ASCII characters", args: ["--identity-pool-id", "us-east-1:café"], note: SEND_NOTE },
    { name: "id of one character", args: ["--identity-pool-id", "x"], note: SEND_NOTE },
    { name: "id beginning with a dash via = form", args: ["--identity-pool-id=-us-east-1:1"], note: SEND_NOTE },
  ];
  return all ? cases : cases.filter((c) => !GLOBAL_ONLY_IN_FULL.has(c.name));
}

const GLOBAL_ONLY_IN_FULL = new Set([
  "abbreviated option --identity-pool (argparse prefix match)",
  "--cli-input-json with surrounding whitespace",
  "--identity-pool-id plus --cli-input-json given after it",
  "--cli-input-json empty object plus --identity-pool-id",
  "--region before operation args",
  "--output json",
  "--query IdentityPoolId",
  "--color on",
  "--cli-read-timeout 5 --cli-connect-timeout 5",
  "--no-verify-ssl (plain http endpoint: nothing to verify)",
  "--debug (stdout only; stderr log not recorded)",
  "id over 55 characters",
  "id with uppercase hex (breaks the pattern)",
  "id with non-ASCII characters",
  "id of one character",
  "id beginning with a dash via = form",
]);

/** Command lines an id-only command refuses without sending; `all` as for idOnlyAccepted. */
export function idOnlyRefused({ all }) {
  const cases = [
    { name: "no arguments at all", args: [] },
    { name: "empty --identity-pool-id (min length)", args: ["--identity-pool-id", ""] },
    { name: "unknown parameter --foo bar", args: [...ID, "--foo", "bar"] },
    { name: "unknown parameter --identity-pool-name", args: [...ID, "--identity-pool-name", "X"] },
    { name: "--max-results (not a parameter of this command)", args: [...ID, "--max-results", "5"] },
    { name: "extra positional argument", args: [...ID, "extra"] },
    { name: "two values for --identity-pool-id", args: [...ID, "us-east-1:2"] },
    { name: "value beginning with a dash as separate argv item", args: ["--identity-pool-id", "-x"] },
    { name: "--identity-pool-id without value at the end", args: ["--identity-pool-id"], endpointFirst: true },
    { name: "--cli-input-json invalid JSON", args: ["--cli-input-json", '{"IdentityPoolId": '] },
    { name: "--cli-input-json not an object", args: ["--cli-input-json", J([POOL_ID])] },
    { name: "--cli-input-json empty object", args: ["--cli-input-json", "{}"] },
    { name: "--cli-input-json empty string", args: ["--cli-input-json", ""] },
    { name: "--cli-input-json unknown key", args: ["--cli-input-json", J({ IdentityPoolId: POOL_ID, Bogus: 1 })] },
    { name: "--cli-input-json IdentityPoolId as number", args: ["--cli-input-json", J({ IdentityPoolId: 5 })] },
    { name: "--cli-input-json IdentityPoolId null", args: ["--cli-input-json", J({ IdentityPoolId: null })] },
    { name: "--cli-input-json the unedited input skeleton", args: ["--cli-input-json", "@SKELETON@"] },
    { name: "--cli-input-json without value at the end", args: [...ID, "--cli-input-json"], endpointFirst: true },
    { name: "--output bogus", args: [...ID, "--output", "bogus"] },
    { name: "--color bogus", args: [...ID, "--color", "bogus"] },
    { name: "--query 'bad['", args: [...ID, "--query", "bad["] },
    { name: "--cli-read-timeout abc", args: [...ID, "--cli-read-timeout", "abc"] },
    { name: "--profile that does not exist", args: [...ID, "--profile", "nope"] },
    { name: "--region with an invalid name", args: [...ID, "--region", "not a region!"] },
  ];
  return all ? cases : cases.filter((c) => !REFUSED_ONLY_IN_FULL.has(c.name));
}

const REFUSED_ONLY_IN_FULL = new Set([
  "unknown parameter --identity-pool-name",
  "two values for --identity-pool-id",
  "--cli-input-json not an object",
  "--cli-input-json empty string",
  "--cli-input-json IdentityPoolId null",
  "--cli-input-json without value at the end",
  "--color bogus",
  "--query 'bad['",
  "--cli-read-timeout abc",
  "--profile that does not exist",
  "--region with an invalid name",
]);

/** --generate-cli-skeleton runs for an id-only command. */
export function idOnlySkeletons() {
  return [
    { name: "input", args: ["--generate-cli-skeleton", "input"] },
    { name: "no value", args: ["--generate-cli-skeleton"] },
    { name: "input, with --identity-pool-id given", args: ["--generate-cli-skeleton", "input", ...ID] },
    { name: "output, nothing else", args: ["--generate-cli-skeleton", "output"] },
    { name: "output, with --identity-pool-id", args: ["--generate-cli-skeleton", "output", ...ID] },
    { name: "bogus value", args: ["--generate-cli-skeleton", "bogus"] },
  ];
}
