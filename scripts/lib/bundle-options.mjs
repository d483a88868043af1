// How the server is bundled: shared by scripts/build.mjs and the bench's floor server
// (bench/floor-server.mjs), which is bundled with the build's options to be its floor (the build's
// own plugin and define, for the server's sources, do not apply to it).

/** esbuild options for an ES module bundle run by Node, with chunks loaded on demand. */
export function bundleOptions(root) {
  return {
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunks/[name]-[hash]",
    // The ES module builds of dependencies that ship both: a dynamic import of a CommonJS one would give only its default export.
    mainFields: ["module", "main"],
    // Whitespace and syntax only: names stay readable in stack traces on stderr.
    minifyWhitespace: true,
    minifySyntax: true,
    // An ES module bundle that includes CommonJS code needs a `require` of its own.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    logLevel: "warning",
  };
}

/** The SDK's Server imports Ajv statically; a bundle that gives it a jsonSchemaValidator of its own (src/server.ts) leaves Ajv out. */
export const sdkAjvStub = {
  name: "sdk-server-ajv-stub",
  setup(b) {
    b.onResolve({ filter: /validation\/ajv-provider\.js$/ }, ({ importer }) =>
      /@modelcontextprotocol[\\/]sdk[\\/]dist[\\/]esm[\\/]server[\\/]index\.js$/.test(importer)
        ? { path: "ajv-provider-stub", namespace: "stub" }
        : undefined,
    );
    b.onLoad({ filter: /^ajv-provider-stub$/, namespace: "stub" }, () => ({
      contents: `export class AjvJsonSchemaValidator {
  constructor() { throw new Error("this bundle leaves Ajv out of start-up: create the SDK's Server with a jsonSchemaValidator (src/server.ts does)"); }
}`,
      loader: "js",
    }));
  },
};
