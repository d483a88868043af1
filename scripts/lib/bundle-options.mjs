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

/**
 * The SDK's Server imports its default JSON Schema validator (Ajv, about 290 KB) through its
 * runtime shims, to check elicitation answers that the server itself asks for with elicitInput.
 * This server never does: it asks through input_required and checks each answer itself
 * (src/server.ts), so the bundle's shim has no Ajv, and a validator asked for anyway says why.
 */
export const sdkAjvStub = {
  name: "sdk-server-ajv-stub",
  setup(b) {
    b.onResolve({ filter: /^@modelcontextprotocol\/server\/_shims$/ }, () => ({ path: "server-shims-stub", namespace: "stub" }));
    b.onLoad({ filter: /^server-shims-stub$/, namespace: "stub" }, () => ({
      contents: `export { default as process } from "node:process";
export class DefaultJsonSchemaValidator {
  getValidator() { throw new Error("this bundle leaves Ajv out: the server checks elicitation answers itself (src/server.ts)"); }
}`,
      loader: "js",
    }));
  },
};
