/**
 * list_identity_pools pages exactly as the AWS CLI v1 does: every command line recorded in
 * test/fixtures/cli/list-identity-pools/pagination.json (scripts/record-cli-fixtures.mjs, the real
 * `aws` against a loopback endpoint serving the same pages) sends the same requests in the same
 * order and prints the same text, resume tokens included; what the CLI refuses is refused with
 * nothing sent.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connectInMemory } from "./support/client.js";
import { isolateAwsEnvironment } from "./support/aws-env.js";
import { startRecorder, type Recorder } from "./support/recorder.js";

interface Page {
  nextToken: string | null;
  response: Record<string, unknown>;
}
interface Case {
  name: string;
  args: string[];
  exitCode: number;
  requests: { target: string; body: Record<string, unknown> }[];
  stdout: string;
}
const fixtures = JSON.parse(readFileSync("test/fixtures/cli/list-identity-pools/pagination.json", "utf8")) as {
  pages: Page[];
  unknownTokenPage: Record<string, unknown>;
  cases: Case[];
};

let endpoint: Recorder;
beforeAll(async () => {
  endpoint = await startRecorder({
    answer: ({ body }) => {
      const token = ((body ?? {}) as { NextToken?: string }).NextToken ?? null;
      return { body: fixtures.pages.find((p) => p.nextToken === token)?.response ?? fixtures.unknownTokenPage };
    },
  });
});
afterAll(() => endpoint.stop());

describe("list_identity_pools pages as the AWS CLI does", () => {
  it.each(fixtures.cases.map((c) => [c.name, c] as const))("%s", async (_name, recorded) => {
    const restore = isolateAwsEnvironment({ AWS_REGION: "us-east-1" });
    const { client, close } = await connectInMemory({ endpointUrl: endpoint.url });
    try {
      endpoint.requests.length = 0;
      const result = (await client.callTool({
        name: "list_identity_pools",
        arguments: { cliArgs: ["aws", "cognito-identity", "list-identity-pools", ...recorded.args] },
      })) as CallToolResult;
      const sent = endpoint.requests.map((r) => ({ target: r.target, body: r.body }));
      if (recorded.exitCode !== 0) {
        expect(result.isError, JSON.stringify(result.content)).toBe(true);
        expect(sent).toEqual([]);
        return;
      }
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      expect(sent).toEqual(recorded.requests.map((r) => ({ target: r.target, body: r.body })));
      expect((result.content as { text: string }[])[0]!.text).toBe(recorded.stdout);
    } finally {
      await close();
      restore();
    }
  });
});
