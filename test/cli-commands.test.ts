/**
 * Every tool but create against what the real AWS CLI v1 did for its command
 * (test/fixtures/cli/<command>/, recorded by scripts/record-cli-fixtures.mjs; create has
 * test/cli-fixtures.test.ts): the same command line sends the same request, or is refused with
 * nothing sent where the CLI refuses it or where the body breaks the service model; --output and
 * --query print what the CLI printed; the input skeleton is the CLI's.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectInMemory } from "./support/client.js";
import { fakeAwsEnv, isolateAwsEnvironment } from "./support/aws-env.js";
import { startRecorder, type Answer, type Recorder } from "./support/recorder.js";
import {
  asTheSdkParsesThem,
  cannedAnswer,
  defaultAnswer,
  fixtureValues,
  issuedSecretPattern,
  recordedOutputs,
  shownAs,
  timestampDeparture as departure,
  withheld,
  type RecordedOutput as Output,
} from "./support/cli-recordings.js";
import { requestSchema } from "../src/operation/schema.js";
import { model, operationOf, type OperationName } from "../src/operation/model.js";
import { withheldNotice } from "../src/operation/secrets.js";
import { tools } from "../src/tools/index.js";

Object.assign(process.env, fakeAwsEnv);

interface Accepted {
  name: string;
  args: string[];
  /** Environment variables the CLI ran without (no credentials, no region). */
  unsetEnv?: string[];
  target: string;
  body: unknown;
  region: string | null;
  signed: boolean;
  stdout: string;
}
interface Refused {
  name: string;
  args: string[];
  unsetEnv?: string[];
}
/** An output case's answer, for its operation alone: a write that reads first gets the read's default answer. */
let canned: { target: string; answer: ReturnType<Answer> } | undefined;
let recorder: Recorder;
beforeAll(async () => {
  recorder = await startRecorder({
    answer: ({ target, body }) => {
      if (canned && canned.target === target) return canned.answer;
      return defaultAnswer(target, body);
    },
  });
});
afterAll(() => recorder.stop());

it("the recordings' notice for a withheld secret is the server's", () => {
  expect(fixtureValues.WITHHELD).toBe(withheldNotice);
});

/** Every quoted value of any enum in the model, for skeletons: botocore picks enum placeholders at random. */
const enumValue = new RegExp(
  `"(${Object.values(model.shapes)
    .flatMap((s) => (s.type === "string" && s.enum ? s.enum : []))
    .join("|")})"`,
  "g",
);

const others = tools.filter((t) => t.operation !== "CreateIdentityPool");

