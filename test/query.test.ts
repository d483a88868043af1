import { beforeAll, describe, expect, it } from "vitest";
import { applyQuery, compileQuery, QueryError } from "../src/operation/query.js";
import { loadJmespath } from "../src/operation/libraries.js";

// A call loads JMESPath when it has a query (src/call/prepare.ts); these tests call the query functions directly.
beforeAll(loadJmespath);

function refusal(expression: string) {
  const result = compileQuery(expression);
  if (result.ok) throw new Error(`expected ${JSON.stringify(expression)} to be refused`);
  return result.error;
}

function run(expression: string, value: unknown): unknown {
  const result = compileQuery(expression);
  if (!result.ok) throw new Error(result.error.message);
  return applyQuery(result.value, value);
}

describe("compileQuery", () => {
  it.each([
    ["bad[", /incomplete expression/],
    ["foo bar", /unexpected token/],
    ["@@", /unexpected token/],
    ['"abc', /incomplete expression/],
    ["a[?b==]", /invalid token/],
  ])("refuses the syntax error in %s", (expression, message) => {
    const problem = refusal(expression);
    expect(problem).toMatchObject({ field: "query", rule: "JMESPath syntax" });
    expect(problem.message).toContain(`Invalid JMESPath expression ${JSON.stringify(expression)}: `);
    expect(problem.message).toMatch(message);
  });

  it("refuses an empty expression with the CLI's words", () => {
    expect(refusal("").message).toBe("Invalid JMESPath expression: cannot be empty.");
  });

  // Python's jmespath, which the CLI uses, rejects all of these at compile time.
  it.each(["foo-bar", "a + b", "-a", "$", "a ? b : c", "let $x = a in $x", "a[?b > `1` ? c : d]"])(
    "refuses the JMESPath Community extension in %s",
    (expression) => {
      expect(refusal(expression)).toMatchObject({ field: "query", rule: "JMESPath syntax" });
    },
  );

  it("suggests quoting a key with a hyphen", () => {
    expect(refusal("Tags.cost-center").message).toContain('quote it: "my-key"');
  });

  it("refuses unknown functions and wrong argument counts, with Python jmespath's messages", () => {
    expect(refusal("upper(IdentityPoolId)")).toMatchObject({
      rule: "JMESPath function",
      message: expect.stringMatching(/: Unknown function: upper\(\)$/),
    });
    expect(refusal("length(a, b)").message).toMatch(/: Expected 1 argument for function length\(\), received 2$/);
    expect(refusal("starts_with(a)").message).toMatch(/: Expected 2 arguments for function starts_with\(\), received 1$/);
    expect(refusal("not_null()").message).toMatch(/: Expected at least 1 argument for function not_null\(\), received 0$/);
  });

  it.each([
    "IdentityPoolId",
    'IdentityPoolTags."cost-center"',
    "CognitoIdentityProviders[?ServerSideTokenCheck == `true`].ClientId | [0]",
    "{id: IdentityPoolId, n: length(CognitoIdentityProviders || `[]`)}",
    'merge(IdentityPoolTags, `{}`, `{"a": "b"}`)',
    "not_null(Missing, IdentityPoolId, `null`)",
    "sort_by(CognitoIdentityProviders, &ClientId)[-1]",
    'a[?b == `{"type": "Arithmetic"}`]',
    "`foo`",
    "'raw'",
    "&a",
  ])("accepts %s", (expression) => {
    expect(compileQuery(expression)).toMatchObject({ ok: true, value: { expression } });
  });
});

describe("applyQuery", () => {
  const pool = {
    IdentityPoolId: "us-east-1:1",
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [
      { ProviderName: "p1", ClientId: "c2", ServerSideTokenCheck: true },
      { ProviderName: "p2", ClientId: "c1" },
    ],
    IdentityPoolTags: { b: "2", a: "1" },
  };

  it("gives null for missing keys and out-of-range indexes", () => {
    expect(run("Missing", pool)).toBeNull();
    expect(run("Missing.deeper[0]", pool)).toBeNull();
    expect(run("CognitoIdentityProviders[7]", pool)).toBeNull();
  });

  it("projects, filters and skips nulls in projections as JMESPath does", () => {
    expect(run("CognitoIdentityProviders[*].ServerSideTokenCheck", pool)).toEqual([true]);
    expect(run("CognitoIdentityProviders[?!ServerSideTokenCheck].ProviderName", pool)).toEqual(["p2"]);
  });

  it("keeps the order of multi-select hash keys and of the data's own keys", () => {
    expect(Object.keys(run("{z: IdentityPoolId, a: AllowUnauthenticatedIdentities}", pool) as object)).toEqual(["z", "a"]);
    expect(run("keys(IdentityPoolTags)", pool)).toEqual(["b", "a"]);
  });

  it("counts code points in strings, as Python does", () => {
    expect(run("length('😀x')", pool)).toBe(2);
    expect(run("reverse('a😀')", pool)).toBe("😀a");
  });

  it("reads legacy unquoted literals as strings, as Python jmespath still does", () => {
    expect(run("`foo`", pool)).toBe("foo");
  });

  it("throws QueryError when a function gets the wrong type, as the CLI fails after the call", () => {
    expect(() => run("abs(IdentityPoolId)", pool)).toThrow(QueryError);
    expect(() => run("length(Missing)", pool)).toThrow(/--query length\(Missing\) failed on the response/);
  });
});

describe("queries too long or too deep for the evaluator", () => {
  it.each([
    ["a very long path", "a" + ".a".repeat(5000), /maxLength 4096/],
    ["deep nesting", "(".repeat(3000) + "a" + ")".repeat(3000), /maxLength|JMESPath syntax/],
  ])("%s is a problem naming query, not a crash", (_name, expression, rule) => {
    const compiled = compileQuery(expression);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) {
      expect(compiled.error.field).toBe("query");
      expect(compiled.error.rule).toMatch(rule);
      expect(compiled.error.message.length).toBeLessThan(300);
    }
  });
});
