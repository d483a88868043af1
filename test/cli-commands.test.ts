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
import { fakeAwsEnv } from "./support/aws-env.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { requestSchema } from "../src/operation/schema.js";
import { model, operationOf, type OperationName } from "../src/operation/model.js";
import { tools } from "../src/tools/index.js";

Object.assign(process.env, fakeAwsEnv);

interface Accepted {
  name: string;
  args: string[];
  target: string;
  body: unknown;
  region: string | null;
  signed: boolean;
  stdout: string;
}
interface Refused {
  name: string;
  args: string[];
}
interface Output {
  name: string;
  response: Record<string, unknown> | null;
  requestArgs: string[];
  json: string;
  text: string;
  table: string;
  queries?: { query: string; output: "json" | "text" | "table"; stdout: string; exitCode?: number }[];
}

/** What the recorder of each command answered by default (test/fixtures/cli/README.md). */
function defaultAnswer(target: string, body: Record<string, unknown>): Record<string, unknown> {
  switch (target.split(".")[1]) {
    case "DescribeIdentityPool":
      return { IdentityPoolId: body.IdentityPoolId, IdentityPoolName: "MyPool", AllowUnauthenticatedIdentities: false };
    case "ListIdentityPools":
      return { IdentityPools: [{ IdentityPoolId: "us-east-1:11111111-2222-3333-4444-555555555555", IdentityPoolName: "MyPool" }] };
    case "UpdateIdentityPool":
      return body;
    case "GetIdentityPoolRoles":
      return { IdentityPoolId: body.IdentityPoolId, Roles: { authenticated: "arn:aws:iam::123456789012:role/Cognito_MyPoolAuth_Role" } };
    default:
      return {};
  }
}

/** An output case's answer, for its operation alone: an update first reads the pool, and that read gets the default answer. */
let canned: { target: string; response: Record<string, unknown> } | undefined;
let recorder: Recorder;
beforeAll(async () => {
  recorder = await startRecorder({
    answer: ({ target, body }) => {
      const own = canned?.target === target ? canned : undefined;
      return { body: own ? own.response : defaultAnswer(String(target), (body ?? {}) as Record<string, unknown>) };
    },
  });
});
afterAll(() => recorder.stop());

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
  const outputs: Output[] = JSON.parse(readFileSync(`${dir}/outputs.json`, "utf8"));
  const valid = (c: Accepted) => requestSchema(operation).safeParse(c.body).success;

  async function call(args: Record<string, unknown>) {
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
    }
  }

  it.each(accepted.filter(valid).map((c) => [c.name, c] as const))("sends what the CLI sends: %s", async (_n, c) => {
    canned = undefined;
    const { result, sent, text } = await call({ cliArgs: c.args });
    expect(result.isError, text).toBeFalsy();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual(c.body);
    expect(/Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(sent[0]!.headers.authorization ?? ""))?.[1] ?? null).toBe(
      c.signed ? c.region : null,
    );
    expect(text).toBe(c.stdout);
  });

  it.each([...accepted.filter((c) => !valid(c)), ...refused].map((c) => [c.name, c] as const))(
    "refuses, sending nothing: %s",
    async (_n, c) => {
      canned = undefined;
      const { result, all, text } = await call({ cliArgs: c.args });
      expect(result.isError, text).toBe(true);
      expect(all).toHaveLength(0);
    },
  );

  it.each(outputs.map((o) => [o.name, o] as const))("prints what the CLI printed: %s", async (_n, o) => {
    canned = { target: operation.amzTarget, response: o.response ?? {} };
    for (const format of ["json", "text", "table"] as const) {
      const { text } = await call({ cliArgs: [...o.requestArgs, "--output", format, "--color", "off"] });
      expect(text, format).toBe(o[format]);
    }
    for (const q of (o.queries ?? []).filter((entry) => !entry.exitCode)) {
      const { text } = await call({ cliArgs: [...o.requestArgs, "--output", q.output, "--query", q.query, "--color", "off"] });
      expect(text, `${q.query} ${q.output}`).toBe(q.stdout);
    }
  });

  it("generateCliSkeleton input is the CLI's skeleton (any value of an enum where botocore picks one at random)", async () => {
    const { result, text } = await call({ generateCliSkeleton: "input" });
    expect(result.isError, text).toBeFalsy();
    expect(text.replace(enumValue, '"<enum>"')).toBe(readFileSync(`${dir}/skeleton-input.txt`, "utf8").replace(enumValue, '"<enum>"'));
  });
});
