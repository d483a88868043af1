#!/usr/bin/env node
// Records how the real AWS CLI v1 prints values that test/fixtures/cli/outputs.json does not
// cover (lists of lists, deep nesting, wide tables, crashes of the text/table formatters, float
// and repr formatting), and writes test/fixtures/render/outputs.json in the same format:
//   [{ name, response, color?, json, text, table, queries: [{ query, output, stdout, exitCode?, stderr? }] }]
// Tables are drawn with --color off, except in the cases marked color: "on", which run every
// format with --color on (the CLI then colours table cells although stdout is not a terminal).
//
// Nothing is written by hand: every stdout comes from running
//   aws cognito-identity create-identity-pool ... --endpoint-url http://127.0.0.1:PORT
// against a loopback server that answers with the case's canned response. Arbitrary values
// reach the formatters through JMESPath literal queries (`...`). Regenerate with:
//
//   node scripts/record-render-fixtures.mjs
//
// Plain Node 20 ESM, no dependencies (the loopback server and the clean environment come from
// scripts/lib/aws-cli-recorder.mjs). Needs `aws` (v1) on PATH. stdout is a pipe here, so the
// CLI assumes an 80-column terminal, as it does whenever it is not writing to a TTY.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  AWS_JSON_HEADERS,
  createAwsSandbox,
  mapConcurrent,
  outputArgs,
  outputCollector,
  POOL_ID,
  runAws,
  startLoopbackServer,
} from "./lib/aws-cli-recorder.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_FILE = path.join(ROOT, "test", "fixtures", "render", "outputs.json");
const CONCURRENCY = 6;
const FORMATS = ["json", "text", "table"];
const REQUEST_ARGS = ["--identity-pool-name", "X", "--no-allow-unauthenticated-identities"];

// ---------------------------------------------------------------------------
// Cases. Responses are written in model member order, which is the order botocore
// gives structures whatever order the body uses.

const lit = (value) => "`" + JSON.stringify(value).replaceAll("`", "\\`") + "`";

