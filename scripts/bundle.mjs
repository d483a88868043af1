#!/usr/bin/env node
/**
 * `npm run bundle [-- --out FILE]`: the MCP Bundle (.mcpb) for Claude Desktop and other hosts.
 *
 * Made from what `npm pack` puts in the npm package (dist/, README.md, LICENSE, package.json),
 * plus manifest.json with package.json's version, then packed and validated by mcpb itself.
 * dist/ is an esbuild bundle that already holds every production dependency, so the .mcpb
 * needs no node_modules and no install: the host runs dist/index.js with its own Node.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** The mcpb CLI, pinned so that npx finds it in its cache (test/packaging.test.ts pins the same and checks this line). */
const mcpb = "@anthropic-ai/mcpb@2.1.2";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const { values } = parseArgs({ options: { out: { type: "string" } } });
const out = path.resolve(values.out ?? path.join(root, `${pkg.name}-${pkg.version}.mcpb`));
const shell = process.platform === "win32";
const run = (command, args, cwd) => execFileSync(command, args, { cwd, shell, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

const staging = mkdtempSync(path.join(tmpdir(), "cognito-identity-mcp-bundle-"));
try {
  // npm pack runs prepack (a clean build) and applies package.json's "files": the same files the npm package has.
  const [{ filename }] = JSON.parse(run("npm", ["pack", "--json", "--silent", "--pack-destination", staging], root));
  run("tar", ["-xzf", path.join(staging, filename), "-C", staging], root);
  const dir = path.join(staging, "package");
  const manifest = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8"));
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ ...manifest, version: pkg.version }, null, 2) + "\n");
  run("npx", ["-y", mcpb, "validate", path.join(dir, "manifest.json")], root);
  run("npx", ["-y", mcpb, "pack", dir, out], root);
  console.error(`bundle: ${path.relative(process.cwd(), out) || out} (${(statSync(out).size / 1024).toFixed(0)} KB)`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
