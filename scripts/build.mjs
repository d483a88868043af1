#!/usr/bin/env node
/**
 * `npm run build`: src/ → dist/ with esbuild (types are checked by `npm run typecheck`, which
 * `npm test` runs first).
 *
 * Start-up is what an MCP client waits for, so the build keeps it small (issue 8, bench/):
 * - dist/index.js (the bin) is one CommonJS file (dist/package.json says so) holding only the
 *   config, the tool's definition, our stdio transport and the early handshake
 *   (src/handshake.ts), which answers initialize and tools/list without the MCP SDK or zod. An ES
 *   module entry would make Node set up its module loader first, and with the V8 flags it is
 *   launched with (README, `npm start`) each built-in module loaded is compiled without Node's
 *   code cache.
 * - Everything else is ES modules (.mjs) with code splitting, imported by the bin when first
 *   needed: dist/server.mjs (the SDK's Server; the tool's call code, the AWS SDK and Ajv are
 *   chunks it loads later), dist/transports/http.mjs and dist/sandbox/server.mjs. The build
 *   fails if the bin imports anything else dynamically, or if the bin or dist/server.mjs (loaded
 *   in every stdio session once the tools are listed) loads a lazy part statically.
 * - The SDK's protocol versions are put into the bin as a constant, so the early handshake
 *   negotiates exactly as the installed SDK does.
 * - The tool's JSON Schemas are converted from its zod schemas here, by the same function the
 *   sources use (toolJsonSchemas() in src/tools/create-identity-pool-call.ts), and put into
 *   the bundle as a constant: tools/list no longer converts them, nor loads the zod schemas.
 * dist/server.mjs and dist/transports/http.mjs are importable (scripts/conformance.mjs).
 */
import { build } from "esbuild";
import { sharedBundleOptions } from "./lib/esbuild-options.mjs";
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const dist = path.join(root, "dist");
const quiet = process.argv.includes("--quiet");
/** Remove every file of earlier builds at once (`npm pack` / `npm publish` run it through prepack). */
const clean = process.argv.includes("--clean");
/** How long chunks of an earlier build are kept: a server started from it may still import its lazy chunks. */
const staleChunkGraceMs = 10 * 60_000;
const isSource = (file) => file.startsWith(path.join(root, "src") + path.sep);

/**
 * `import { z } from "zod"` makes esbuild keep zod's whole namespace (every locale, the JSON
 * Schema importer …: 738 KB); `import * as z` is the same object to the code, and lets esbuild
 * keep only what is used (166 KB). Rewritten here so the sources keep zod's documented form.
 */
const zodNamespace = {
  name: "zod-namespace-import",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path: file }) =>
      isSource(file) ? { contents: (await readFile(file, "utf8")).replaceAll('import { z } from "zod";', 'import * as z from "zod";'), loader: "ts" } : undefined,
    );
  },
};

/**
 * The SDK's Server imports its Ajv validator statically and builds one (Ajv plus its formats)
 * per Server unless given `jsonSchemaValidator`. src/server.ts always gives one, which imports
 * Ajv on the first elicitation; this stub keeps the static import from loading it at start-up.
 */
const sdkAjvStub = {
  name: "sdk-server-ajv-stub",
  setup(b) {
    b.onResolve({ filter: /validation\/ajv-provider\.js$/ }, ({ importer }) =>
      /@modelcontextprotocol[\\/]sdk[\\/]dist[\\/]esm[\\/]server[\\/]index\.js$/.test(importer) ? { path: "ajv-provider-stub", namespace: "stub" } : undefined,
    );
    b.onLoad({ filter: /^ajv-provider-stub$/, namespace: "stub" }, () => ({
      contents: `export class AjvJsonSchemaValidator {
  constructor() { throw new Error("cognito-identity-mcp's bundle leaves Ajv out of start-up: create the SDK's Server with a jsonSchemaValidator (src/server.ts does)"); }
}`,
      loader: "js",
    }));
  },
};

