#!/usr/bin/env node
// Records what the real AWS CLI v1 does with the commands of `aws cognito-identity` (the
// identity-pool commands: create, describe, list, update, delete, get/set roles; and the identity,
// token, developer-identity, principal-tag and tagging commands) and writes the results as test
// fixtures under test/fixtures/cli/ (create's directly there, every other command's in
// test/fixtures/cli/<command>/), with test/fixtures/cli/README.md describing them.
//
// Every fixture comes from running the installed `aws` against a loopback HTTP recorder;
// nothing is written by hand. The command lines and canned answers are in
// scripts/cli-fixture-cases/<command>.mjs. Regenerate with:
//
//   node scripts/record-cli-fixtures.mjs [command ...]
//
// Naming commands records only those. A command's fixtures are written only when all of its
// expectations hold; the README is then rebuilt from the fixture files on disk.
//
// Plain Node 20 ESM, no dependencies (the loopback server and the clean environment come from
// scripts/lib/aws-cli-recorder.mjs). Needs `aws` (v1) on PATH.

import { randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  AWS_JSON_HEADERS,
  awsVersion,
  createAwsSandbox,
  mapConcurrent,
  outputArgs,
  outputCollector,
  runAws,
  startLoopbackServer,
} from "./lib/aws-cli-recorder.mjs";
import { SEND_NOTE } from "./cli-fixture-cases/common.mjs";
import createIdentityPool from "./cli-fixture-cases/create-identity-pool.mjs";
import deleteIdentityPool from "./cli-fixture-cases/delete-identity-pool.mjs";
import describeIdentityPool from "./cli-fixture-cases/describe-identity-pool.mjs";
import getIdentityPoolRoles from "./cli-fixture-cases/get-identity-pool-roles.mjs";
import listIdentityPools from "./cli-fixture-cases/list-identity-pools.mjs";
import setIdentityPoolRoles from "./cli-fixture-cases/set-identity-pool-roles.mjs";
import updateIdentityPool from "./cli-fixture-cases/update-identity-pool.mjs";
import tagResource from "./cli-fixture-cases/tag-resource.mjs";
import untagResource from "./cli-fixture-cases/untag-resource.mjs";
import listTagsForResource from "./cli-fixture-cases/list-tags-for-resource.mjs";
import getPrincipalTagAttributeMap from "./cli-fixture-cases/get-principal-tag-attribute-map.mjs";
import setPrincipalTagAttributeMap from "./cli-fixture-cases/set-principal-tag-attribute-map.mjs";
import listIdentities from "./cli-fixture-cases/list-identities.mjs";
import describeIdentity from "./cli-fixture-cases/describe-identity.mjs";
import deleteIdentities from "./cli-fixture-cases/delete-identities.mjs";
import unlinkIdentity from "./cli-fixture-cases/unlink-identity.mjs";
import getId from "./cli-fixture-cases/get-id.mjs";
import getCredentialsForIdentity from "./cli-fixture-cases/get-credentials-for-identity.mjs";
import getOpenIdToken from "./cli-fixture-cases/get-open-id-token.mjs";
import lookupDeveloperIdentity from "./cli-fixture-cases/lookup-developer-identity.mjs";
import mergeDeveloperIdentities from "./cli-fixture-cases/merge-developer-identities.mjs";
import unlinkDeveloperIdentity from "./cli-fixture-cases/unlink-developer-identity.mjs";
import getOpenIdTokenForDeveloperIdentity from "./cli-fixture-cases/get-open-id-token-for-developer-identity.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = path.join(ROOT, "test", "fixtures", "cli");
const CONCURRENCY = 4;
const FORMATS = ["json", "text", "table"];

/** Every command recorded, in README order. */
const SPECS = [
  createIdentityPool,
  describeIdentityPool,
  listIdentityPools,
  updateIdentityPool,
  deleteIdentityPool,
  getIdentityPoolRoles,
  setIdentityPoolRoles,
  listIdentities,
  describeIdentity,
  deleteIdentities,
  getId,
  getCredentialsForIdentity,
  getOpenIdToken,
  unlinkIdentity,
  getOpenIdTokenForDeveloperIdentity,
  lookupDeveloperIdentity,
  mergeDeveloperIdentities,
  unlinkDeveloperIdentity,
  getPrincipalTagAttributeMap,
  setPrincipalTagAttributeMap,
  tagResource,
  untagResource,
  listTagsForResource,
];

