/**
 * YAML and JMESPath are loaded by the calls whose options need them (src/call/prepare.ts), not with
 * the call code. Code that uses one before it is loaded is a bug, and says which loader was missed.
 */
import { expect, it } from "vitest";
import { loadedJmespath, loadedYaml, loadJmespath, loadYaml } from "../src/operation/libraries.js";

it("are not loaded until a call asks, and using one before is an internal error naming its loader", async () => {
  expect(() => loadedYaml()).toThrow("internal error: YAML was used before loadYaml() loaded it");
  expect(() => loadedJmespath()).toThrow("internal error: JMESPath was used before loadJmespath() loaded it");
  await loadYaml();
  expect(loadedYaml().parseDocument("a: 1").toJS()).toEqual({ a: 1 });
  expect(() => loadedJmespath()).toThrow(/loadJmespath/);
  await loadJmespath();
  expect(loadedJmespath().search({ a: 1 }, "a")).toBe(1);
});
