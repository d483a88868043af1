// Cases for `aws cognito-identity list-identity-pools` (test/fixtures/cli/list-identity-pools/).
//
// ListIdentityPools is paginated (botocore's paginators-1.json: input_token NextToken, limit_key
// MaxResults, result_key IdentityPools). The CLI hides --max-results and --next-token from the
// reference page and adds --starting-token, --page-size and --max-items; giving --max-results or
// --next-token on the command line turns automatic pagination off. `pagination` below records
// every request of a run against a recorder that answers a sequence of pages.

import { J, POOL_ID, SEND_NOTE } from "./common.mjs";

const pool = (id, name) => ({ IdentityPoolId: `us-east-1:${id}-2222-3333-4444-555555555555`, IdentityPoolName: name });

/** The pages the pagination recorder answers, by the request's NextToken (null: no NextToken). */
const PAGES = [
  { nextToken: null, response: { IdentityPools: [pool("00000001", "Alpha"), pool("00000002", "Beta")], NextToken: "t1" } },
  { nextToken: "t1", response: { IdentityPools: [pool("00000003", "Gamma"), pool("00000004", "Delta")], NextToken: "t2" } },
  { nextToken: "t2", response: { IdentityPools: [pool("00000005", "Epsilon")] } },
];
const UNKNOWN_TOKEN_PAGE = { IdentityPools: [] };

const MR2 = ["--cli-input-json", J({ MaxResults: 2 })];
const ITEM_QUERIES = ["IdentityPools[].IdentityPoolName", "IdentityPools[0]", "length(IdentityPools)", "NextToken"];

/**
 * Pagination runs. `sends`: the number of requests the run is expected to send (0: a refusal,
 * which must also exit non-zero). "@TOKEN:<case name>@" in args stands for the NextToken that
 * case printed (cases using it run after the others).
 */