// ---------------------------------------------------------------------------
// Loopback recorder: one server per CLI run, so runs can go in parallel.

// Other processes on this machine (e.g. tests with retrying clients) may hit a
// recently freed port that a recorder now holds. Each CLI run therefore gets a
// nonce in AWS_EXECUTION_ENV, which botocore appends to its User-Agent as
// `exec-env/<value>`; requests without it are answered 404 and not recorded.
let foreignRequests = 0;

/**
 * Starts a recorder answering the index-th request of its run with `respond(body, index)`
 * (body: the parsed JSON request body, or null when empty): a string (the body of a 200
 * application/x-amz-json-1.1 answer) or `{ status, body }`.
 */
async function startRecorder(respond, execEnv) {
  const requests = [];
  const server = await startLoopbackServer((req) => {
    const userAgent = String(req.headers["user-agent"] ?? "");
    if (!userAgent.includes(`exec-env/${execEnv}`)) {
      foreignRequests++;
      return { status: 404 };
    }
    let body;
    try {
      body = req.raw === "" ? null : JSON.parse(req.raw);
    } catch {
      body = { "<unparsed>": req.raw };
    }
    const auth = req.headers["authorization"];
    // Keep only the credential scope's region; never the header itself.
    const scope = typeof auth === "string" ? /Credential=[^/,]+\/\d{8}\/([^/,]+)\/([^/,]+)\/aws4_request/.exec(auth) : null;
    requests.push({
      method: req.method,
      path: req.url,
      target: req.headers["x-amz-target"] ?? null,
      body,
      signed: auth !== undefined,
      region: scope ? scope[1] : null,
      signingService: scope ? scope[2] : null,
    });
    const out = respond(body, requests.length - 1);
    const reply = typeof out === "string" ? { body: out } : out;
    return {
      status: reply.status ?? 200,
      headers: { ...AWS_JSON_HEADERS, "x-amzn-RequestId": "00000000-0000-0000-0000-000000000000" },
      body: reply.body,
    };
  });
  return { ...server, requests };
}

// ---------------------------------------------------------------------------
// Running the CLI

let TMP; // set in main()
let ENV;

// botocore's `--generate-cli-skeleton input` picks each enum member's value with Python's
// random.choice, so it may differ from run to run. Skeleton runs therefore get PYTHONPATH at a
// directory whose sitecustomize.py seeds `random` (with SKELETON_SEED unless a case says
// otherwise); nothing else about the CLI changes.
const SKELETON_SEED = 0;
const seededDir = (seed) => path.join(TMP, `python-random-seed-${seed}`);
async function makeSeededDir(seed) {
  await mkdir(seededDir(seed), { recursive: true });
  await writeFile(path.join(seededDir(seed), "sitecustomize.py"), `import random\nrandom.seed(${seed})\n`);
}
const seededEnv = (seed) => ({ ...ENV, PYTHONPATH: seededDir(seed) });

// Replaces the only run-specific strings (random port, temp dir) with placeholders.
function sanitize(s, port) {
  return s.split(`127.0.0.1:${port}`).join("127.0.0.1:<PORT>").split(TMP).join("<TMP>");
}

/**
 * Runs `aws cognito-identity COMMAND ARGS --endpoint-url URL` against a fresh recorder answering
 * with `respond`. With endpointFirst, `--endpoint-url URL` goes before the service name instead,
 * so that ARGS really ends the command line.
 */
