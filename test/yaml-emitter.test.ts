/**
 * --output yaml against libyaml's emitter, the one the AWS CLI v2 writes YAML with (ruamel.yaml's
 * safe dumper over its C extension). Expected outputs were recorded from that emitter by
 * scripts/record-yaml-fixtures.py (PyYAML's CSafeDumper, set as ruamel sets it): values of the
 * member types these operations return, and generated strings with quotes, controls, Unicode and
 * long lines. Which plain words need quotes is the resolver's call, not the emitter's: those cases
 * are in test/cli-v2.test.ts, from ruamel's YAML 1.2 rules.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { renderOutput } from "../src/operation/render.js";
import { loadYaml } from "../src/operation/libraries.js";

interface Recorded {
  emitter: string;
  cases: { name: string; value: unknown; yaml: string }[];
}
const recorded = JSON.parse(readFileSync(new URL("./fixtures/yaml/emitter.json", import.meta.url), "utf8")) as Recorded;

beforeAll(loadYaml);

describe(`--output yaml writes what ${recorded.emitter} writes`, () => {
  it.each(recorded.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(renderOutput(c.value, "yaml", "")).toBe(c.yaml);
  });
});
