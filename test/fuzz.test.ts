/**
 * Property-based fuzzing of create_identity_pool. Arguments are generated from the
 * service model (test/support/model-arbitraries.ts) — valid requests and requests with one
 * deliberate fault — and from the tool's advertised inputSchema for the options (valid values,
 * and junk of the wrong JSON type). Every set goes through the MCP SDK's Client to ONE server
 * whose endpoint is a loopback recorder. Properties:
 *   - every call answers with a well-formed result: a success whose structuredContent validates
 *     (Ajv) against the advertised outputSchema, or an isError that names the faulty field;
 *   - the server never throws (no rejected call, no "Internal error", nothing logged as unexpected);
 *   - invalid input never reaches the endpoint (the recorder counts requests);
 *   - each valid create sends exactly one request, whose body is the arguments' operation
 *     parameters (cliInputJson's keys overridden by the arguments), and the result is the pool.
 * FUZZ_SEED and FUZZ_RUNS override the fixed seed and the 10,000 runs; the seed and the figures
 * are printed on one line (`fuzz: …`). Failing inputs are grouped by kind and reported together.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { Ajv, type ValidateFunction } from "ajv";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { connectInMemory, defaultToolNames } from "./support/client.js";
import { isolateAwsEnvironment } from "./support/aws-env.js";
import { startRecorder, recordedPoolId, type Recorder } from "./support/recorder.js";
import { resultText } from "./support/results.js";
import { invalidOf, isValid, validOf, type Mutation } from "./support/model-arbitraries.js";
import { operationOf } from "../src/operation/model.js";

const seed = Number(process.env.FUZZ_SEED ?? 1_010_010);
const numRuns = Number(process.env.FUZZ_RUNS ?? 10_000);
const toolName = "create_identity_pool";
const operation = operationOf("CreateIdentityPool");
const { amzTarget, inputMembers, input: inputShape } = operation;
const operationRequired = inputShape.required ?? [];

const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** One generated call and what must come of it. */
type Case =
  | { kind: "create"; args: Record<string, unknown>; expected: Record<string, unknown> }
  | { kind: "dry-output"; args: Record<string, unknown>; expected: Record<string, unknown> }
  | { kind: "dry-input"; args: Record<string, unknown> }
  | { kind: "invalid"; args: Record<string, unknown>; mutation: Mutation; via: "arguments" | "cliInputJson" | "option"; request?: unknown };

/**
 * Option values that are valid and leave the request body alone. Options absent here are only
 * ever given junk: they send the call elsewhere (endpointUrl, profile, caBundle), change the
 * mode (version, cliArgs, generateCliSkeleton: generated separately), or flood stderr (debug).
 */
const benignOptions: Record<string, fc.Arbitrary<unknown>> = {
  output: fc.constantFrom("json", "text", "table"),
  color: fc.constantFrom("on", "off", "auto"),
  noPaginate: fc.boolean(),
  query: fc.constantFrom(
    "IdentityPoolId",
    "IdentityPoolName",
    "[IdentityPoolId, AllowUnauthenticatedIdentities]",
    "IdentityPoolTags",
    "@",
    "keys(@)",
  ),
  cliReadTimeout: fc.constantFrom(0, 5, 30, 60),
  cliConnectTimeout: fc.constantFrom(0, 5, 60),
  ifNameExists: fc.constant("create"),
  region: fc.constantFrom("us-east-1", "eu-west-3"),
  noVerifySsl: fc.constant(false),
  noSignRequest: fc.constant(false),
  debug: fc.constant(false),
  version: fc.constant(false),
};