async function runCli(command, args, { respond, endpointFirst = false, env = ENV }) {
  const execEnv = `record-cli-fixtures-${randomUUID()}`;
  const rec = await startRecorder(respond, execEnv);
  const url = rec.url;
  const argv = endpointFirst
    ? ["--endpoint-url", url, "cognito-identity", command, ...args]
    : ["cognito-identity", command, ...args, "--endpoint-url", url];
  try {
    const r = await runAws(argv, { env: { ...env, AWS_EXECUTION_ENV: execEnv }, cwd: TMP });
    return {
      exitCode: r.exitCode,
      stdout: sanitize(r.stdout, rec.port),
      stderr: sanitize(r.stderr, rec.port),
      requests: rec.requests,
    };
  } finally {
    await rec.stop();
  }
}

const pool = (items, fn) => mapConcurrent(items, CONCURRENCY, fn);

/** The environment of a case: ENV without the variables its `unsetEnv` names (e.g. the credentials). */
function caseEnv(c) {
  if (!c.unsetEnv) return ENV;
  const env = { ...ENV };
  for (const name of c.unsetEnv) delete env[name];
  return env;
}

let problems = [];
function check(cond, msg) {
  if (!cond) problems.push(msg);
}

const lastLine = (s) => s.trim().split("\n").pop();

// ---------------------------------------------------------------------------
// Recording one command

async function recordSkeletons(spec) {
  const specs = [
    ...spec.skeletons,
    ...(spec.skeletonSeeds ?? []).map((seed) => ({
      name: `input, random seeded with ${seed}`,
      args: ["--generate-cli-skeleton", "input"],
      seed,
    })),
  ];
  for (const seed of new Set([SKELETON_SEED, ...specs.map((s) => s.seed ?? SKELETON_SEED)])) await makeSeededDir(seed);
  const results = await pool(specs, (s) => runCli(spec.command, s.args, { ...spec, env: seededEnv(s.seed ?? SKELETON_SEED) }));
  const cases = specs.map((s, i) => {
    const r = results[i];
    check(r.requests.length === 0, `${spec.command}: skeleton "${s.name}" sent a request`);
    const entry = { name: s.name, args: s.args };
    if (s.seed !== undefined) entry.seed = s.seed;
    return Object.assign(entry, { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, sent: r.requests.length > 0 });
  });
  const input = results[0];
  check(input.exitCode === 0 && input.stderr === "", `${spec.command}: skeleton input did not succeed cleanly`);
  return { inputText: input.stdout, noValueEqualsInput: results[1].exitCode === 0 && results[1].stdout === input.stdout, cases };
}

async function recordAccepted(spec) {
  const results = await pool(spec.accepted, (c) => runCli(spec.command, c.args, { ...spec, ...c, env: caseEnv(c) }));
  return spec.accepted.map((c, i) => {
    const r = results[i];
    check(r.exitCode === 0, `${spec.command}: accepted case "${c.name}" exited ${r.exitCode}: ${lastLine(r.stderr)}`);
    check(r.requests.length === 1, `${spec.command}: accepted case "${c.name}" sent ${r.requests.length} requests`);
    const req = r.requests[0] ?? null;
    const entry = { name: c.name, args: c.args };
    if (c.note) entry.note = c.note;
    if (c.unsetEnv) entry.unsetEnv = c.unsetEnv;
    entry.exitCode = r.exitCode;
    entry.method = req ? req.method : null;
    entry.path = req ? req.path : null;
    entry.target = req ? req.target : null;
    entry.body = req ? req.body : null;
    entry.region = req ? req.region : null;
    entry.signed = req ? req.signed : null;
    entry.stdout = r.stdout;
    if (c.endpointFirst) entry.endpointUrlBeforeService = true;
    if (c.ignoreStderr) entry.stderr = "<not recorded: --debug log on stderr>";
    else entry.stderr = r.stderr;
    return entry;
  });
}

