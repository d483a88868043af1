/**
 * The tool against what the real AWS CLI v1 did (test/fixtures/cli, recorded by
 * scripts/record-cli-fixtures.mjs): the same command line sends the same request body to the
 * same region and prints the same text; what the CLI refuses, the tool refuses; what the CLI
 * sends but AWS would refuse, the tool refuses before sending.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectInMemory } from "./support/client.js";
import { fakeAwsEnv } from "./support/aws-env.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { requestSchema } from "../src/operation/schema.js";
import { operationOf } from "../src/operation/model.js";

Object.assign(process.env, fakeAwsEnv);

interface Accepted {
  name: string;
  args: string[];
  body: unknown;
  target: string;
  region: string | null;
  signed: boolean;
  stdout: string;
  note?: string;
}
interface Refused {
  name: string;
  args: string[];
  stderr: string;
}

const accepted: Accepted[] = JSON.parse(readFileSync("test/fixtures/cli/requests.json", "utf8"));
const refused: Refused[] = JSON.parse(readFileSync("test/fixtures/cli/refusals.json", "utf8"));
// botocore checks little; whether AWS would refuse a body the CLI sent is decided by the service
// model (and AWS's documented limits), the same schema the tool enforces.
const validForService = (c: Accepted) => requestSchema(operationOf("CreateIdentityPool")).safeParse(c.body).success;
const sentByCli = accepted.filter(validForService);
const refusedByService = accepted.filter((c) => !validForService(c));

let recorder: Recorder;
beforeAll(async () => (recorder = await startRecorder()));
afterAll(() => recorder.stop());

/** The region a SigV4 request was signed for: the credential scope in its Authorization header. */
function signedRegion(authorization: string | string[] | undefined): string | null {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(authorization ?? ""))?.[1] ?? null;
}

async function callWithCliArgs(args: string[]) {
  const { client, close } = await connectInMemory({ endpointUrl: recorder.url, allowNoSignRequest: true });
  recorder.requests.length = 0;
  try {
    const result = await client.callTool({ name: "create_identity_pool", arguments: { cliArgs: args } });
    return { result, requests: [...recorder.requests], text: (result.content as { text: string }[])[0]?.text ?? "" };
  } finally {
    await close();
  }
}

describe("command lines the AWS CLI sends: same body, region and output", () => {
  it("has recorded cases of both kinds", () => {
    expect(sentByCli.length).toBeGreaterThan(50);
    expect(refusedByService.length).toBeGreaterThan(5);
  });
  it.each(sentByCli.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { result, requests, text } = await callWithCliArgs(c.args);
    expect(result.isError, text).toBeFalsy();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.target).toBe(c.target);
    expect(requests[0]!.body).toEqual(c.body);
    expect(signedRegion(requests[0]!.headers.authorization)).toBe(c.signed ? c.region : null);
    expect(text).toBe(c.stdout);
  });
});

describe("command lines the AWS CLI refuses before sending: refused too, nothing sent", () => {
  it.each(refused.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { result, requests, text } = await callWithCliArgs(c.args);
    expect(result.isError, text).toBe(true);
    expect(text).toMatch(/^Invalid input: \d+ problems?\. Nothing was sent to AWS\./);
    expect(requests).toHaveLength(0);
  });
});

describe("command lines the AWS CLI sends but AWS refuses: refused before sending", () => {
  it.each(refusedByService.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { result, requests, text } = await callWithCliArgs(c.args);
    expect(result.isError, text).toBe(true);
    expect(text).toMatch(/\(rule: [^)]+\)/);
    expect(requests).toHaveLength(0);
  });
});
