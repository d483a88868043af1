// The repository root and the servers the bench measures (their node arguments), shared by every
// measurement.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** `--server FILE` measures another build of the server (an alternative, for bench/RESULTS.md). */
const serverAt = process.argv.indexOf("--server");
export const serverArgs = [serverAt === -1 ? path.join(root, "dist", "index.js") : path.resolve(process.argv[serverAt + 1])];
export const plainArgs = [path.join(root, "bench", "plain-server.mjs")];