async function recordRefused(spec, skeletonText) {
  const cases = spec.refused.map((c) => ({ ...c, args: c.args.map((a) => (a === "@SKELETON@" ? skeletonText : a)) }));
  const results = await pool(cases, (c) => runCli(spec.command, c.args, { ...spec, ...c, env: caseEnv(c) }));
  return cases.map((c, i) => {
    const r = results[i];
    check(r.requests.length === 0, `${spec.command}: refused case "${c.name}" sent a request (exit ${r.exitCode})`);
    check(r.exitCode !== 0, `${spec.command}: refused case "${c.name}" exited 0`);
    const entry = { name: c.name, args: c.args };
    if (c.unsetEnv) entry.unsetEnv = c.unsetEnv;
    Object.assign(entry, { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, sent: r.requests.length > 0 });
    if (c.endpointFirst) entry.endpointUrlBeforeService = true;
    return entry;
  });
}

const cannedBody = (resp) => (resp.rawBody !== undefined ? resp.rawBody : JSON.stringify(resp.response));

async function recordOutputs(spec) {
  const { requestArgs, responses, queries, queryFormats = FORMATS } = spec.outputs;
  const jobs = [];
  for (const resp of responses) {
    for (const fmt of FORMATS) jobs.push({ resp, fmt, query: null });
    for (const query of queries) for (const fmt of queryFormats) jobs.push({ resp, fmt, query });
  }
  const results = await pool(jobs, (j) => {
    const args = [...requestArgs, ...outputArgs(j.fmt), ...(j.query === null ? [] : ["--query", j.query])];
    const body = cannedBody(j.resp);
    return runCli(spec.command, args, { respond: () => body });
  });
  const outputs = outputCollector(
    responses.map((r) => ({
      name: r.name,
      response: r.rawBody !== undefined ? null : r.response,
      extra: r.rawBody !== undefined ? { rawBody: r.rawBody, requestArgs } : { requestArgs },
    })),
  );
  jobs.forEach((j, i) => {
    const r = results[i];
    const label = `${spec.command}: output "${j.resp.name}" ${j.fmt}${j.query === null ? "" : ` query ${j.query}`}`;
    check(r.requests.length === 1, `${label} sent ${r.requests.length} requests`);
    if (j.query === null) check(r.exitCode === 0 && r.stderr === "", `${label} failed: ${r.stderr}`);
    outputs.add(j.resp.name, j.fmt, j.query, r);
  });
  return outputs.entries();
}

/** The NextToken printed as JSON on stdout, and what it decodes to when it is a botocore starting token. */
function printedNextToken(stdout) {
  let parsed;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== "object" || typeof parsed.NextToken !== "string") return undefined;
  const token = parsed.NextToken;
  let decoded = null;
  try {
    const text = Buffer.from(token, "base64").toString("utf8");
    if (Buffer.from(text, "utf8").toString("base64") === token) decoded = JSON.parse(text);
  } catch {
    decoded = null;
  }
  return { token, decoded };
}

async function recordPagination(spec) {
  const { cases, respond } = spec.pagination;
  const TOKEN_REF = /^@TOKEN:(.*)@$/;
  const usesToken = (c) => c.args.some((a) => TOKEN_REF.test(a));
  const results = new Map();
  const run = async (c) => {
    const args = c.args.map((a) => {
      const m = TOKEN_REF.exec(a);
      if (!m) return a;
      const from = results.get(m[1]);
      check(
        from?.nextToken !== undefined,
        `${spec.command}: pagination case "${c.name}" needs the NextToken of "${m[1]}", which printed none`,
      );
      return from?.nextToken?.token ?? "<missing>";
    });
    const r = await runCli(spec.command, args, { respond });
    const nextToken = r.exitCode === 0 ? printedNextToken(r.stdout) : undefined;
    results.set(c.name, { args, r, nextToken });
  };
  // First the cases that stand alone, then those resuming from another case's NextToken.
  await pool(
    cases.filter((c) => !usesToken(c)),
    run,
  );
  await pool(cases.filter(usesToken), run);
  return cases.map((c) => {
    const { args, r, nextToken } = results.get(c.name);
    check(
      r.requests.length === c.sends,
      `${spec.command}: pagination case "${c.name}" sent ${r.requests.length} requests, expected ${c.sends}`,
    );
    if (c.sends === 0) check(r.exitCode !== 0, `${spec.command}: pagination case "${c.name}" sent nothing but exited 0`);
    else check(r.exitCode === 0, `${spec.command}: pagination case "${c.name}" exited ${r.exitCode}: ${lastLine(r.stderr)}`);
    const entry = { name: c.name, args };
    if (usesToken(c)) entry.argsFrom = c.args;
    entry.exitCode = r.exitCode;
    entry.requests = r.requests.map((q) => ({ target: q.target, body: q.body, region: q.region, signed: q.signed }));
    entry.stdout = r.stdout;
    entry.stderr = r.stderr;
    if (nextToken) entry.printedNextToken = nextToken;
    return entry;
  });
}