const PAGINATION_CASES = [
  // --max-results / --next-token on the command line: one request, the service's NextToken as is.
  { name: "--max-results 2 (first page only; automatic pagination off)", args: ["--max-results", "2"], sends: 1 },
  { name: "--max-results 2 --next-token t1", args: ["--max-results", "2", "--next-token", "t1"], sends: 1 },
  { name: "--max-results 2 --next-token t2 (last page, no NextToken)", args: ["--max-results", "2", "--next-token", "t2"], sends: 1 },
  { name: "--max-results 2 --no-paginate", args: ["--max-results", "2", "--no-paginate"], sends: 1 },
  { name: "--max-results 2 --output text", args: ["--max-results", "2", "--output", "text"], sends: 1 },
  { name: "--max-results 2 --output table", args: ["--max-results", "2", "--output", "table", "--color", "off"], sends: 1 },
  {
    name: "--max-results 2 --query IdentityPools[].IdentityPoolName --output text",
    args: ["--max-results", "2", "--query", "IdentityPools[].IdentityPoolName", "--output", "text"],
    sends: 1,
  },
  {
    name: "--cli-input-json {MaxResults:2} plus --max-results 3 (flag wins, pagination off)",
    args: [...MR2, "--max-results", "3"],
    sends: 1,
  },
  { name: "--cli-input-json {MaxResults:2} plus --next-token t1 (pagination off)", args: [...MR2, "--next-token", "t1"], sends: 1 },
  // Refusals: --max-results is required on the command line, and paging options clash with it.
  { name: "no arguments at all", args: [], sends: 0 },
  { name: "--no-paginate alone", args: ["--no-paginate"], sends: 0 },
  { name: "--max-items 3 alone", args: ["--max-items", "3"], sends: 0 },
  { name: "--page-size 2 alone", args: ["--page-size", "2"], sends: 0 },
  { name: "--starting-token t1 alone", args: ["--starting-token", "t1"], sends: 0 },
  { name: "--next-token t1 alone", args: ["--next-token", "t1"], sends: 0 },
  { name: "--max-results 2 --max-items 3", args: ["--max-results", "2", "--max-items", "3"], sends: 0 },
  { name: "--max-results 2 --page-size 1", args: ["--max-results", "2", "--page-size", "1"], sends: 0 },
  { name: "--max-results 2 --starting-token t1", args: ["--max-results", "2", "--starting-token", "t1"], sends: 0 },
  {
    name: "--max-results 2 --next-token t1 --max-items 1",
    args: ["--max-results", "2", "--next-token", "t1", "--max-items", "1"],
    sends: 0,
  },
  { name: "--cli-input-json {} (no MaxResults anywhere)", args: ["--cli-input-json", "{}"], sends: 0 },
  { name: "--cli-input-json {} --max-items 3 (no MaxResults anywhere)", args: ["--cli-input-json", "{}", "--max-items", "3"], sends: 0 },
  { name: "--cli-input-json {MaxResults:2} --no-paginate --max-items 3", args: [...MR2, "--no-paginate", "--max-items", "3"], sends: 0 },
  { name: "--cli-input-json {MaxResults:2} --no-paginate --page-size 1", args: [...MR2, "--no-paginate", "--page-size", "1"], sends: 0 },
  {
    name: "--cli-input-json {MaxResults:2} --no-paginate --starting-token t1",
    args: [...MR2, "--no-paginate", "--starting-token", "t1"],
    sends: 0,
  },
  { name: "--cli-input-json {} --page-size 0 (MaxResults min 1)", args: ["--cli-input-json", "{}", "--page-size", "0"], sends: 0 },
  { name: "--cli-input-json {MaxResults:2} --max-items abc", args: [...MR2, "--max-items", "abc"], sends: 0 },
  { name: "--cli-input-json {MaxResults:2} --page-size abc", args: [...MR2, "--page-size", "abc"], sends: 0 },
  // Automatic pagination: only reachable with MaxResults from --cli-input-json (or --page-size).
  { name: "--cli-input-json {MaxResults:2} (all pages merged)", args: [...MR2], sends: 3 },
  { name: "--cli-input-json {MaxResults:60}", args: ["--cli-input-json", J({ MaxResults: 60 })], sends: 3 },
  { name: "--cli-input-json {} --page-size 2", args: ["--cli-input-json", "{}", "--page-size", "2"], sends: 3 },
  {
    name: "--cli-input-json {MaxResults:5} --page-size 2 (which one is sent?)",
    args: ["--cli-input-json", J({ MaxResults: 5 }), "--page-size", "2"],
    sends: 3,
  },
  { name: "--cli-input-json {MaxResults:2} --no-paginate", args: [...MR2, "--no-paginate"], sends: 1 },
  {
    name: "--cli-input-json {MaxResults:2,NextToken:t1} (NextToken in the input)",
    args: ["--cli-input-json", J({ MaxResults: 2, NextToken: "t1" })],
    sends: 2,
  },
  { name: "--max-items 1 (inside the first page)", args: [...MR2, "--max-items", "1"], sends: 1 },
  { name: "--max-items 2 (exactly the first page)", args: [...MR2, "--max-items", "2"], sends: 1 },
  { name: "--max-items 3 (inside the second page)", args: [...MR2, "--max-items", "3"], sends: 2 },
  { name: "--max-items 4 (exactly two pages)", args: [...MR2, "--max-items", "4"], sends: 2 },
  { name: "--max-items 5 (exactly all items)", args: [...MR2, "--max-items", "5"], sends: 3 },
  { name: "--max-items 6 (more than all items)", args: [...MR2, "--max-items", "6"], sends: 3 },
  { name: "--max-items 0", args: [...MR2, "--max-items", "0"], sends: 1 },
  { name: "--max-items -1", args: [...MR2, "--max-items", "-1"], sends: 1 },
  { name: "--page-size 2 --max-items 3", args: ["--cli-input-json", "{}", "--page-size", "2", "--max-items", "3"], sends: 2 },
  { name: "--starting-token t1 (a plain service token)", args: [...MR2, "--starting-token", "t1"], sends: 2 },
  { name: "--starting-token t2", args: [...MR2, "--starting-token", "t2"], sends: 1 },
  { name: "--starting-token t1 --max-items 1", args: [...MR2, "--starting-token", "t1", "--max-items", "1"], sends: 1 },
  {
    name: "--starting-token from --max-items 3",
    args: [...MR2, "--starting-token", "@TOKEN:--max-items 3 (inside the second page)@"],
    sends: 2,
  },
  {
    name: "--starting-token from --max-items 3, --max-items 1",
    args: [...MR2, "--starting-token", "@TOKEN:--max-items 3 (inside the second page)@", "--max-items", "1"],
    sends: 1,
  },
  {
    name: "--starting-token from --max-items 1",
    args: [...MR2, "--starting-token", "@TOKEN:--max-items 1 (inside the first page)@"],
    sends: 3,
  },
  {
    name: "--starting-token from --max-items 2",
    args: [...MR2, "--starting-token", "@TOKEN:--max-items 2 (exactly the first page)@"],
    sends: 2,
  },
  {
    name: "--starting-token from --max-items 1, --max-items 2 (chained)",
    args: [...MR2, "--starting-token", "@TOKEN:--max-items 1 (inside the first page)@", "--max-items", "2"],
    sends: 2,
  },
  // Output formats and queries on merged pages.
  { name: "paginated --output text", args: [...MR2, "--output", "text"], sends: 3 },
  { name: "paginated --output table", args: [...MR2, "--output", "table", "--color", "off"], sends: 3 },
  { name: "paginated --output text --max-items 3", args: [...MR2, "--output", "text", "--max-items", "3"], sends: 2 },
  { name: "paginated --output table --max-items 3", args: [...MR2, "--output", "table", "--color", "off", "--max-items", "3"], sends: 2 },
  ...ITEM_QUERIES.flatMap((q) =>
    ["json", "text"].map((fmt) => ({
      name: `paginated --query ${q} --output ${fmt}`,
      args: [...MR2, "--query", q, "--output", fmt],
      sends: 3,
    })),
  ),
  ...ITEM_QUERIES.map((q) => ({
    name: `paginated --query ${q} --max-items 3`,
    args: [...MR2, "--query", q, "--max-items", "3"],
    sends: 2,
  })),
  {
    name: "paginated --query NextToken --output text --max-items 3",
    args: [...MR2, "--query", "NextToken", "--output", "text", "--max-items", "3"],
    sends: 2,
  },
];