function caseArbitrary(tool: Tool): fc.Arbitrary<Case> {
  const inputName = operation.inputShapeName;
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, object>;
  const optionNames = Object.keys(properties).filter((name) => !inputMembers.includes(name));
  const ajv = new Ajv({ strict: false });
  const optionValidators = Object.fromEntries(optionNames.map((name) => [name, ajv.compile(properties[name]!)])) as Record<
    string,
    ValidateFunction
  >;

  /** Any JSON value the option's advertised schema refuses. */
  const junkFor = (name: string) =>
    fc
      .jsonValue({ maxDepth: 2 })
      .map((v) => asJson(v))
      .filter((v) => !optionValidators[name]!(v));

  const options = fc.record(Object.fromEntries(Object.entries(benignOptions).filter(([name]) => optionNames.includes(name))), {
    requiredKeys: [],
    noNullPrototype: true,
  });
  const validRequest = validOf(inputName) as fc.Arbitrary<Record<string, unknown>>;
  const indent = fc.constantFrom<string | number | undefined>(undefined, 2, 4, "\t");

  /** Splits a request between the arguments and a cliInputJson document; the document may hold other values the arguments override. */
  const placed = (request: Record<string, unknown>) =>
    fc
      .tuple(
        fc.constantFrom("arguments", "cliInputJson", "split"),
        fc.subarray(Object.keys(request)),
        indent,
        fc.record(Object.fromEntries(inputMembers.map((m) => [m, validOf(inputShape.members[m]!.shape)])), {
          requiredKeys: [],
          noNullPrototype: true,
        }),
      )
      .map(([where, toDocument, space, shadowed]) => {
        if (where === "arguments") return { ...request };
        const inDocument = where === "cliInputJson" ? Object.keys(request) : toDocument;
        const document: Record<string, unknown> = {};
        const args: Record<string, unknown> = {};
        for (const key of Object.keys(request)) (inDocument.includes(key) ? document : args)[key] = request[key];
        // Keys given as arguments may also be in the document, with other values: the arguments win.
        for (const [key, value] of Object.entries(shadowed)) if (key in args && !(key in document)) document[key] = value;
        return { ...args, cliInputJson: JSON.stringify(document, null, space) };
      });

  const create = fc
    .tuple(validRequest, options)
    .chain(([request, opts]) => placed(request).map((args): Case => ({ kind: "create", args: { ...args, ...opts }, expected: request })));
  const dryOutput = fc.tuple(validRequest, options).chain(([request, opts]) =>
    placed(request).map((args): Case => ({
      kind: "dry-output",
      args: { ...args, ...opts, generateCliSkeleton: "output" },
      expected: request,
    })),
  );
  const dryInput = fc.tuple(validRequest, fc.subarray(inputMembers)).map(([request, keep]): Case => {
    const partial = Object.fromEntries(Object.entries(request).filter(([k]) => keep.includes(k)));
    return { kind: "dry-input", args: { ...partial, generateCliSkeleton: "input" } };
  });

  // An unknown top-level key that happens to be an option's name would not be unknown.
  const mutatedRequest = invalidOf(inputName, []).filter((bad) => {
    const [first] = bad.mutation.path;
    return !(
      bad.mutation.kind === "unknown key" &&
      bad.mutation.path.length === 1 &&
      first &&
      "member" in first &&
      optionNames.includes(first.member)
    );
  });
  const badParameters = fc
    .tuple(mutatedRequest, options, fc.constantFrom("arguments", "cliInputJson"), indent)
    .map(([bad, opts, placement, space]): Case => {
      const request = bad.value;
      // A request that is not an object cannot be the arguments (those are JSON-RPC params: see
      // frames.test.ts); as a cliInputJson document it is refused as cliInputJson.
      if (bad.mutation.path.length === 0)
        return {
          kind: "invalid",
          request,
          args: { ...opts, cliInputJson: JSON.stringify(request, null, space) },
          mutation: { ...bad.mutation, field: "cliInputJson" },
          via: "cliInputJson",
        };
      if (placement === "cliInputJson")
        return {
          kind: "invalid",
          request,
          args: { ...opts, cliInputJson: JSON.stringify(request, null, space) },
          mutation: bad.mutation,
          via: "cliInputJson",
        };
      return { kind: "invalid", request, args: { ...(request as object), ...opts }, mutation: bad.mutation, via: "arguments" };
    });
  const badOption = fc.tuple(validRequest, fc.constantFrom(...optionNames)).chain(([request, name]) =>
    junkFor(name).map((junk): Case => ({
      kind: "invalid",
      args: { ...request, [name]: junk },
      mutation: { kind: "option junk", path: [{ member: name }], field: name },
      via: "option",
    })),
  );
  // cliInputJson of the right type but not a JSON object: text that does not parse, or JSON of another type.
  const badDocument = fc
    .tuple(
      validRequest,
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? "null"),
        fc.constantFrom("{", '{"IdentityPoolName": "x",}', "file://input.json", "[]", "null"),
      ),
    )
    .filter(([, text]) => {
      try {
        const parsed: unknown = JSON.parse(text);
        return parsed === null || typeof parsed !== "object" || Array.isArray(parsed);
      } catch {
        return true;
      }
    })
    .map(([request, text]): Case => ({
      kind: "invalid",
      args: { ...request, cliInputJson: text },
      mutation: { kind: "document junk", path: [{ member: "cliInputJson" }], field: "cliInputJson" },
      via: "option",
    }));

  return fc.oneof(
    { weight: 34, arbitrary: create },
    { weight: 5, arbitrary: dryOutput },
    { weight: 3, arbitrary: dryInput },
    { weight: 40, arbitrary: badParameters },
    { weight: 14, arbitrary: badOption },
    { weight: 4, arbitrary: badDocument },
  );
}