/** `aws cognito-identity COMMAND help` as printed to a pipe, with man's overstrike bold/underline removed. */
async function recordHelp(spec) {
  const r = await runAws(["cognito-identity", spec.command, "help"], { env: ENV, cwd: TMP });
  check(r.exitCode === 0, `${spec.command}: help exited ${r.exitCode}`);
  return r.stdout.replace(/.\x08/g, "");
}

async function recordCommand(spec) {
  const skel = await recordSkeletons(spec);
  const requests = await recordAccepted(spec);
  const refusals = await recordRefused(spec, skel.inputText);
  const outputs = await recordOutputs(spec);
  const pagination = spec.pagination ? await recordPagination(spec) : null;
  const help = await recordHelp(spec);
  for (const [i, o] of [...requests, ...(pagination ?? [])].entries()) {
    const s = JSON.stringify(o);
    check(!s.includes("fake-secret") && !/Signature=/.test(s), `${spec.command}: recorded case ${i} contains a secret`);
  }
  return { spec, skel, requests, refusals, outputs, pagination, help };
}

const pretty = (v) => JSON.stringify(v, null, 2) + "\n";

async function writeCommand(rec) {
  const dir = path.join(OUT_DIR, rec.spec.dir);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "skeleton-input.txt"), rec.skel.inputText);
  await writeFile(
    path.join(dir, "skeleton-output.json"),
    pretty({ noValueEqualsInput: rec.skel.noValueEqualsInput, cases: rec.skel.cases }),
  );
  await writeFile(path.join(dir, "requests.json"), pretty(rec.requests));
  await writeFile(path.join(dir, "refusals.json"), pretty(rec.refusals));
  await writeFile(path.join(dir, "outputs.json"), pretty(rec.outputs));
  await writeFile(path.join(dir, "help.txt"), rec.help);
  if (rec.pagination) {
    const { pages, unknownTokenPage } = rec.spec.pagination;
    await writeFile(path.join(dir, "pagination.json"), pretty({ pages, unknownTokenPage, cases: rec.pagination }));
  }
}

// ---------------------------------------------------------------------------
// README (rebuilt from the fixture files on disk, so that it always describes what is there)

async function versions() {
  const text = await awsVersion({ env: ENV, cwd: TMP });
  const aws = /aws-cli\/(\S+)/.exec(text)?.[1] ?? "unknown";
  const botocore = /botocore\/(\S+)/.exec(text)?.[1] ?? "unknown";
  const python = /Python\/(\S+)/.exec(text)?.[1] ?? "unknown";
  return { aws, botocore, python };
}

async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw e;
  }
}

