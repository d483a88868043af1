import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { applyQuery, compileQuery, QueryError } from "../src/operation/query.js";
import { loadJmespath } from "../src/operation/libraries.js";
import { renderOutput, RenderError, type OutputFormat } from "../src/operation/render.js";
import { asShape, operationOf } from "../src/operation/model.js";

/** What the real AWS CLI printed, recorded by scripts/record-cli-fixtures.mjs and scripts/record-render-fixtures.mjs. */
interface RecordedCase {
  name: string;
  response: Record<string, unknown>;
  /** Recorded with `--color on` (for every format); otherwise tables with `--color off`. */
  color?: "on";
  json?: string;
  text?: string;
  table?: string;
  queries: { query: string; output: OutputFormat; stdout: string; exitCode?: number; stderr?: string }[];
}

const load = (file: string): RecordedCase[] => JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")) as RecordedCase[];
const suites = [
  { file: "fixtures/cli/outputs.json", cases: load("./fixtures/cli/outputs.json") },
  { file: "fixtures/render/outputs.json", cases: load("./fixtures/render/outputs.json") },
];

// A call loads JMESPath when it has a query (src/call/prepare.ts); these tests call the query functions directly.
beforeAll(loadJmespath);

const TITLE = "CreateIdentityPool";
const RESET = "\x1b[0m";
const FORMATS = ["json", "text", "table"] as const;

/**
 * The response as botocore hands it to the formatter: structure members in model order, unknown
 * and null members dropped; maps keep the body's order. The server must give the pool in this form.
 */
function queried(expression: string, response: unknown): unknown {
  const compiled = compileQuery(expression);
  if (!compiled.ok) throw new Error(`query refused: ${compiled.error.message}`);
  return applyQuery(compiled.value, response);
}

for (const suite of suites) {
  describe(`renderOutput matches the AWS CLI (${suite.file})`, () => {
    for (const c of suite.cases) {
      const response = asShape(c.response, operationOf("CreateIdentityPool").outputShapeName!);
      const options = { color: c.color === "on" };
      for (const format of FORMATS) {
        const recorded = c[format];
        if (recorded === undefined) continue;
        it(`${c.name}: --output ${format}`, () => {
          expect(renderOutput(response, format, TITLE, options)).toBe(recorded);
        });
      }
      for (const q of c.queries) {
        it(`${c.name}: --output ${q.output} --query ${q.query}`, () => {
          if (q.exitCode === undefined) {
            expect(renderOutput(queried(q.query, response), q.output, TITLE, options)).toBe(q.stdout);
            return;
          }
          // The CLI failed after the call: in the query (nothing printed) or in its formatter.
          let failure: unknown;
          try {
            renderOutput(queried(q.query, response), q.output, TITLE, options);
          } catch (error) {
            failure = error;
          }
          if (failure instanceof RenderError) {
            // With --color on, colorama also wraps stderr: every write there ends in a reset.
            expect(failure.message).toBe(q.stderr!.replaceAll(RESET, "").trim());
            expect(failure.partialOutput).toBe(q.stdout);
          } else {
            expect(failure).toBeInstanceOf(QueryError);
            expect(q.stdout).toBe("");
          }
        });
      }
    }
  });
}

describe("renderOutput details", () => {
  it("prints nothing for an empty object in JSON, but [] for an empty list", () => {
    expect(renderOutput({}, "json", TITLE)).toBe("");
    expect(renderOutput([], "json", TITLE)).toBe("[]\n");
  });

  it("prints None for null in text and nothing in a table", () => {
    expect(renderOutput(null, "text", TITLE)).toBe("None\n");
    expect(renderOutput(null, "table", TITLE)).toBe("");
    expect(renderOutput(null, "json", TITLE)).toBe("null\n");
  });

  it("treats members set to undefined as absent", () => {
    expect(renderOutput({ a: "x", b: undefined }, "json", TITLE)).toBe('{\n    "a": "x"\n}\n');
    expect(renderOutput({ a: "x", b: undefined }, "text", TITLE)).toBe("x\n");
  });

  it("formats floats as Python's repr does", () => {
    expect(renderOutput([0.5, 1e-5, 1.5e-7, 3, 2 ** 60], "json", TITLE)).toBe(
      "[\n    0.5,\n    1e-05,\n    1.5e-07,\n    3,\n    1152921504606846976\n]\n",
    );
  });

  it("colours only tables, and only when asked", () => {
    const value = { a: "x", b: { c: "y" } };
    expect(renderOutput(value, "table", TITLE)).toBe(renderOutput(value, "table", TITLE, { color: false }));
    expect(renderOutput(value, "table", TITLE, { color: true })).toContain(`|  \x1b[1m\x1b[34ma${RESET}`);
    expect(renderOutput(value, "table", TITLE, { color: true })).toContain(`\x1b[2m\x1b[33m|${RESET}`);
    expect(renderOutput(value, "table", TITLE, { color: true }).replaceAll(/\x1b\[\d+m/g, "")).toBe(renderOutput(value, "table", TITLE));
    for (const format of ["json", "text"] as const)
      expect(renderOutput(value, format, TITLE, { color: true })).toBe(renderOutput(value, format, TITLE));
    expect(renderOutput(null, "table", TITLE, { color: true })).toBe("");
  });

  it("sorts keys by code point, as Python does", () => {
    // U+FF5A (fullwidth z) sorts before U+1F600 in code points, after it in UTF-16 units.
    expect(renderOutput({ "😀": "emoji", ｚ: "fullwidth" }, "text", TITLE)).toBe("fullwidth\temoji\n");
  });
});
