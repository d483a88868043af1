/**
 * The esbuild options every bundle of this project shares: the server's (scripts/build.mjs) and
 * the bench's minimal comparison server (bench/run.mjs), so both are measured built alike.
 */
export const sharedBundleOptions = {
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Whitespace and syntax only: names stay readable in stack traces on stderr.
  minifyWhitespace: true,
  minifySyntax: true,
  // An ESM bundle that includes CommonJS code (the AWS SDK) needs a `require` of its own.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
};