async function commandSection(spec) {
  const dir = path.join(OUT_DIR, spec.dir);
  const [requests, refusals, outputs, skel, pagination] = await Promise.all(
    ["requests.json", "refusals.json", "outputs.json", "skeleton-output.json", "pagination.json"].map((f) => readJson(path.join(dir, f))),
  );
  const where = spec.dir === "." ? "`test/fixtures/cli/` (directly)" : `\`test/fixtures/cli/${spec.dir}/\``;
  const head = [`### \`${spec.command}\` (${spec.operation})`, ""];
  if (!requests || !refusals || !outputs || !skel)
    return [...head, `Not recorded yet: run \`node scripts/record-cli-fixtures.mjs ${spec.command}\`.`].join("\n");
  const queryFormats = spec.outputs.queryFormats ?? FORMATS;
  const outputRuns = outputs.reduce((n, o) => n + FORMATS.length + o.queries.length, 0);
  const lines = [
    ...head,
    `Files in ${where}. The recorder's default answer: ${spec.respondDescription}.`,
    "",
    `- \`requests.json\`: ${requests.length} cases, ${requests.filter((c) => c.note === SEND_NOTE).length} of them marked \`"${SEND_NOTE}"\`.`,
    `- \`refusals.json\`: ${refusals.length} cases.`,
    `- \`outputs.json\`: ${outputs.length} responses, ${outputRuns} CLI runs; request arguments ` +
      `\`${spec.outputs.requestArgs.join(" ")}\`; each query printed as ${queryFormats.join(", ")}.`,
    `- \`skeleton-input.txt\`; \`skeleton-output.json\`: ${skel.cases.length} runs` +
      `${skel.cases.some((c) => c.seed !== undefined) ? " (including `input` with other random seeds)" : ""}; ` +
      `bare \`--generate-cli-skeleton\` prints the same as \`input\`: ${skel.noValueEqualsInput}.`,
    "- `help.txt`: the reference page.",
  ];
  if (pagination) lines.push(`- \`pagination.json\`: ${pagination.cases.length} cases (see "Pagination" below).`);
  return lines.join("\n");
}

