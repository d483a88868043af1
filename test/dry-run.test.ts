/** generateCliSkeleton: nothing created, no credentials, no network; one output schema for every success. */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import { connectInMemory } from "./support/client.js";
import { fakeAwsEnv, isolateAwsEnvironment } from "./support/aws-env.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { modelSchema } from "../src/operation/schema.js";

const cliInputSkeleton = readFileSync("test/fixtures/cli/skeleton-input.txt", "utf8");
const cliOutputSkeleton: { cases: { name: string; args: string[]; exitCode: number; stderr: string }[] } = JSON.parse(
  readFileSync("test/fixtures/cli/skeleton-output.json", "utf8"),
);

let recorder: Recorder;
beforeAll(async () => (recorder = await startRecorder()));
afterAll(() => recorder.stop());
beforeEach(() => {
  // No credentials at all: a dry run must not need them.
  const restore = isolateAwsEnvironment({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_REGION: "eu-central-1" });
  recorder.requests.length = 0;
  return () => {
    restore();
    expect(recorder.requests, "a dry run sent a request").toHaveLength(0);
  };
});

async function call(args: Record<string, unknown>) {
  const { client, close } = await connectInMemory({ endpointUrl: recorder.url });
  try {
    const { tools } = await client.listTools();
    const result = await client.callTool({ name: "create_identity_pool", arguments: args });
    const texts = (result.content as { text: string }[]).map((c) => c.text);
    return { result, texts, outputSchema: tools.find((t) => t.name === "create_identity_pool")!.outputSchema! };
  } finally {
    await close();
  }
}

function validatesAgainst(schema: object, value: unknown) {
  const validate = new Ajv({ strict: false }).compile(schema);
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
}

describe('generateCliSkeleton "input"', () => {
  it("is byte-identical to the AWS CLI v1's skeleton", async () => {
    const { result, texts, outputSchema } = await call({ generateCliSkeleton: "input" });
    expect(result.isError).toBeFalsy();
    expect(texts[0]).toBe(cliInputSkeleton);
    expect(texts[1]).toMatch(/^Dry run .*nothing was sent/);
    expect(result.structuredContent).toMatchObject({ dryRun: { mode: "input", message: texts[1] } });
    validatesAgainst(outputSchema, result.structuredContent);
  });

  it("fills in the parameters given alongside (the CLI ignores them), keeping the order and placeholders", async () => {
    const { texts } = await call({ generateCliSkeleton: "input", IdentityPoolName: "MyPool", IdentityPoolTags: { env: "dev" } });
    const skeleton = JSON.parse(texts[0]!);
    expect(Object.keys(skeleton)).toEqual(Object.keys(JSON.parse(cliInputSkeleton)));
    expect(skeleton).toEqual({ ...JSON.parse(cliInputSkeleton), IdentityPoolName: "MyPool", IdentityPoolTags: { env: "dev" } });
  });

  it("still refuses an invalid value given alongside", async () => {
    const { result, texts } = await call({ generateCliSkeleton: "input", DeveloperProviderName: "no spaces allowed" });
    expect(result.isError).toBe(true);
    expect(texts[0]).toContain("DeveloperProviderName");
  });
});

describe('generateCliSkeleton "output"', () => {
  const request = {
    IdentityPoolName: "MyIdentityPool",
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [
      {
        ProviderName: "cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa",
        ClientId: "3n4b5urk1ft4fl3mg5e62d9ado",
        ServerSideTokenCheck: false,
      },
    ],
  };

  it("fails in the AWS CLI for this operation (recorded), and works here", async () => {
    const cliRun = cliOutputSkeleton.cases.find((c) => c.args.includes("output") && c.args.includes("--identity-pool-name"));
    expect(cliRun?.exitCode).not.toBe(0);
    const { result, texts, outputSchema } = await call({ ...request, generateCliSkeleton: "output" });
    expect(result.isError, texts.join("\n")).toBeFalsy();
    validatesAgainst(outputSchema, result.structuredContent);
  });

  it("returns a sample pool valid under every model constraint, with an id in the resolved region", async () => {
    const { result } = await call({ ...request, generateCliSkeleton: "output", region: "ap-southeast-2" });
    const { dryRun, ...pool } = result.structuredContent as Record<string, unknown> & { dryRun: Record<string, unknown> };
    expect(modelSchema("IdentityPool").safeParse(pool).success).toBe(true);
    expect(pool).toMatchObject({ ...request, IdentityPoolId: expect.stringMatching(/^ap-southeast-2:[0-9a-f-]+$/) });
    expect(dryRun).toMatchObject({
      mode: "output",
      message: expect.stringMatching(/^Dry run .*nothing was sent/),
      request,
      target: { region: "ap-southeast-2", endpoint: `${recorder.url}/` },
    });
  });

  it("reports the exact body a real call sends", async () => {
    const { result } = await call({ ...request, generateCliSkeleton: "output" });
    const planned = (result.structuredContent as { dryRun: { request: unknown } }).dryRun.request;
    process.env.AWS_ACCESS_KEY_ID = fakeAwsEnv.AWS_ACCESS_KEY_ID;
    process.env.AWS_SECRET_ACCESS_KEY = fakeAwsEnv.AWS_SECRET_ACCESS_KEY;
    await call(request);
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]!.body).toEqual(planned);
    recorder.requests.length = 0;
  });

  it("resolves the region from the environment when none is given, and says where it would go", async () => {
    const { result, texts } = await call({ ...request, generateCliSkeleton: "output" });
    expect((result.structuredContent as { IdentityPoolId: string }).IdentityPoolId).toMatch(/^eu-central-1:/);
    expect(texts[1]).toMatch(/Dry run .*nothing was sent.*region eu-central-1/);
  });

  it("validates exactly as a real call would: required parameters and every rule", async () => {
    const { result, texts } = await call({ generateCliSkeleton: "output", IdentityPoolName: "bad/name" });
    expect(result.isError).toBe(true);
    expect(texts[0]).toContain("IdentityPoolName:");
    expect(texts[0]).toContain("AllowUnauthenticatedIdentities: is required but missing");
  });

  it("renders the sample with query and output like a real result", async () => {
    const { texts } = await call({
      ...request,
      generateCliSkeleton: "output",
      query: "CognitoIdentityProviders[0].ClientId",
      output: "text",
    });
    expect(texts[0]).toBe("3n4b5urk1ft4fl3mg5e62d9ado\n");
  });
});
