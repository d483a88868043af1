/**
 * `npm run toolsnaps`: writes what the server lists with `--tools all` and no other flag, from the
 * sources' own tools/list code: one snapshot per tool (test/toolsnaps/<name>.json, which
 * test/toolsnaps.test.ts compares with the live listing) and the tools reference (docs/tools.md).
 * `--check` writes nothing and exits 1 when a file differs.
 */
import { readFile, writeFile, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toolReferenceFiles } from "./lib/tool-reference-files.js";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const check = process.argv.includes("--check");
const files = await toolReferenceFiles();
const stale: string[] = [];
for (const [file, text] of Object.entries(files)) {
  const at = path.join(root, file);
  const old = await readFile(at, "utf8").catch(() => undefined);
  if (old === text) continue;
  stale.push(file);
  if (!check) {
    await mkdir(path.dirname(at), { recursive: true });
    await writeFile(at, text);
  }
}
// A snapshot of a tool that no longer exists is stale too.
const snapshots = path.join(root, "test", "toolsnaps");
for (const name of await readdir(snapshots).catch(() => [] as string[]))
  if (!(`test/toolsnaps/${name}` in files)) {
    stale.push(`test/toolsnaps/${name}`);
    if (!check) await rm(path.join(snapshots, name));
  }
console.error(
  stale.length ? `${check ? "out of date" : "written"}: ${stale.join(", ")}` : "tool snapshots and docs/tools.md are up to date",
);
process.exit(check && stale.length ? 1 : 0);