async function readme(v) {
  const sections = await Promise.all(SPECS.map(commandSection));
  return `# AWS CLI fixtures for the commands of \`aws cognito-identity\`

Recorded from the real AWS CLI v1 by \`scripts/record-cli-fixtures.mjs\` (command lines and
canned answers in \`scripts/cli-fixture-cases/<command>.mjs\`).
**Do not edit these files by hand**: change the script and regenerate.

    node scripts/record-cli-fixtures.mjs              # every command
    node scripts/record-cli-fixtures.mjs list-identity-pools   # only the commands named

Last recorded with aws-cli ${v.aws}, botocore ${v.botocore}, Python ${v.python}.

Commands: ${SPECS.map((s) => `\`${s.command}\``).join(", ")}. \`create-identity-pool\`'s
files sit directly in \`test/fixtures/cli/\`; every other command has its own directory
\`test/fixtures/cli/<command>/\` holding files of the same names and layout.

## How

For every case the script starts a loopback HTTP recorder on 127.0.0.1 (random
port) and runs

    aws cognito-identity COMMAND ARGS --endpoint-url http://127.0.0.1:PORT

with \`execFile\` (no shell) and a clean environment: \`PATH\`,
\`AWS_ACCESS_KEY_ID=AKIAFAKEFAKEFAKE\`, \`AWS_SECRET_ACCESS_KEY=fake-secret\`,
\`AWS_DEFAULT_REGION=us-east-1\`, \`AWS_CONFIG_FILE\` and
\`AWS_SHARED_CREDENTIALS_FILE\` pointing at empty temp files, \`AWS_PAGER=""\`,
and \`HOME\` set to an empty temp directory (so nothing under the real
\`~/.aws\` is read). The working directory is that temp directory.
Each run also gets \`AWS_EXECUTION_ENV=record-cli-fixtures-<uuid>\`, which
botocore only appends to its User-Agent (\`exec-env/...\`): the recorder
ignores (404, not recorded) any request without that run's value, so stray
connections from other processes to a reused port cannot pollute a case.

\`--generate-cli-skeleton\` runs also get \`PYTHONPATH\` at a temp directory whose
\`sitecustomize.py\` calls \`random.seed(${SKELETON_SEED})\` (or the case's \`seed\`): botocore fills
every enum member of an input skeleton with \`random.choice\` of its values, so without a seed
\`set-identity-pool-roles\`'s skeleton changes from run to run (see its \`input, random seeded
with N\` cases). Commands without enum members print the same skeleton whatever the seed.

Cases with \`unsetEnv\` run without the environment variables it names (e.g.
\`["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]\`: no credentials anywhere, or
\`["AWS_DEFAULT_REGION"]\`: no region but a \`--region\` option); everything else as above.

Cases marked \`endpointUrlBeforeService: true\` instead run
\`aws --endpoint-url URL cognito-identity COMMAND ARGS\`, so that
ARGS really ends the command line (a flag missing its value at the end).

The recorder answers 200 \`application/x-amz-json-1.1\` with the command's default answer
(listed per command below), or, for \`outputs.json\`, with the canned \`response\` shown there
(\`rawBody\` when the body is given literally, e.g. empty, or with a timestamp spelled as
\`JSON.stringify\` would not write it, like \`1700000000.0\` or \`1.7e9\`), or, for \`pagination.json\`, with the
page for the request's \`NextToken\`.
It records method, path, \`X-Amz-Target\`, the parsed JSON body, whether an
\`Authorization\` header was present (\`signed\`) and the region of its SigV4
credential scope (\`region\`). The Authorization header itself is never stored.

Run-specific strings are replaced by placeholders in stdout/stderr:
\`127.0.0.1:<PORT>\` for the recorder's port and \`<TMP>\` for the temp
directory. The \`--debug\` cases' stderr (a timestamped log) is not recorded.

## Files (per command)

- \`skeleton-input.txt\`: exact stdout of \`--generate-cli-skeleton input\` (seeded as above).
- \`skeleton-output.json\`: every \`--generate-cli-skeleton\` run (\`input\`, the bare flag,
  \`output\` with and without the required parameters, a bogus value), as
  \`{ noValueEqualsInput, cases: [{ name, args, seed?, exitCode, stdout, stderr, sent }] }\`;
  \`noValueEqualsInput\` says whether the bare flag prints the same text as \`input\`; \`seed\`
  appears on runs seeded with another value than ${SKELETON_SEED}.
- \`requests.json\`: command lines the CLI accepts, with the request
  it sent and what it printed. \`note: "${SEND_NOTE}"\` marks inputs
  the CLI sends although the service's own constraints (max length, pattern,
  enum, map or list size, reserved tag prefix) would reject them: botocore's
  parameter validation checks only required members, types, unknown keys and
  minimum lengths/sizes.
- \`refusals.json\`: command lines the CLI refuses without sending
  anything (\`sent: false\` is asserted by the script).
- \`outputs.json\`: how canned responses are printed with \`--output json|text|table\`
  (table with \`--color off\`) and with \`--query\`.
- \`help.txt\`: \`aws cognito-identity COMMAND help\` as printed to a pipe, with the
  man page's overstrike bold/underline (\`X\\bX\`, \`_\\bX\`) removed.
- \`pagination.json\` (\`list-identity-pools\` only): see "Pagination".

## Fields

- \`args\`: the argv items after the command word, exactly as passed to the
  CLI (no shell), without \`--endpoint-url\`.
- \`requests.json\`: \`name\`, \`args\`, \`note\` (optional), \`unsetEnv\` (optional), \`exitCode\`, \`method\`, \`path\`,
  \`target\` (X-Amz-Target), \`body\` (parsed JSON, in the key order the CLI sent; \`null\`
  for an empty body), \`region\` (from the SigV4 credential scope; \`null\` when unsigned),
  \`signed\`, \`stdout\`, \`stderr\`, \`endpointUrlBeforeService\` (optional).
  GetId, GetCredentialsForIdentity, GetOpenIdToken and UnlinkIdentity are \`authtype: none\` in
  botocore's model: the CLI sends them without an \`Authorization\` header (\`signed: false\`,
  \`region: null\`) whatever \`--region\` says.
  The script fails if any of these cases exits non-zero or does not send
  exactly one request.
- \`refusals.json\`: \`name\`, \`args\`, \`unsetEnv\` (optional), \`exitCode\`, \`stdout\`, \`stderr\` (byte-exact, including the
  CLI's usage banner and its \`\\r\`), \`sent\` (always \`false\`; the script
  fails if the recorder saw a request or the CLI exited 0), \`endpointUrlBeforeService\`
  (optional). An \`args\` item that is the input skeleton is the exact text of
  \`skeleton-input.txt\`.
- \`outputs.json\`: \`[{ name, response, rawBody?, requestArgs, json, text, table, queries }]\`:
  \`response\` is the canned answer (\`null\` when \`rawBody\`, the literal HTTP body, is given
  instead), \`requestArgs\` the arguments of every run (plus the output/query options),
  \`json\`/\`text\`/\`table\` the stdout of each format, \`queries\` one
  \`{ query, output, stdout, exitCode?, stderr? }\` per query and format; \`exitCode\` and
  \`stderr\` appear only when that run failed or wrote to stderr. The script fails if a
  run without \`--query\` fails or writes to stderr, or any run does not send exactly one request.
  Timestamps (\`CreationDate\`, \`LastModifiedDate\`, \`Credentials.Expiration\`) are printed as
  they came over the wire (CLI v1's default \`cli_timestamp_format\` \`wire\`) after Python's JSON
  parse: \`1700000000\` stays \`1700000000\`, \`1700000000.123\` stays \`1700000000.123\`,
  \`1.7e9\` and \`1700000000.0\` print \`1700000000.0\`, a string prints as the string.

## Commands

${sections.join("\n\n")}

## Pagination (\`list-identity-pools/pagination.json\`)

ListIdentityPools is paginated in botocore (\`input_token\` NextToken, \`limit_key\`
MaxResults, \`result_key\` IdentityPools). \`pagination.json\` is
\`{ pages, unknownTokenPage, cases }\`: the recorder answers a request with the
\`response\` of the page whose \`nextToken\` equals the request's \`NextToken\` (\`null\`: no
\`NextToken\` in the request), and with \`unknownTokenPage\` for any other token, whatever
\`MaxResults\` says. Each case: \`name\`, \`args\` (as run), \`argsFrom\` (only when \`args\`
took the NextToken another case printed: \`@TOKEN:<case name>@\` marks where), \`exitCode\`,
\`requests\` (every request in order: \`{ target, body, region, signed }\`), \`stdout\`,
\`stderr\`, and \`printedNextToken\` when the JSON printed has a \`NextToken\`:
\`{ token, decoded }\`, \`decoded\` being the token's base64-decoded JSON (botocore's
starting-token format, e.g. \`{"NextToken": "t1", "boto_truncate_amount": 1}\`) or \`null\`
when it is not one (the service's own token). The script checks the number of requests each case
sends (a case sending none must exit non-zero, any other must exit 0).
`;
}

