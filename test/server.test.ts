/** The server driven by the SDK's Client in memory; calls go to moto or to a loopback recorder. */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CognitoIdentityClient, DescribeIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
import { callOnce, connectInMemory, defaultToolNames } from "./support/client.js";
import { fakeAwsEnv, isolateAwsEnvironment } from "./support/aws-env.js";
import { startRecorder, type Recorder } from "./support/recorder.js";
import { everyParameter, referenceExample } from "./support/pools.js";
import { reportWhenMotoIsMissing } from "./support/moto.js";

const motoUrl = inject("motoUrl");

Object.assign(process.env, fakeAwsEnv);

describe("tools/list", () => {
  it("lists create_identity_pool with its title, annotations and schemas", async () => {
    const { client, close } = await connectInMemory();
    const { tools } = await client.listTools();
    await close();
    expect(tools.map((t) => t.name)).toEqual(defaultToolNames);
    const tool = tools[0]!;
    expect(tool.name).toBe("create_identity_pool");
    expect(tool.title).toBeTruthy();
    expect(tool.annotations).toEqual({ readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true });
    expect(tool.description).toMatch(/exactly as `aws cognito-identity create-identity-pool` does/);
    expect(tool.description).toMatch(/Not idempotent.*ifNameExists "return-existing"/s);
    expect(tool.description).toMatch(/DeveloperProviderName can never be changed/);
    const props = tool.inputSchema.properties as Record<string, Record<string, unknown>>;
    for (const name of Object.keys(everyParameter)) expect(props[name], name).toBeDefined();
    expect(props.IdentityPoolName).toMatchObject({
      minLength: 1,
      maxLength: 128,
      description: "The pool's name. Required (or in cliInputJson/Yaml, cliArgs).",
    });
    expect(props.AllowUnauthenticatedIdentities!.description).toMatch(/Required/);
    expect(props.AllowClassicFlow!.description).not.toMatch(/Required/);
    expect(props.SupportedLoginProviders).toMatchObject({ maxProperties: 10 });
    expect(props.IdentityPoolTags).toMatchObject({ maxProperties: 50 });
    expect(tool.inputSchema.required ?? []).toEqual([]);
    const out = tool.outputSchema!.properties as Record<string, unknown>;
    for (const member of ["IdentityPoolId", ...Object.keys(everyParameter)]) expect(out[member], member).toBeDefined();
  });
});

describe("invalid input never reaches AWS", () => {
  let recorder: Recorder;
  beforeAll(async () => (recorder = await startRecorder()));
  afterAll(() => recorder.stop());

  it("answers isError naming every problem and sends nothing", async () => {
    const result = await callOnce({ endpointUrl: recorder.url }, { IdentityPoolName: "", DeveloperProviderName: "bad name" });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    const text = (result.content as { text: string }[])[0]!.text;
    expect(text).toContain("Invalid input: 3 problems. Nothing was sent to AWS.");
    expect(text).toContain('IdentityPoolName: "" has 0 characters; at least 1 allowed (rule: minLength 1)');
    expect(text).toContain("AllowUnauthenticatedIdentities: is required but missing (rule: required)");
    expect(text).toContain("DeveloperProviderName:");
    expect(recorder.requests).toHaveLength(0);
  });

  it("sends a valid request once, with the body the parameters imply", async () => {
    const result = await callOnce({ endpointUrl: recorder.url }, everyParameter);
    expect(result.isError).toBeFalsy();
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]!.target).toBe("AWSCognitoIdentityService.CreateIdentityPool");
    expect(recorder.requests[0]!.body).toEqual(everyParameter);
    recorder.requests.length = 0;
  });
});

describe("failures are isError results, and the server keeps serving", () => {
  it("reports a refused connection clearly, then serves the next call", async () => {
    const { client, close } = await connectInMemory({ endpointUrl: "http://127.0.0.1:9" });
    const failed = await client.callTool({ name: "create_identity_pool", arguments: { ...referenceExample, cliConnectTimeout: 2 } });
    expect(failed.isError).toBe(true);
    expect(failed.structuredContent).toBeUndefined();
    expect((failed.content as { text: string }[])[0]!.text).toMatch(/ConnectionRefused/);
    const listed = await client.listTools();
    expect(listed.tools.map((t) => t.name)).toEqual(defaultToolNames);
    await close();
  });

  it("explains missing credentials instead of throwing", async () => {
    const restore = isolateAwsEnvironment({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    try {
      const result = await callOnce({ endpointUrl: "http://127.0.0.1:9", profile: "nobody" }, referenceExample);
      expect(result.isError).toBe(true);
      const text = (result.content as { text: string }[])[0]!.text;
      expect(text).toMatch(/CredentialsError|profile/i);
      expect(text).toMatch(/aws configure|AWS_ACCESS_KEY_ID/);
    } finally {
      restore();
    }
  });
});

// moto 5.2 does not implement AllowClassicFlow (moto/cognitoidentity/models.py says so); the request
// carries it (see the recorder test above), moto drops it.
const motoDoesNotStore = ["AllowClassicFlow"];

describe.runIf(motoUrl)("against moto", () => {
  const describeClient = () => new CognitoIdentityClient({ endpoint: motoUrl!, region: "us-east-1" });

  it.each([
    ["the reference page's example", referenceExample],
    ["every parameter", everyParameter],
    ["only the required parameters", { IdentityPoolName: "Minimal", AllowUnauthenticatedIdentities: true }],
  ])("creates %s, and structuredContent equals DescribeIdentityPool", async (_name, args) => {
    const result = await callOnce({ endpointUrl: motoUrl! }, args);
    expect(result.isError).toBeFalsy();
    const pool = result.structuredContent as Record<string, unknown>;
    expect(pool.IdentityPoolId).toMatch(/^us-east-1:[0-9a-f-]+$/);
    const { $metadata: _m, ...described } = await describeClient().send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId as string }),
    );
    expect(pool).toEqual(described);
    for (const [member, value] of Object.entries(args))
      if (!motoDoesNotStore.includes(member)) expect(described[member as keyof typeof described], member).toEqual(value);
    // The text is the same JSON, as the CLI prints it.
    expect(JSON.parse((result.content as { text: string }[])[0]!.text)).toEqual(pool);
  });

  it("creates in the region it is given", async () => {
    const result = await callOnce({ endpointUrl: motoUrl! }, { ...referenceExample, region: "eu-west-1" });
    expect((result.structuredContent as { IdentityPoolId: string }).IdentityPoolId).toMatch(/^eu-west-1:/);
  });
});

reportWhenMotoIsMissing("against moto");

describe("version", () => {
  it("reports this server's, the MCP SDK's, the AWS SDK's and Node's versions, without any AWS call", async () => {
    const recorder = await startRecorder();
    const { client, close } = await connectInMemory({ endpointUrl: recorder.url });
    const result = await client.callTool({ name: "create_identity_pool", arguments: { version: true } });
    const viaCli = await client.callTool({ name: "create_identity_pool", arguments: { cliArgs: "--version" } });
    await close();
    await recorder.stop();
    const versions = (result.structuredContent as { versions: Record<string, string> }).versions;
    expect(Object.keys(versions)).toEqual([
      "cognito-identity-mcp",
      "@modelcontextprotocol/server",
      "@aws-sdk/client-cognito-identity",
      "node",
    ]);
    for (const [name, version] of Object.entries(versions)) expect(version, name).toMatch(/^v?\d+\.\d+\.\d+/);
    expect(viaCli.structuredContent).toEqual(result.structuredContent);
    expect(recorder.requests).toHaveLength(0);
  });
});
