/**
 * The shape of src/: no import cycle (type imports included; a dynamic import, which loads on
 * demand, is not part of one), and the pure core imports neither the AWS adapter nor the CLI parser.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve("src");
const sources = readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts"))
  .map((file) => path.join(root, file));

/** Each module's static imports and re-exports of other modules of src/. */
const imports = new Map(
  sources.map((file) => {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+"(\.[^"]+)"/gms)].map((match) =>
      path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, ".ts")),
    );
    return [file, targets.filter((target) => target !== file)];
  }),
);
const name = (file: string) => path.relative(root, file);

it("src/ has no import cycle", () => {
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") return void cycles.push([...trail.slice(trail.indexOf(file)), file].map(name).join(" → "));
    state.set(file, "open");
    for (const target of imports.get(file) ?? []) visit(target, [...trail, file]);
    state.set(file, "done");
  };
  for (const file of sources) visit(file, []);
  expect(cycles).toEqual([]);
});

it("imports point down: src/operation/ (the pure core) imports neither src/aws/ nor src/cli/", () => {
  const upward = [...imports]
    .filter(([file]) => name(file).startsWith(`operation${path.sep}`))
    .flatMap(([file, targets]) => targets.filter((t) => /^(aws|cli)[\\/]/.test(name(t))).map((t) => `${name(file)} → ${name(t)}`));
  expect(upward).toEqual([]);
});

/** Every import from a module under `folder` to a module outside the folders it may use. */
function importsOutside(folder: string, allowed: string[]): string[] {
  const inside = (file: string, dir: string) => name(file).startsWith(`${dir}${path.sep}`);
  return [...imports]
    .filter(([file]) => inside(file, folder))
    .flatMap(([file, targets]) =>
      targets.filter((t) => ![folder, ...allowed].some((dir) => inside(t, dir))).map((t) => `${name(file)} → ${name(t)}`),
    );
}

it("tools/ is a leaf: the contracts, the registry and the selection, importing only the core's types", () => {
  expect(importsOutside("tools", ["operation"])).toEqual([]);
});

it("the transports know nothing of tools, effects, calls or policy: a server factory and its cut-off words come in from outside", () => {
  expect(importsOutside("transports", ["net"]).filter((edge) => !edge.endsWith(" → config.ts"))).toEqual([]);
});