const WIDE = {
  IdentityPoolId: POOL_ID,
  IdentityPoolName: "A pool whose name is long enough to push the table past eighty columns",
  AllowUnauthenticatedIdentities: false,
  AllowClassicFlow: true,
  SupportedLoginProviders: { "graph.facebook.com": "1234567890", "www.amazon.com": "amzn1.application.0123456789abcdef" },
  DeveloperProviderName: "login.mycompany.myapp",
  OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/example.com"],
  CognitoIdentityProviders: [
    { ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI", ClientId: "client1", ServerSideTokenCheck: true },
    {
      ProviderName: "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_ZyXwVuTsR",
      ClientId: "7lhlkkfbfb4q5kpp90urffao",
      ServerSideTokenCheck: false,
    },
  ],
  SamlProviderARNs: ["arn:aws:iam::123456789012:saml-provider/Okta"],
  IdentityPoolTags: { Environment: "production", "cost-center": "12345" },
};

const NARROW = {
  IdentityPoolId: "eu:1",
  IdentityPoolName: "p",
  AllowUnauthenticatedIdentities: true,
  CognitoIdentityProviders: [
    { ProviderName: "a", ClientId: "b" },
    { ProviderName: "cc", ClientId: "d", ServerSideTokenCheck: false },
  ],
  IdentityPoolTags: { k: "v" },
};

const WIDE_CHARACTERS = {
  IdentityPoolId: POOL_ID,
  IdentityPoolName: "Пул 日本語 ｚ 😀 é",
  AllowUnauthenticatedIdentities: true,
  DeveloperProviderName: "α.β",
  CognitoIdentityProviders: [{ ProviderName: "東京", ClientId: "ｃｌｉｅｎｔ", ServerSideTokenCheck: true }],
  IdentityPoolTags: { ключ: "значение", "😀": "☰ trigram", ｚ: "fullwidth key", z: "ascii key" },
};

const EDGE_QUERIES = [
  // Lists of lists and projections producing them
  "CognitoIdentityProviders[].[ProviderName, ClientId]",
  "CognitoIdentityProviders[].[ProviderName, ServerSideTokenCheck, Missing]",
  lit([
    [1, 2],
    [3, 4],
  ]),
  lit([[1, 2], [3]]),
  lit([1, [2, 3], [4, [5, 6]], "x"]),
  lit([["a"], [["b", "c"]], []]),
  lit([[]]),
  lit([[{ a: 1 }, { a: 2, b: [1] }]]),
  lit([[1], [[{ a: 1, b: 2 }]]]),
  lit([[1, 2], [[{ a: 1 }]]]),
  // Deep nesting
  lit({ a: { b: { c: { d: "deep", e: [1, 2], f: { g: [{ h: "x" }, { h: "y", i: { j: "z" } }] } } } } }),
  lit({ only: { nested: { values: [] } }, empty: {} }),
  // Lists of dicts with differing keys and nested members
  lit([{ a: 1 }, { b: 2, c: [3] }, { a: 3, c: { d: 4 } }]),
  lit([{ n: "x", items: [{ k: 1 }, { k: 2 }] }, { n: "y", items: [{ k: 3 }] }, { n: "z" }]),
  lit([{ a: 1 }, { a: [1, "x"] }]),
  lit([{ a: "x" }, { a: ["it's", "é\t", '"q"', "\u00a0\u200b😀\u0085", { k: null, t: true }] }]),
  // Mixtures the formatters cannot handle
  lit([{ a: 1 }, "s"]),
  lit([{ a: 1 }, 5]),
  lit([{ a: 1 }, null]),
  lit([{ a: 1 }, ""]),
  lit([{ a: 1 }, []]),
  lit(["s", { a: 1 }]),
  lit(["s", { a: 1, b: 2 }]),
  lit({ first: "printed", z: [{ a: 1 }, "s"] }),
  // Falsy and scalar results
  lit([]),
  lit({}),
  lit(""),
  lit(0),
  lit(false),
  lit(true),
  lit("x"),
  lit(null),
  lit([null, true, false, 0, ""]),
  // Numbers: Python's float repr and int digits
  lit({ a: 1.5, b: 1e-5, c: 0.1, d: 123456.789, e: -0.25, f: 3, g: 1e-7, h: 0.0001 }),
  "avg(`[1, 2]`)",
  // Strings that need escaping in JSON, or are wide in a table
  lit({ ctl: "\u0001\u001f\u007f", sep: "\u2028\u2029", quote: "\"'\\", tab: "a\tb", nl: "a\nb" }),
  lit({ wide: "x".repeat(120) }),
  lit({ a: "x".repeat(30), b: "y".repeat(30), c: "z".repeat(30) }),
  lit([
    { a: "x".repeat(30), b: "y".repeat(30) },
    { a: "1", b: "2" },
  ]),
  lit({ k: "v" }),
  lit({ a: "x", bb: "yy", ccc: "zzz" }),
  lit({ "": "empty key", " ": "space key" }),
  "{id: IdentityPoolId, providers: CognitoIdentityProviders, tags: IdentityPoolTags}",
  "CognitoIdentityProviders[0]",
  "OpenIdConnectProviderARNs",
  "keys(@)",
  "sort_by(CognitoIdentityProviders, &ClientId)[].ClientId",
  "@",
];

// Seeded pseudo-random values, to exercise column-width arithmetic and sorting broadly.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const KEYS = ["Id", "Name", "a", "B", "zeta", "Ärger", "ключ", "日本", "ｚ", "😀", "with space", "x_y", "Z9"];
const WORDS = [
  "",
  "x",
  "value",
  "Äpfel",
  "значение",
  "東京都",
  "ｆｕｌｌ",
  "😀🙂",
  "tab\there",
  "α",
  "arn:aws:iam::123456789012:role/service-role/LongRoleName",
];

function randomValue(rand, depth) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const scalar = () => {
    const r = rand();
    if (r < 0.55) {
      const w = pick(WORDS);
      return rand() < 0.2 ? w.repeat(1 + Math.floor(rand() * 4)) : w;
    }
    if (r < 0.7) return Math.floor(rand() * 2000) - 500;
    if (r < 0.78) return Math.floor(rand() * 1000) / 8 + 0.125;
    if (r < 0.9) return rand() < 0.5;
    return null;
  };
  if (depth <= 0 || rand() < 0.3) return scalar();
  const n = Math.floor(rand() * 4);
  const kind = rand();
  if (kind < 0.45) {
    const o = {};
    for (let i = 0; i < n + 1; i++) o[pick(KEYS)] = randomValue(rand, depth - 1);
    return o;
  }
  // Lists are homogeneous in kind: all objects, all scalars, or scalars and lists.
  if (kind < 0.7)
    return Array.from({ length: n + 1 }, () => {
      const o = {};
      for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) o[pick(KEYS)] = randomValue(rand, depth - 2);
      return o;
    });
  if (kind < 0.85) return Array.from({ length: n }, scalar);
  return Array.from({ length: n + 1 }, () => (rand() < 0.5 ? scalar() : Array.from({ length: Math.floor(rand() * 3) }, scalar)));
}

