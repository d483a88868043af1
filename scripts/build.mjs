#!/usr/bin/env node
/**
 * `npm run build`: src/ → dist/, bundled with esbuild (types are checked by `npm run typecheck`,
 * which `npm test` runs first). A bundle starts faster than hundreds of files from node_modules,
 * and the published package needs no build step.
 *
 * dist/index.js is the bin; dist/server.js and dist/transports/http.js can be imported too
 * (scripts/conformance.mjs). What only a call needs (its code, the AWS SDK, Ajv), the HTTP
 * transport and the sandbox are chunks loaded on demand: the build fails if start-up loads any of
 * them, or if every call loads what only some need (YAML, JMESPath). The tools' JSON Schemas are computed here, by the sources' own function.
 */
import { build } from "esbuild";
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleOptions, sdkAjvStub } from "./lib/bundle-options.mjs";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const dist = path.join(root, "dist");
const quiet = process.argv.includes("--quiet");
/** Remove every file of earlier builds at once (`npm pack` / `npm publish` run it through prepack). */
const clean = process.argv.includes("--clean");
/** How long chunks of an earlier build are kept: a server started from it may still import its lazy chunks. */
const staleChunkGraceMs = 10 * 60_000;
const isSource = (file) => file.startsWith(path.join(root, "src") + path.sep);

/** esbuild options shared with the bench's floor server (scripts/lib/bundle-options.mjs). */
const options = bundleOptions(root);

/** `import { z }` keeps all of zod (738 KB); `import * as z` lets esbuild keep what is used (166 KB). */
const zodNamespace = {
  name: "zod-namespace-import",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path: file }) =>
      isSource(file)
        ? { contents: (await readFile(file, "utf8")).replaceAll('import { z } from "zod";', 'import * as z from "zod";'), loader: "ts" }
        : undefined,
    );
  },
};

/** Every tool's JSON Schemas, computed by the sources' own function (bundled to a temporary module, dependencies external). */
async function toolJsonSchemas() {
  const tmp = path.join(root, "node_modules", ".cache", "cognito-identity-mcp-build", String(process.pid));
  await mkdir(tmp, { recursive: true });
  try {
    await build({
      ...options,
      entryPoints: { schemas: path.join(root, "src", "call", "schemas.ts") },
      outdir: tmp,
      outExtension: { ".js": ".mjs" },
      splitting: false,
      packages: "external",
    });
    const sources = await import(pathToFileURL(path.join(tmp, "schemas.mjs")).href);
    return sources.everyToolJsonSchemas();
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Writes the build into dist/ file by file (each written aside, then renamed over the old one),
 * so that a server or test starting meanwhile never reads a half-written file, then removes
 * what earlier builds left (their chunks after a grace period, see staleChunkGraceMs).
 */
async function writeOutputs(outputFiles) {
  const written = new Set();
  for (const file of outputFiles) {
    await mkdir(path.dirname(file.path), { recursive: true });
    const aside = `${file.path}.${process.pid}.tmp`;
    await writeFile(aside, file.contents);
    await rename(aside, file.path);
    written.add(file.path);
  }
  const now = Date.now();
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (written.has(file) || file.endsWith(".tmp")) continue;
    const isChunk = path.dirname(file) === path.join(dist, "chunks");
    if (clean || !isChunk || now - (await stat(file)).mtimeMs > staleChunkGraceMs) await rm(file, { force: true });
  }
  for (const entry of await readdir(dist, { withFileTypes: true }))
    if (entry.isDirectory() && (await readdir(path.join(dist, entry.name), { recursive: true })).length === 0)
      await rm(path.join(dist, entry.name), { recursive: true, force: true });
}

/** What start-up must not load: each is a dynamic import away, loaded when a call or a flag needs it. */
const notAtStartup = [
  [/node_modules[\\/](@aws-sdk|@smithy)[\\/]/, "the AWS SDK"],
  [/node_modules[\\/](ajv|ajv-formats|fast-uri)[\\/]|node_modules[\\/]@modelcontextprotocol[\\/]server[\\/]dist[\\/]ajvProvider/, "Ajv"],
  [/node_modules[\\/]@jmespath-community[\\/]/, "JMESPath"],
  [/node_modules[\\/]yaml[\\/]/, "YAML"],
  [/node_modules[\\/]@hono[\\/]|node_modules[\\/]@modelcontextprotocol[\\/]node[\\/]|^src[\\/]transports[\\/]http/, "the HTTP transport"],
  // Four small exceptions: the shared types (src/operation/types.ts); the change report
  // (src/operation/changes.ts, 70 lines) and the quoting of values (src/operation/inert.ts, 20
  // lines), which the tools' and effects' words at start-up need; and src/aws/redact.ts, which
  // masks secrets in any error.
  [
    /^src[\\/](cli|sandbox)[\\/]|^src[\\/]operation[\\/](?!types\.ts|changes\.ts|inert\.ts)|^src[\\/]aws[\\/](?!redact\.ts)|^src[\\/]call[\\/]/,
    "the tools' calls or the sandbox",
  ],
];

/** Static imports reachable from an output file: what loading it loads before running anything. */
function staticGraph(metafile, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { path: imported, kind } of metafile.outputs[file]?.imports ?? [])
      if (kind === "import-statement" && imported in metafile.outputs) visit(imported);
  };
  visit(entry);
  return [...seen];
}

const started = performance.now();
const result = await build({
  ...options,
  entryPoints: { index: "src/index.ts", server: "src/server.ts", "transports/http": "src/transports/http.ts" },
  outdir: "dist",
  define: { __TOOL_JSON_SCHEMAS__: JSON.stringify(JSON.stringify(await toolJsonSchemas())) },
  plugins: [zodNamespace, sdkAjvStub],
  metafile: true,
  write: false,
}).catch(() => process.exit(1));

/** What every call loads (the call code and its static imports) must not include what only some calls need: src/operation/libraries.ts loads it. */
const notWithEveryCall = [
  [/node_modules[\\/]yaml[\\/]/, "YAML"],
  [/node_modules[\\/]@jmespath-community[\\/]/, "JMESPath"],
];

const { metafile } = result;
const problems = new Map();
const callCode = Object.keys(metafile.outputs).find((file) => metafile.outputs[file].entryPoint === "src/call/run.ts");
if (!callCode) problems.set("call code", "the call code (src/call/run.ts) is no longer a chunk of its own: update this check");
for (const [entry, patterns, who] of [
  ["dist/index.js", notAtStartup, "start-up"],
  [callCode, notWithEveryCall, "every call"],
])
  for (const file of entry ? staticGraph(metafile, entry) : [])
    for (const input of Object.keys(metafile.outputs[file].inputs))
      for (const [pattern, what] of patterns)
        if (pattern.test(input) && !problems.has(what)) problems.set(what, `${who} loads ${what} (${input} in ${file})`);
if (problems.size) {
  console.error(`build: these must be dynamic imports:\n  ${[...problems.values()].join("\n  ")}`);
  process.exit(1);
}
await writeOutputs(result.outputFiles);
await chmod(path.join(dist, "index.js"), 0o755);
if (!quiet) {
  const files = Object.keys(metafile.outputs).filter((f) => f.endsWith(".js"));
  const kb = (list) => (list.reduce((sum, f) => sum + metafile.outputs[f].bytes, 0) / 1024).toFixed(0);
  console.error(
    `build: dist/ in ${(performance.now() - started).toFixed(0)} ms, ${files.length} files, ${kb(files)} KB; start-up loads ${kb(staticGraph(metafile, "dist/index.js"))} KB`,
  );
}