// ---------------------------------------------------------------------------

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((c) => !SPECS.some((s) => s.command === c));
  if (unknown.length) throw new Error(`unknown command(s): ${unknown.join(", ")}`);
  const specs = only.length ? SPECS.filter((s) => only.includes(s.command)) : SPECS;

  const sandbox = await createAwsSandbox("record-cli-fixtures");
  TMP = sandbox.dir;
  ENV = sandbox.env;
  try {
    const v = await versions();
    let failed = 0;
    // A command's fixtures are written only when all of its expectations hold.
    for (const spec of specs) {
      problems = [];
      const rec = await recordCommand(spec);
      if (problems.length) {
        failed++;
        console.error(`record-cli-fixtures: ${spec.command}: ${problems.length} expectation(s) failed; its fixtures NOT written:`);
        for (const p of problems) console.error(`  - ${p}`);
        continue;
      }
      await writeCommand(rec);
      console.log(
        `record-cli-fixtures: ${spec.command}: ${rec.requests.length} accepted, ${rec.refusals.length} refused, ` +
          `${rec.outputs.length} output responses, ${rec.skel.cases.length} skeleton runs` +
          (rec.pagination ? `, ${rec.pagination.length} pagination cases` : ""),
      );
    }
    await writeFile(path.join(OUT_DIR, "README.md"), await readme(v));
    if (foreignRequests) console.error(`record-cli-fixtures: ignored ${foreignRequests} request(s) from other processes`);
    console.log(`record-cli-fixtures: aws-cli ${v.aws} botocore ${v.botocore}`);
    if (failed) process.exitCode = 1;
  } finally {
    await sandbox.remove();
  }
}

await main();