const rand = mulberry32(20240611);
const RANDOM_QUERIES = Array.from({ length: 90 }, () => lit(randomValue(rand, 4)));

// JMESPath semantics as the CLI's Python jmespath has them, to hold the JavaScript library to.
const SEMANTICS_QUERIES = [
  "Missing",
  "Missing.foo",
  "Missing[0]",
  "IdentityPoolId.foo",
  "CognitoIdentityProviders[5]",
  "CognitoIdentityProviders[-1].ClientId",
  "CognitoIdentityProviders[::-1].ClientId",
  "CognitoIdentityProviders[1:].ClientId",
  "CognitoIdentityProviders[?ServerSideTokenCheck].ClientId",
  "CognitoIdentityProviders[?ServerSideTokenCheck == `false`].ProviderName",
  "CognitoIdentityProviders[?!ServerSideTokenCheck]",
  "CognitoIdentityProviders[?ClientId == 'client1' || ClientId == 'nope'].ClientId",
  "CognitoIdentityProviders[].{c: ClientId, s: ServerSideTokenCheck}",
  "CognitoIdentityProviders[].[ProviderName, ClientId][]",
  "{z: IdentityPoolId, a: IdentityPoolName, m: Missing}",
  "IdentityPoolTags.*",
  "*",
  "@.IdentityPoolId",
  "IdentityPoolId[]",
  '"IdentityPoolId"',
  'IdentityPoolTags."cost-center"',
  "IdentityPoolTags | keys(@) | [0]",
  "keys(@)",
  "values(SupportedLoginProviders)",
  "sort(keys(IdentityPoolTags))",
  "sort_by(CognitoIdentityProviders, &ClientId)[].ProviderName",
  "min_by(CognitoIdentityProviders, &length(ClientId)).ClientId",
  "map(&ClientId, CognitoIdentityProviders)",
  "length(IdentityPoolName)",
  "length(IdentityPoolTags)",
  "reverse(OpenIdConnectProviderARNs)",
  "contains(IdentityPoolName, 'long')",
  "starts_with(IdentityPoolId, 'us-')",
  "join(', ', keys(IdentityPoolTags))",
  "not_null(Missing, DeveloperProviderName)",
  "to_string(AllowClassicFlow)",
  "to_number('12')",
  "type(@)",
  "to_array(IdentityPoolId)",
  'merge(IdentityPoolTags, `{"Environment": "dev"}`)',
  "max(`[3, 1, 2]`)",
  "avg(`[1, 2]`)",
  "sum(`[1, 2]`)",
  "abs(`-3`)",
  "ceil(`1.5`)",
  "floor(`1.5`)",
  "Missing || 'default'",
  "AllowUnauthenticatedIdentities || 'default'",
  "SamlProviderARNs && IdentityPoolId",
  "!Missing",
  "`foo`",
  "'raw'",
  '`[1, "a", null]`',
  '`{"b": 1, "a": 2}`',
  "`1` == `1.0`",
  "`[1]` == `[1]`",
  "abs(IdentityPoolId)",
];

