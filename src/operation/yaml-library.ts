/**
 * What a call uses of the yaml package, re-exported statically, and loaded through libraries.ts.
 * The package is CommonJS: in the bundle, a dynamic import of it would give only its default export.
 */
export { Document, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from "yaml";
