// Shared by the scripts that record what the real AWS CLI v1 does:
//   scripts/record-cli-fixtures.mjs, scripts/record-render-fixtures.mjs,
//   test/fixtures/cli-args/record-observations.mjs
//
// - startLoopbackServer: an HTTP server on 127.0.0.1 (random port) that the CLI is pointed at
//   with --endpoint-url; it answers every request as the caller says and stops cleanly.
// - createAwsSandbox: a temp directory with an empty HOME and empty config/credentials files,
//   and the clean environment the CLI runs with (fake keys, us-east-1, no pager).
// - runAws: runs `aws` with execFile (no shell) and resolves with exit code, stdout and stderr.
//
// Plain Node 20 ESM, no dependencies.

import { execFile } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";

/** The pool id the recorders answer with. */
export const POOL_ID = "us-east-1:11111111-2222-3333-4444-555555555555";

/** Response headers of a Cognito Identity (awsJson1.1) answer. */
export const AWS_JSON_HEADERS = { "Content-Type": "application/x-amz-json-1.1" };

/**
 * Starts a loopback server. `respond({ method, url, headers, raw })` is called once a request's
 * body (`raw`, UTF-8) has arrived, and returns `{ status = 200, headers = {}, body = "" }`;
 * Content-Length is always set. Resolves with `{ port, url, stop }`.
 */
export async function startLoopbackServer(respond) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const reply = respond({ method: req.method, url: req.url, headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") });
      const body = reply.body ?? "";
      res.writeHead(reply.status ?? 200, { ...reply.headers, "Content-Length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const port = server.address().port;
  const stop = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { port, url: `http://127.0.0.1:${port}`, stop };
}

/**
 * Makes a temp directory (`dir`, named after `prefix`) holding an empty `home/` and empty
 * `config` and `credentials` files, and the environment to run the CLI in: only PATH from this
 * process, fake keys, region us-east-1, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE at those
 * files, HOME at that directory (so nothing under the real ~/.aws is read) and no pager.
 * Resolves with `{ dir, env, remove }`.
 */
export async function createAwsSandbox(prefix) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  const home = path.join(dir, "home");
  const config = path.join(dir, "config");
  const credentials = path.join(dir, "credentials");
  await mkdir(home);
  await writeFile(config, "");
  await writeFile(credentials, "");
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: home,
    AWS_ACCESS_KEY_ID: "AKIAFAKEFAKEFAKE",
    AWS_SECRET_ACCESS_KEY: "fake-secret",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_PAGER: "",
  };
  return { dir, env, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs `aws argv` in `cwd` with exactly `env`; rejects only when aws could not run at all. */
export function runAws(argv, { env, cwd }) {
  return new Promise((resolve, reject) => {
    execFile("aws", argv, { env, cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== "number") return reject(new Error(`aws did not run: ${err.message} (signal ${err.signal})`));
      resolve({ exitCode: err ? err.code : 0, stdout, stderr });
    });
  });
}

/** What `aws --version` prints (trimmed), e.g. "aws-cli/1.45.11 Python/3.11.7 ... botocore/1.43.11". */
export async function awsVersion(options) {
  const r = await runAws(["--version"], options);
  return (r.stdout + r.stderr).trim();
}

/** Maps `fn(item, index)` over `items`, at most `concurrency` at a time; results in input order. */
export async function mapConcurrent(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** The CLI options choosing an output format: table and an explicit --color as given, by default off. */
export function outputArgs(format, color) {
  const args = ["--output", format];
  if (color !== undefined) args.push("--color", color);
  else if (format === "table") args.push("--color", "off");
  return args;
}

/**
 * Collects the runs of responses under several formats and queries into the fixture layout
 *   [{ name, response, ...extra, json, text, table, queries: [{ query, output, stdout, exitCode?, stderr? }] }]
 * for `cases` ({ name, response, extra? }). `add(name, format, query, result)` takes one run
 * (query null for the plain response); a query run keeps exitCode and stderr only when it failed
 * or wrote to stderr. Checking the plain runs is the caller's business.
 */
export function outputCollector(cases) {
  const byName = new Map(
    cases.map((c) => [c.name, { name: c.name, response: c.response, ...c.extra, json: null, text: null, table: null, queries: [] }]),
  );
  return {
    add(name, format, query, r) {
      const entry = byName.get(name);
      if (query === null) {
        entry[format] = r.stdout;
        return;
      }
      const q = { query, output: format, stdout: r.stdout };
      if (r.exitCode !== 0 || r.stderr !== "") Object.assign(q, { exitCode: r.exitCode, stderr: r.stderr });
      entry.queries.push(q);
    },
    entry: (name) => byName.get(name),
    entries: () => [...byName.values()],
  };
}
