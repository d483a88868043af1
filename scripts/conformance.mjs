#!/usr/bin/env node
/**
 * Runs the official MCP conformance suite against the built server over Streamable HTTP, twice:
 * its 2025-era server scenarios (0.1.16), and the scenarios MCP 2026-07-28 requires (0.2.0-alpha.12,
 * `--requirements 2026-07-28`), each pinned, each with its own baseline.
 * Usage: npm run build && node scripts/conformance.mjs [extra `conformance server` flags]
 *
 * The suite's client cannot send an Authorization header, so the server runs on loopback
 * with requireToken: false (serveHttp refuses that anywhere else). Host/Origin checks stay on.
 * Scenarios that need the suite's own reference tools, resources or prompts are listed, with
 * the reason, in conformance/baseline.yml and conformance/baseline-2026-07-28.yml; the suite
 * fails on any other failure and on any baseline entry that starts passing.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const runs = [
  { suite: "@modelcontextprotocol/conformance@0.1.16", flags: "--expected-failures conformance/baseline.yml" },
  {
    suite: "@modelcontextprotocol/conformance@0.2.0-alpha.12",
    flags: "--requirements 2026-07-28 --expected-failures conformance/baseline-2026-07-28.yml",
  },
];
const root = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(`${root}dist/transports/http.js`)) {
  console.error("dist/ is missing or stale: run `npm run build` first.");
  process.exit(2);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { serverFactory } = await import(`${root}dist/server.js`);
const { serveHttp } = await import(`${root}dist/transports/http.js`);

// Session errors the suite provokes on purpose (its rebinding probe, say) are noise here.
const quiet = () => {};
const handle = await serveHttp(serverFactory({}), { host: "127.0.0.1", port: 0, requireToken: false }, quiet);
console.error(`conformance: server on ${handle.url}`);

let failed = 0;
for (const { suite, flags } of runs) {
  const started = Date.now();
  // The suite needs Node 22; npx provides it without touching the Node that runs the server.
  const child = spawn(
    "npx",
    ["-y", "-p", "node@22", "-p", suite, "-c", `conformance server --url ${handle.url} ${flags} ${process.argv.slice(2).join(" ")}`],
    { cwd: root, stdio: "inherit" },
  );
  const code = await new Promise((resolve) => child.on("exit", (status, signal) => resolve(status ?? (signal ? 1 : 0))));
  console.error(`conformance: ${suite} finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
  if (code !== 0) failed++;
}
await handle.close();
process.exit(failed ? 1 : 0);