describe("fuzzed arguments against one server and a loopback recorder", () => {
  let recorder: Recorder;
  let client: Client;
  let close: () => Promise<void>;
  let tool: Tool;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = isolateAwsEnvironment({ AWS_MAX_ATTEMPTS: "1" });
    recorder = await startRecorder();
    ({ client, close } = await connectInMemory({ endpointUrl: recorder.url, region: "us-east-1" }));
    tool = (await client.listTools()).tools.find((t) => t.name === toolName)!;
  });

  afterAll(async () => {
    await close?.();
    await recorder?.stop();
    restoreEnv();
  });

  it(`${numRuns} generated argument sets: well-formed results, no crash, nothing sent for invalid input, exact bodies for valid`, async () => {
    const validateOutput = new Ajv({ strict: false }).compile(tool.outputSchema!);
    const unexpected = vi.spyOn(console, "error");
    const figures = { inputs: 0, valid: 0, invalid: 0, sent: 0, crashes: 0, sentForInvalid: 0, slowestMs: 0 };
    let slowest = "";
    const kinds: Record<string, number> = {};
    const started = Date.now();

    // Every run goes through all inputs and reports each kind of failure with a count and an example,
    // so the figures always cover numRuns inputs. FUZZ_SHRINK=1 stops at the first failure and shrinks it.
    const survey = process.env.FUZZ_SHRINK !== "1";
    const failures = new Map<string, { count: number; example: string }>();
    const property = fc.asyncProperty(caseArbitrary(tool), async (generated) => {
      const c = asJson(generated);
      if (!survey) return checkCase(c);
      try {
        await checkCase(c);
      } catch (error) {
        // Grouped by what failed, not by the random values: the message up to its first ": ", paths generalized.
        const what = String((error as Error).message)
          .split("\n")[0]!
          .split(": ")[0]!
          .slice(0, 200);
        const key = `${c.kind}${c.kind === "invalid" ? ` (${c.mutation.kind} via ${c.via})` : ""}: ${what}`
          .replace(/\["(?:[^"\\]|\\.)*"\]/g, '["…"]')
          .replace(/\[\d+\]/g, "[i]");
        const seen = failures.get(key) ?? {
          count: 0,
          example: `${JSON.stringify(c).slice(0, 700)}\n${(error as Error).message.slice(0, 700)}`,
        };
        seen.count++;
        failures.set(key, seen);
      }
    });
    async function checkCase(c: Case) {
      figures.inputs++;
      const before = recorder.count;
      const errorsBefore = unexpected.mock.calls.length;
      let result: CallToolResult;
      const callStarted = Date.now();
      try {
        result = (await client.callTool({ name: toolName, arguments: c.args })) as CallToolResult;
        const took = Date.now() - callStarted;
        if (took > figures.slowestMs) {
          figures.slowestMs = took;
          slowest = `${c.kind}: ${resultText(result).slice(0, 300)}`;
        }
      } catch (error) {
        figures.crashes++;
        throw new Error(`the call was rejected instead of answered: ${(error as Error).message}`, { cause: error });
      }
      const sent = recorder.count - before;
      const shown = resultText(result);
      const crashed =
        /Internal error in/.test(shown) ||
        unexpected.mock.calls.slice(errorsBefore).some((args) => /unexpected error/.test(String(args[0])));
      if (crashed) figures.crashes++;
      expect(crashed, shown).toBe(false);
      expect(Array.isArray(result.content) && result.content.length > 0).toBe(true);

      if (c.kind === "invalid") {
        figures.invalid++;
        kinds[c.mutation.kind] = (kinds[c.mutation.kind] ?? 0) + 1;
        if (sent) figures.sentForInvalid++;
        // The generator's own check, by the model alone: a mutated request is never valid.
        if (c.request !== undefined)
          expect(
            isValid(operation.inputShapeName, c.request),
            `the generator made a valid request: ${JSON.stringify(c.request).slice(0, 400)}`,
          ).toBe(false);
        expect(
          sent,
          `invalid input (${c.mutation.kind} at ${c.mutation.field}) reached the endpoint: ${JSON.stringify(c.args).slice(0, 400)}`,
        ).toBe(0);
        expect(
          result.isError,
          `invalid input (${c.mutation.kind} at ${c.mutation.field}) was accepted: ${JSON.stringify(c.args).slice(0, 400)}`,
        ).toBe(true);
        expect(result.structuredContent).toBeUndefined();
        const problems = ((result._meta as { problems?: { field: string }[] } | undefined)?.problems ?? []).map((p) => p.field);
        expect(problems.length, shown).toBeGreaterThan(0);
        for (const field of problems) expect(shown).toContain(`${field}: `);
        // The field itself, or a more precise place inside it (`cliArgs[1]`, `IdentityPoolTags["k"]`).
        const within = (field: string) =>
          field === c.mutation.field || (field.startsWith(c.mutation.field) && /^[[. ]/.test(field.slice(c.mutation.field.length)));
        const named = problems.some(within);
        expect(named, `${c.mutation.kind} at ${c.mutation.field} (via ${c.via}) is not named: ${shown}`).toBe(true);
        // Nothing else is blamed; only a document that is not an object also leaves the required parameters missing.
        const extra = problems.filter((f) => !within(f) && !(c.mutation.field === "cliInputJson" && operationRequired.includes(f)));
        expect(extra, `problems for fields that were not changed (${c.mutation.kind} at ${c.mutation.field}): ${shown}`).toEqual([]);
        return;
      }

      figures.valid++;
      expect(result.isError, `valid input refused: ${shown}\n${JSON.stringify(c.args).slice(0, 600)}`).toBeFalsy();
      expect(validateOutput(result.structuredContent), JSON.stringify(validateOutput.errors)).toBe(true);
      const structured = result.structuredContent as Record<string, unknown> & { dryRun?: { request?: unknown } };
      if (c.kind === "create") {
        figures.sent += sent;
        expect(sent, "a valid create must send exactly one request").toBe(1);
        const last = recorder.last!;
        expect(last.target).toBe(amzTarget);
        expect(last.body, `request body differs from the arguments' parameters\nargs: ${JSON.stringify(c.args).slice(0, 600)}`).toEqual(
          c.expected,
        );
        // The result is the pool the endpoint returned: the request echoed with its id, nothing else.
        expect(structured).toEqual({ IdentityPoolId: recordedPoolId, ...c.expected });
      } else {
        expect(sent, `a dry run (${c.kind}) must send nothing`).toBe(0);
        if (c.kind === "dry-output") expect(structured.dryRun?.request).toEqual(c.expected);
      }
    }

    try {
      await fc.assert(property, { seed, numRuns, verbose: 0 });
    } finally {
      unexpected.mockRestore();
      if (figures.slowestMs > 1000) console.log(`fuzz: slowest call (${figures.slowestMs} ms): ${slowest}`);
      for (const [key, { count, example }] of failures) console.log(`fuzz failure ${count}× ${key}\n${example}\n`);
      const ms = Date.now() - started;
      console.log(
        `fuzz: seed=${seed} runs=${numRuns} inputs=${figures.inputs} valid=${figures.valid} invalid=${figures.invalid} ` +
          `creates-sent=${figures.sent} crashes=${figures.crashes} requests-for-invalid=${figures.sentForInvalid} ` +
          `slowest-call-ms=${figures.slowestMs} kinds=${JSON.stringify(kinds)} ms=${ms}`,
      );
    }
    expect(
      [...failures].map(([key, { count }]) => `${count}× ${key}`),
      "failing inputs by kind (examples printed above; FUZZ_SHRINK=1 to shrink one)",
    ).toEqual([]);
    // The server is still there and still answering.
    await expect(client.ping()).resolves.toBeDefined();
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(defaultToolNames);
    expect(figures.inputs).toBeGreaterThanOrEqual(numRuns);
  }, 600_000);
});