/**
 * With code splitting, esbuild turns `await import("a CommonJS package")` into an import of a
 * chunk that only has a default export, where Node would also give the named exports (its
 * cjs-module-lexer finds them). For the CommonJS packages src/ imports dynamically, the import
 * goes through a module that names each export Node finds, read from the installed package.
 */
async function cjsDynamicImports(packages) {
  const names = new Map();
  for (const name of packages) {
    const exported = Object.keys(await import(name)).filter((key) => key !== "default" && /^[A-Za-z_$][\w$]*$/.test(key));
    names.set(name, exported);
  }
  return {
    name: "cjs-dynamic-imports",
    setup(b) {
      b.onResolve({ filter: /^[@a-z]/ }, ({ path, kind, importer }) =>
        kind === "dynamic-import" && names.has(path) && isSource(importer) ? { path, namespace: "cjs-named-exports" } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "cjs-named-exports" }, ({ path }) => ({
        contents: `import * as m from ${JSON.stringify(path)};\nexport default m.default;\nexport const { ${names.get(path).join(", ")} } = m;\n`,
        resolveDir: root,
        loader: "js",
      }));
    },
  };
}


/** The tool's JSON Schemas, computed by the sources' own function (bundled to a temporary module, dependencies external). */
async function toolJsonSchemas() {
  const tmp = path.join(root, "node_modules", ".cache", "cognito-identity-mcp-build", String(process.pid));
  await mkdir(tmp, { recursive: true });
  try {
    await build({
      entryPoints: { schemas: path.join(root, "src", "tools", "create-identity-pool-call.ts") },
      outdir: tmp,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      logLevel: "warning",
    });
    const { toolJsonSchemas } = await import(pathToFileURL(path.join(tmp, "schemas.mjs")).href);
    return toolJsonSchemas();
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
  // Folders only earlier builds (tsc's output) had.
  for (const entry of await readdir(dist, { withFileTypes: true }))
    if (entry.isDirectory() && (await readdir(path.join(dist, entry.name), { recursive: true })).length === 0) await rm(path.join(dist, entry.name), { recursive: true, force: true });
}

/** What each module must not load before it runs: each is a dynamic import away. */
const notAtStartup = [
  [/node_modules[\\/](@aws-sdk|@smithy)[\\/]/, "the AWS SDK"],
  [/node_modules[\\/](ajv|ajv-formats|fast-uri)[\\/]/, "Ajv"],
  [/node_modules[\\/]@jmespath-community[\\/]/, "JMESPath"],
  [/node_modules[\\/]@hono[\\/]|sdk[\\/]dist[\\/]esm[\\/]server[\\/]streamableHttp/, "the HTTP transport"],
  // src/aws/redact.ts is the exception: plain code that masks secrets in any error the server reports.
  [/^src[\\/](operation|cli|sandbox)[\\/]|^src[\\/]aws[\\/](?!redact\.ts)|^src[\\/]transports[\\/]http|^src[\\/]connection\.ts|create-identity-pool-call\.ts/, "the tool's call and the sandbox"],
];
const lazyOnly = {
  "dist/index.js": [
    [/node_modules[\\/]@modelcontextprotocol[\\/]sdk[\\/]/, "the MCP SDK (the handshake is answered without it: src/handshake.ts)"],
    [/node_modules[\\/]zod[\\/]/, "zod"],
    ...notAtStartup,
  ],
  "dist/server.mjs": notAtStartup,
};

/** Static imports reachable from an output file: what loading it loads before running anything. */
function staticGraph(metafile, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { path, kind } of metafile.outputs[file]?.imports ?? []) if (kind === "import-statement" && path in metafile.outputs) visit(path);
  };
  visit(entry);
  return [...seen];
}