const CASES = [
  { name: "wide pool (table converted to vertical)", response: WIDE, queries: EDGE_QUERIES },
  {
    name: "narrow pool (table fits in 80 columns)",
    response: NARROW,
    queries: ["@", "CognitoIdentityProviders", "{a: IdentityPoolId, b: IdentityPoolName}"],
  },
  {
    name: "wide characters",
    response: WIDE_CHARACTERS,
    queries: ["IdentityPoolTags", "keys(IdentityPoolTags)", "CognitoIdentityProviders[0]"],
  },
  { name: "seeded random values", response: NARROW, queries: RANDOM_QUERIES, skipPlain: true },
  { name: "JMESPath semantics", response: WIDE, queries: SEMANTICS_QUERIES, skipPlain: true, formats: ["json"] },
  {
    name: "JMESPath semantics, code points",
    response: WIDE_CHARACTERS,
    queries: [
      "length(IdentityPoolName)",
      "reverse(IdentityPoolName)",
      "sort(keys(IdentityPoolTags))",
      "sort_by(map(&{k: @}, keys(IdentityPoolTags)), &k)",
    ],
    skipPlain: true,
    formats: ["json"],
  },
];

// `--color on`: the table cases again, coloured even though stdout is a pipe. The pool cases
// also run with json and text, which --color does not affect.
const COLOR_CASES = CASES.filter((c) => !c.formats).map((c) => ({
  ...c,
  name: `${c.name}, --color on`,
  color: "on",
  formats: c.skipPlain ? ["table"] : FORMATS,
}));
CASES.push(...COLOR_CASES);

// ---------------------------------------------------------------------------
// CLI runs

async function main() {
  const sandbox = await createAwsSandbox("record-render-fixtures");
  const servers = [];
  try {
    const jobs = [];
    for (const c of CASES) {
      const body = JSON.stringify(c.response);
      const server = await startLoopbackServer(() => ({ headers: AWS_JSON_HEADERS, body }));
      servers.push(server);
      for (const fmt of c.formats ?? FORMATS) {
        if (!c.skipPlain) jobs.push({ c, fmt, query: null, url: server.url });
        for (const query of c.queries) jobs.push({ c, fmt, query, url: server.url });
      }
    }
    const results = await mapConcurrent(jobs, CONCURRENCY, (j) => {
      const query = j.query === null ? [] : ["--query", j.query];
      const argv = [
        "cognito-identity",
        "create-identity-pool",
        ...REQUEST_ARGS,
        ...outputArgs(j.fmt, j.c.color),
        ...query,
        "--endpoint-url",
        j.url,
      ];
      return runAws(argv, { env: sandbox.env, cwd: sandbox.dir });
    });

    const problems = [];
    const outputs = outputCollector(CASES.map((c) => ({ name: c.name, response: c.response, extra: c.color ? { color: c.color } : {} })));
    jobs.forEach((j, i) => {
      const r = results[i];
      if (j.query === null && (r.exitCode !== 0 || r.stderr !== "")) problems.push(`${j.c.name} ${j.fmt}: ${r.stderr}`);
      outputs.add(j.c.name, j.fmt, j.query, r);
    });
    for (const c of CASES.filter((candidate) => candidate.skipPlain)) {
      const entry = outputs.entry(c.name);
      delete entry.json;
      delete entry.text;
      delete entry.table;
    }
    if (problems.length) {
      console.error(`record-render-fixtures: ${problems.length} unexpected failure(s); fixtures NOT written:`);
      for (const p of problems) console.error(`  - ${p}`);
      process.exitCode = 1;
      return;
    }
    await mkdir(path.dirname(OUT_FILE), { recursive: true });
    await writeFile(OUT_FILE, JSON.stringify(outputs.entries(), null, 2) + "\n");
    console.log(`record-render-fixtures: ${jobs.length} CLI runs written to ${path.relative(ROOT, OUT_FILE)}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await sandbox.remove();
  }
}

await main();