describe.each(others.map((t) => [t.name, t] as const))("%s", (name, contract) => {
  const operation = operationOf(contract.operation as OperationName);
  const dir = `test/fixtures/cli/${operation.command}`;
  const accepted: Accepted[] = JSON.parse(readFileSync(`${dir}/requests.json`, "utf8"));
  const refused: Refused[] = JSON.parse(readFileSync(`${dir}/refusals.json`, "utf8"));
  const outputs: Output[] = recordedOutputs(contract.operation);
  const valid = (c: Accepted) => requestSchema(operation).safeParse(c.body).success;

  /** The CLI's AWS_DEFAULT_REGION is the server's AWS_REGION: a case run without one runs here without either. */
  async function call(args: Record<string, unknown>, unsetEnv: string[] = []) {
    const unset = unsetEnv.flatMap((variable) => (variable === "AWS_DEFAULT_REGION" ? [variable, "AWS_REGION"] : [variable]));
    const restore = unset.length ? isolateAwsEnvironment(Object.fromEntries(unset.map((variable) => [variable, undefined]))) : undefined;
    const { client, close } = await connectInMemory({
      tools: "all",
      endpointUrl: recorder.url,
      allowNoSignRequest: true,
      allowNoVerifySsl: true,
    });
    recorder.requests.length = 0;
    try {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      return {
        result,
        sent: recorder.requests.filter((r) => r.target === operation.amzTarget),
        all: [...recorder.requests],
        text: (result.content as { text: string }[])[0]?.text ?? "",
      };
    } finally {
      await close();
      restore?.();
    }
  }

  it.each(accepted.filter(valid).map((c) => [c.name, c] as const))("sends what the CLI sends: %s", async (_n, c) => {
    canned = undefined;
    const { result, sent, text } = await call({ cliArgs: c.args }, c.unsetEnv);
    expect(result.isError, text).toBeFalsy();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual(c.body);
    expect(/Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(sent[0]!.headers.authorization ?? ""))?.[1] ?? null).toBe(
      c.signed ? c.region : null,
    );
    expect(sent[0]!.headers.authorization !== undefined).toBe(c.signed);
    // A table's widths follow its values, so one holding a withheld secret is compared in outputs.json, whose twins the CLI rendered.
    if (c.args.includes("table") && withheld(c.stdout) !== c.stdout) expect(text).not.toMatch(issuedSecretPattern);
    else expect(text).toBe(withheld(c.stdout));
  });

  it.each([...accepted.filter((c) => !valid(c)), ...refused].map((c) => [c.name, c] as const))(
    "refuses, sending nothing: %s",
    async (_n, c) => {
      canned = undefined;
      const { result, all, text } = await call({ cliArgs: c.args }, c.unsetEnv);
      expect(result.isError, text).toBe(true);
      expect(all).toHaveLength(0);
    },
  );

  it.each(outputs.filter((o) => departure(o) === "refused").map((o) => [o.name, o] as const))(
    "departs from the CLI: a timestamp sent as an ISO 8601 string fails the call, saying why: %s",
    async (_n, o) => {
      canned = { target: operation.amzTarget, answer: cannedAnswer(o) };
      const { result, text } = await call({ cliArgs: o.requestArgs });
      expect(result.isError).toBe(true);
      expect(text).toMatch(new RegExp(`^${operation.name} failed: .*Expected real number`));
    },
  );

  it.each(outputs.filter((o) => departure(o) === "seconds").map((o) => [o.name, o] as const))(
    "departs from the CLI: a timestamp prints as the seconds the SDK parsed: %s",
    async (_n, received) => {
      canned = { target: operation.amzTarget, answer: cannedAnswer(received) };
      const o = shownAs(received, outputs);
      for (const format of ["json", "text"] as const) {
        const { text } = await call({ cliArgs: [...o.requestArgs, "--output", format, "--color", "off"] });
        expect(text, format).toBe(asTheSdkParsesThem(o[format]));
      }
    },
  );

  it.each(outputs.filter((o) => !departure(o)).map((o) => [o.name, o] as const))(
    "prints what the CLI printed: %s",
    async (_n, received) => {
      canned = { target: operation.amzTarget, answer: cannedAnswer(received) };
      const o = shownAs(received, outputs);
      for (const format of ["json", "text", "table"] as const) {
        const { text } = await call({ cliArgs: [...o.requestArgs, "--output", format, "--color", "off"] });
        expect(text, format).toBe(o[format]);
      }
      for (const q of (o.queries ?? []).filter((entry) => !entry.exitCode)) {
        const { text } = await call({ cliArgs: [...o.requestArgs, "--output", q.output, "--query", q.query, "--color", "off"] });
        expect(text, `${q.query} ${q.output}`).toBe(q.stdout);
      }
    },
  );

  it("generateCliSkeleton input is the CLI's skeleton (any value of an enum where botocore picks one at random)", async () => {
    const { result, text } = await call({ generateCliSkeleton: "input" });
    expect(result.isError, text).toBeFalsy();
    expect(text.replace(enumValue, '"<enum>"')).toBe(readFileSync(`${dir}/skeleton-input.txt`, "utf8").replace(enumValue, '"<enum>"'));
  });
});
