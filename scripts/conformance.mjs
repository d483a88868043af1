#!/usr/bin/env node
/**
 * Runs the official MCP conformance suite against the built server over Streamable HTTP.
 * Usage: npm run build && node scripts/conformance.mjs [extra `conformance server` flags]
 *
 * The suite's client cannot send an Authorization header, so the server runs on loopback
 * with requireToken: false (serveHttp refuses that anywhere else). Host/Origin checks stay on.
 * Scenarios that need the suite's own reference tools, resources or prompts are listed, with
 * the reason, in conformance/baseline.yml; the suite fails on any other failure and on any
 * baseline entry that starts passing.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const suite = "@modelcontextprotocol/conformance@0.1.16";
const root = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(`${root}dist/transports/http.js`)) {
  console.error("dist/ is missing or stale: run `npm run build` first.");
  process.exit(2);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { createServer } = await import(`${root}dist/server.js`);
const { serveHttp } = await import(`${root}dist/transports/http.js`);

// Session errors the suite provokes on purpose (its rebinding probe, say) are noise here.
const quiet = () => {};
const handle = await serveHttp(() => createServer({}), { host: "127.0.0.1", port: 0, requireToken: false }, quiet);
console.error(`conformance: server on ${handle.url}`);

const started = Date.now();
// The suite needs Node 22; npx provides it without touching the Node that runs the server.
const child = spawn(
  "npx",
  [
    "-y",
    "-p",
    "node@22",
    "-p",
    suite,
    "-c",
    `conformance server --url ${handle.url} --expected-failures conformance/baseline.yml ${process.argv.slice(2).join(" ")}`,
  ],
  { cwd: root, stdio: "inherit" },
);
const code = await new Promise((resolve) => child.on("exit", (status, signal) => resolve(status ?? (signal ? 1 : 0))));
await handle.close();
console.error(`conformance: ${suite} finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
process.exit(code);