const ACCEPTED = [
  { name: "reference page example --max-results 20", args: ["--max-results", "20"] },
  { name: "--max-results 60 (the maximum)", args: ["--max-results", "60"] },
  { name: "--max-results 1 (the minimum)", args: ["--max-results", "1"] },
  { name: "--max-results=5 form", args: ["--max-results=5"] },
  { name: "--max-results given twice (last wins?)", args: ["--max-results", "5", "--max-results", "7"] },
  { name: "--max-results with leading zeros", args: ["--max-results", "007"] },
  { name: "--max-results with a plus sign", args: ["--max-results", "+5"] },
  { name: "--max-results with surrounding spaces", args: ["--max-results", " 5 "] },
  { name: "--max-results 61", args: ["--max-results", "61"], note: SEND_NOTE },
  { name: "--max-results 1000000", args: ["--max-results", "1000000"], note: SEND_NOTE },
  { name: "--max-results 5 --next-token abc", args: ["--max-results", "5", "--next-token", "abc"] },
  { name: "--next-token before --max-results", args: ["--next-token", "abc", "--max-results", "5"] },
  { name: "--next-token with a space (breaks the pattern)", args: ["--max-results", "5", "--next-token", "a b"], note: SEND_NOTE },
  { name: "--next-token of 65536 characters", args: ["--max-results", "5", "--next-token", "x".repeat(65536)], note: SEND_NOTE },
  { name: "--cli-input-json {MaxResults: 5}", args: ["--cli-input-json", J({ MaxResults: 5 })] },
  { name: "--cli-input-json {MaxResults, NextToken}", args: ["--cli-input-json", J({ MaxResults: 5, NextToken: "abc" })] },
  { name: "--cli-input-json {} --page-size 5", args: ["--cli-input-json", "{}", "--page-size", "5"] },
  { name: "--cli-input-json plus --max-results override", args: ["--cli-input-json", J({ MaxResults: 5 }), "--max-results", "9"] },
  { name: "--region eu-west-1", args: ["--max-results", "5", "--region", "eu-west-1"] },
  { name: "--region before operation args", args: ["--region", "ap-southeast-2", "--max-results", "5"] },
  { name: "--output text", args: ["--max-results", "5", "--output", "text"] },
  { name: "--output table --color off", args: ["--max-results", "5", "--output", "table", "--color", "off"] },
  {
    name: "--query IdentityPools[].IdentityPoolId --output text",
    args: ["--max-results", "5", "--query", "IdentityPools[].IdentityPoolId", "--output", "text"],
  },
  { name: "--no-paginate --max-results 5", args: ["--no-paginate", "--max-results", "5"] },
  { name: "--no-sign-request", args: ["--max-results", "5", "--no-sign-request"] },
  { name: "--debug (stdout only; stderr log not recorded)", args: ["--max-results", "5", "--debug"], ignoreStderr: true },
];

