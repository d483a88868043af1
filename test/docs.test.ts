/** The README stays short, and every relative link in it and in docs/ leads to a file and heading that exist. */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const pages = ["README.md", ...readdirSync("docs").map((name) => `docs/${name}`)];

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

const anchorsOf = (file: string) =>
  new Set([...readFileSync(file, "utf8").matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]!)));

it("the README is at most 20 KB: the reference lives in docs/", () => {
  expect(statSync("README.md").size).toBeLessThanOrEqual(20 * 1024);
});

it("every relative link in the README and docs/ leads to a file, and to a heading of it when it names one", () => {
  const broken: string[] = [];
  for (const page of pages)
    for (const [, target] of readFileSync(page, "utf8").matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, anchor] = target!.split("#");
      const resolved = file ? path.join(path.dirname(page), file) : page;
      if (!existsSync(resolved)) broken.push(`${page}: ${target} (no such file)`);
      else if (anchor && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor)) broken.push(`${page}: ${target} (no such heading)`);
    }
  expect(broken).toEqual([]);
});
