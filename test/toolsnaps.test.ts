/**
 * Tool snapshots: each tool's tools/list entry, exactly as the server lists it with `--tools all`
 * and no other flag, is committed under test/toolsnaps/, and the tools reference (docs/tools.md) is
 * generated from the same listing. Any change to a name, description, schema or annotation shows
 * up here, in review, before it reaches an assistant.
 */
import { readFileSync, readdirSync } from "node:fs";
import { expect, it } from "vitest";
import { toolReferenceFiles } from "../scripts/lib/tool-reference-files.js";

const refresh = "run `npm run toolsnaps` to refresh them, and review the diff";

it("each tool's listing matches test/toolsnaps/<name>.json, and docs/tools.md is generated from it", async () => {
  const files = await toolReferenceFiles();
  for (const [file, text] of Object.entries(files)) {
    let committed: string | undefined;
    try {
      committed = readFileSync(file, "utf8");
    } catch {
      committed = undefined;
    }
    expect(committed, `${file} is missing or out of date: ${refresh}`).toBe(text);
  }
  const snapshots = readdirSync("test/toolsnaps").map((name) => `test/toolsnaps/${name}`);
  expect(
    snapshots.filter((file) => !(file in files)),
    `snapshots of tools that no longer exist: ${refresh}`,
  ).toEqual([]);
});