/** The ES modules the bin imports when it needs them; the bin's import() of their sources becomes an import() of these. */
const esmEntries = { server: "src/server.ts", "transports/http": "src/transports/http.ts", "sandbox/server": "src/sandbox/server.ts" };
const esmEntryOf = new Map(Object.entries(esmEntries).map(([out, source]) => [path.join(root, source), `./${out}.mjs`]));

/**
 * In the bin, each dynamic import stays an import() of the ES module built from its source; one
 * with no such module would bundle lazy code into start-up, so the build fails on it.
 */
const binImportsEsm = {
  name: "bin-imports-esm",
  setup(b) {
    b.onResolve({ filter: /.*/ }, ({ path: spec, kind, resolveDir }) => {
      if (kind !== "dynamic-import") return undefined;
      const target = spec.startsWith(".") ? esmEntryOf.get(path.resolve(resolveDir, spec).replace(/\.js$/, ".ts")) : undefined;
      return target ? { path: target, external: true } : { errors: [{ text: `the bin imports ${spec} dynamically, which is not one of its ES module entries (${Object.values(esmEntries).join(", ")})` }] };
    });
  },
};

const started = performance.now();
const schemas = await toolJsonSchemas();
const { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } = await import("@modelcontextprotocol/sdk/types.js");
const protocolVersions = { latest: LATEST_PROTOCOL_VERSION, supported: SUPPORTED_PROTOCOL_VERSIONS };
const define = {
  __TOOL_JSON_SCHEMAS__: JSON.stringify(JSON.stringify(schemas)),
  __MCP_PROTOCOL_VERSIONS__: JSON.stringify(JSON.stringify(protocolVersions)),
};
// Everything but the bin: ES modules (.mjs, the bin's folder being CommonJS) with code splitting.
const modules = await build({
  absWorkingDir: root,
  entryPoints: esmEntries,
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  ...sharedBundleOptions,
  define,
  plugins: [zodNamespace, sdkAjvStub, await cjsDynamicImports(["@aws-sdk/client-cognito-identity"])],
  metafile: true,
  write: false,
  logLevel: "warning",
});
// The bin: one CommonJS file, so Node starts it without setting up its ES module loader.
const bin = await build({
  absWorkingDir: root,
  entryPoints: { index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  define: { ...define, "import.meta.url": "__binUrl" },
  // "use strict" first: the banner would otherwise end esbuild's directive prologue.
  banner: { js: '"use strict";\nconst __binUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [binImportsEsm],
  metafile: true,
  write: false,
  logLevel: "warning",
}).catch(() => process.exit(1));

const problems = [];
const metafile = { outputs: { ...modules.metafile.outputs, ...bin.metafile.outputs } };
for (const [entry, patterns] of Object.entries(lazyOnly))
  for (const file of staticGraph(metafile, entry))
    for (const input of Object.keys(metafile.outputs[file].inputs))
      for (const [pattern, what] of patterns)
        if (pattern.test(input) && !problems.some((p) => p.startsWith(`${entry} loads ${what} `))) problems.push(`${entry} loads ${what} before it runs (${input} in ${file})`);
if (problems.length) {
  console.error(`build: these must be dynamic imports:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
const scope = { path: path.join(dist, "package.json"), contents: `${JSON.stringify({ type: "commonjs" }, null, 2)}\n` };
await writeOutputs([...modules.outputFiles, ...bin.outputFiles, scope]);
await chmod(path.join(dist, "index.js"), 0o755);
if (!quiet) {
  const files = Object.keys(metafile.outputs).filter((f) => /\.m?js$/.test(f));
  const total = files.reduce((sum, f) => sum + metafile.outputs[f].bytes, 0);
  const startupBytes = metafile.outputs["dist/index.js"].bytes;
  console.error(
    `build: dist/ in ${(performance.now() - started).toFixed(0)} ms, ${files.length} files, ${(total / 1024).toFixed(0)} KB; start-up loads ${(startupBytes / 1024).toFixed(0)} KB`,
  );
}
