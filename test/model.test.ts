import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The committed slice must be what botocore's model says today: regenerate with scripts/extract-model.py.
describe("service model slice", () => {
  it("equals the slice extracted from the installed botocore", () => {
    let fresh: string;
    try {
      fresh = execFileSync("python3", ["scripts/extract-model.py"], { encoding: "utf8" });
    } catch (error) {
      if (process.env.CI === "true") throw error;
      console.warn(`botocore not available, model slice not re-checked: ${(error as Error).message}`);
      return;
    }
    const committed = JSON.parse(readFileSync("src/operation/service-model.json", "utf8"));
    const current = JSON.parse(fresh);
    // botocore's own version may move on; the shapes and the operation are what matter.
    expect(current.shapes).toEqual(committed.shapes);
    expect(current.operations).toEqual(committed.operations);
    expect(current.metadata).toEqual(committed.metadata);
    expect(current.docOverviews).toEqual(committed.docOverviews);
  });
});