const REFUSED = [
  { name: "no arguments at all", args: [] },
  { name: "--max-results 0 (min 1)", args: ["--max-results", "0"] },
  { name: "--max-results -1", args: ["--max-results", "-1"] },
  { name: "--max-results abc", args: ["--max-results", "abc"] },
  { name: "--max-results 2.5", args: ["--max-results", "2.5"] },
  { name: "--max-results empty", args: ["--max-results", ""] },
  { name: "--max-results 1e3", args: ["--max-results", "1e3"] },
  { name: "--max-results without value at the end", args: ["--max-results"], endpointFirst: true },
  { name: "--max-results 5 --next-token empty (min length)", args: ["--max-results", "5", "--next-token", ""] },
  { name: "--identity-pool-id (not a parameter of this command)", args: ["--max-results", "5", "--identity-pool-id", POOL_ID] },
  { name: "unknown parameter --foo bar", args: ["--max-results", "5", "--foo", "bar"] },
  { name: "extra positional argument", args: ["--max-results", "5", "extra"] },
  { name: "--cli-input-json {} (MaxResults missing)", args: ["--cli-input-json", "{}"] },
  { name: "--cli-input-json MaxResults 0", args: ["--cli-input-json", J({ MaxResults: 0 })] },
  { name: "--cli-input-json MaxResults 2.5", args: ["--cli-input-json", J({ MaxResults: 2.5 })] },
  { name: "--cli-input-json MaxResults as a numeric JSON string", args: ["--cli-input-json", J({ MaxResults: "5" })] },
  { name: "--cli-input-json MaxResults as a non-numeric string", args: ["--cli-input-json", J({ MaxResults: "abc" })] },
  { name: "--cli-input-json unknown key", args: ["--cli-input-json", J({ MaxResults: 5, Bogus: 1 })] },
  { name: "--cli-input-json invalid JSON", args: ["--cli-input-json", '{"MaxResults": '] },
  { name: "--cli-input-json the unedited input skeleton", args: ["--cli-input-json", "@SKELETON@"] },
  { name: "--output bogus", args: ["--max-results", "5", "--output", "bogus"] },
  { name: "--query 'bad['", args: ["--max-results", "5", "--query", "bad["] },
];

const SKELETONS = [
  { name: "input", args: ["--generate-cli-skeleton", "input"] },
  { name: "no value", args: ["--generate-cli-skeleton"] },
  { name: "input, with --max-results given", args: ["--generate-cli-skeleton", "input", "--max-results", "5"] },
  { name: "output, nothing else", args: ["--generate-cli-skeleton", "output"] },
  { name: "output, with --max-results", args: ["--generate-cli-skeleton", "output", "--max-results", "5"] },
  {
    name: "output, with --cli-input-json {MaxResults: 5}",
    args: ["--generate-cli-skeleton", "output", "--cli-input-json", J({ MaxResults: 5 })],
  },
  { name: "bogus value", args: ["--generate-cli-skeleton", "bogus"] },
];

const OUTPUT_RESPONSES = [
  {
    name: "reference page example output",
    response: {
      IdentityPools: [
        { IdentityPoolId: "us-west-2:11111111-1111-1111-1111-111111111111", IdentityPoolName: "MyIdentityPool" },
        { IdentityPoolId: "us-west-2:11111111-1111-1111-1111-111111111111", IdentityPoolName: "AnotherIdentityPool" },
        { IdentityPoolId: "us-west-2:11111111-1111-1111-1111-111111111111", IdentityPoolName: "IdentityPoolRegionA" },
      ],
    },
  },
  { name: "a page with NextToken", response: { IdentityPools: [pool("00000001", "Alpha"), pool("00000002", "Beta")], NextToken: "t1" } },
  { name: "empty list", response: { IdentityPools: [] } },
  { name: "empty list with NextToken", response: { IdentityPools: [], NextToken: "more" } },
  { name: "empty JSON object", response: {} },
  { name: "one pool", response: { IdentityPools: [{ IdentityPoolId: POOL_ID, IdentityPoolName: "Solo" }] } },
  {
    name: "unicode and long names, long NextToken",
    response: {
      IdentityPools: [pool("00000001", "Pool café 日本"), pool("00000002", "N".repeat(128)), pool("00000003", "tab\tand\nnewline")],
      NextToken: `${"T".repeat(300)}==`,
    },
  },
];

const OUTPUT_QUERIES = [
  "IdentityPools[].IdentityPoolId",
  "IdentityPools[0].IdentityPoolName",
  "NextToken",
  "length(IdentityPools)",
  "{ids: IdentityPools[].IdentityPoolId, next: NextToken}",
  "IdentityPools[].[IdentityPoolId, IdentityPoolName]",
];

export default {
  command: "list-identity-pools",
  operation: "ListIdentityPools",
  dir: "list-identity-pools",
  respond: () => JSON.stringify({ IdentityPools: [{ IdentityPoolId: POOL_ID, IdentityPoolName: "MyPool" }] }),
  respondDescription: `\`{"IdentityPools": [{"IdentityPoolId": "${POOL_ID}", "IdentityPoolName": "MyPool"}]}\` (one page, no NextToken)`,
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: SKELETONS,
  outputs: { requestArgs: ["--max-results", "60"], responses: OUTPUT_RESPONSES, queries: OUTPUT_QUERIES, queryFormats: ["json", "text"] },
  pagination: {
    pages: PAGES,
    unknownTokenPage: UNKNOWN_TOKEN_PAGE,
    respond: (body) => JSON.stringify(PAGES.find((p) => p.nextToken === (body?.NextToken ?? null))?.response ?? UNKNOWN_TOKEN_PAGE),
    cases: PAGINATION_CASES,
  },
};
