/**
 * The sandbox (src/sandbox): the same scenarios against moto and against the sandbox, through the
 * AWS SDK and the AWS CLI v1; AWS-shaped errors, stricter than moto; pools that survive a hard kill.
 *
 * Where moto 5.2 departs from the AWS API reference, the sandbox follows the reference and the test
 * says so: moto's UpdateIdentityPool keeps the old name and the members the request left out,
 * ListIdentityPools ignores MaxResults and NextToken, AllowClassicFlow is not stored, and a pool
 * created without tags comes back with `IdentityPoolTags: {}`.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
  UpdateIdentityPoolCommand,
  type CreateIdentityPoolInput,
} from "@aws-sdk/client-cognito-identity";
import { startSandbox, runSandboxCommand, type Sandbox } from "../src/sandbox/server.js";
import { reportWhenMotoIsMissing, resetMoto, startMoto, type Moto } from "./support/moto.js";
import { everyParameter, referenceExample } from "./support/pools.js";
import { tempDir } from "./support/temp-dir.js";
import { body, errorOf, sdk } from "./support/sdk.js";
import { childEnv, fakeAwsEnv } from "./support/aws-env.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = fakeAwsEnv.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
const motoAvailable = inject("motoUrl") !== null;
const awsCliAvailable = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
const run = promisify(execFile);

const uuidV4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

/** Generated ids become `<region pool N>` in order of first appearance, once checked to be `<region>:<uuid v4>`. */
function withoutIds(value: unknown): unknown {
  const names = new Map<string, string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const id = new RegExp(`^([a-z0-9-]+):${uuidV4}$`).exec(v);
      if (!id) return v;
      if (!names.has(v)) names.set(v, `<${id[1]} pool ${names.size + 1}>`);
      return names.get(v);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** moto answers `IdentityPoolTags: {}` for a pool created without tags; the sandbox, like the reference, omits what was never set. */
function withoutMotosEmptyTags(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMotosEmptyTags);
  if (!value || typeof value !== "object") return value;
  const entries = Object.entries(value).filter(
    ([k, v]) => !(k === "IdentityPoolTags" && v && typeof v === "object" && Object.keys(v).length === 0),
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutMotosEmptyTags(v)]));
}

/** moto does not store AllowClassicFlow; the sandbox does (asserted on its own), so it is set aside to compare the rest. */
function withoutClassicFlow(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutClassicFlow);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "AllowClassicFlow")
      .map(([k, v]) => [k, withoutClassicFlow(v)]),
  );
}

/** Raw AWS JSON 1.1 request, for what the SDK would refuse to send. */
async function post(url: string, target: string, payload: string | object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target, ...headers },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const signedIn = (region: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20260101/${region}/cognito-identity/aws4_request, SignedHeaders=host, Signature=0`,
});

// This file starts its own moto: the shared one is reset by other files' tests while these run.
let moto: Moto | undefined;
beforeAll(async () => {
  if (motoAvailable) moto = await startMoto();
});
afterAll(() => moto?.stop());

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
});
afterEach(() => sandbox.close());

describe("the AWS JSON 1.1 protocol", () => {
  it("answers with the protocol's content type and a request id, on success and on error", async () => {
    const ok = await post(sandbox.url, "AWSCognitoIdentityService.ListIdentityPools", { MaxResults: 10 });
    expect(ok).toMatchObject({ status: 200, body: { IdentityPools: [] } });
    expect(ok.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(ok.headers.get("x-amzn-requestid")).toMatch(new RegExp(`^${uuidV4}$`));
    const failed = await post(sandbox.url, "AWSCognitoIdentityService.DescribeIdentityPool", {
      IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000",
    });
    expect(failed.status).toBe(400);
    expect(failed.body).toEqual({
      __type: "ResourceNotFoundException",
      message: "IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found.",
    });
    expect(failed.headers.get("x-amzn-requestid")).toMatch(new RegExp(`^${uuidV4}$`));
    expect(failed.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
  });

  it("refuses unknown targets, bodies that are not JSON or of the wrong types, and oversized bodies", async () => {
    // GetIdentity is no operation of the service (GetId is, since the sandbox serves all 23).
    for (const target of ["AWSCognitoIdentityService.GetIdentity", "AWSCognitoIdentityService.toString", "Other.ListIdentityPools"])
      expect((await post(sandbox.url, target, {})).body.__type, target).toBe("UnknownOperationException");
    expect((await fetch(sandbox.url)).status).toBe(400);
    const notJson = await post(sandbox.url, "AWSCognitoIdentityService.CreateIdentityPool", "{not json");
    expect(notJson).toMatchObject({ status: 400, body: { __type: "SerializationException" } });
    const wrongTypes = await post(sandbox.url, "AWSCognitoIdentityService.CreateIdentityPool", {
      IdentityPoolName: 5,
      AllowUnauthenticatedIdentities: "yes",
      Surprise: 1,
    });
    expect(wrongTypes.body.__type).toBe("SerializationException");
    expect(wrongTypes.body.message).toContain("IdentityPoolName: must be a string, got number 5");
    expect(wrongTypes.body.message).toContain('AllowUnauthenticatedIdentities: must be true or false, got string "yes"');
    expect(wrongTypes.body.message).toContain("Surprise: is not a known key");
    const huge = await post(sandbox.url, "AWSCognitoIdentityService.CreateIdentityPool", { IdentityPoolName: "x".repeat(1_100_000) });
    expect(huge).toMatchObject({ status: 413, body: { __type: "SerializationException" } });
  });

  it("makes ids in the region of the request's credential scope (us-east-1 without one), and keeps regions apart", async () => {
    const pool = { IdentityPoolName: "regional", AllowUnauthenticatedIdentities: false };
    const unsigned = await post(sandbox.url, "AWSCognitoIdentityService.CreateIdentityPool", pool);
    expect(unsigned.body.IdentityPoolId).toMatch(new RegExp(`^us-east-1:${uuidV4}$`));
    const oregon = await post(sandbox.url, "AWSCognitoIdentityService.CreateIdentityPool", pool, signedIn("us-west-2"));
    expect(oregon.body.IdentityPoolId).toMatch(new RegExp(`^us-west-2:${uuidV4}$`));
    const listed = await post(sandbox.url, "AWSCognitoIdentityService.ListIdentityPools", { MaxResults: 60 }, signedIn("us-west-2"));
    expect(listed.body).toEqual({ IdentityPools: [{ IdentityPoolId: oregon.body.IdentityPoolId, IdentityPoolName: "regional" }] });
    const elsewhere = await post(
      sandbox.url,
      "AWSCognitoIdentityService.DescribeIdentityPool",
      { IdentityPoolId: oregon.body.IdentityPoolId },
      signedIn("eu-west-1"),
    );
    expect(elsewhere.body.__type).toBe("ResourceNotFoundException");
  });

  it("refuses to listen beyond loopback", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "example.com"])
      await expect(startSandbox({ host }), host).rejects.toThrow(/loopback only/);
  });
});

describe("the AWS API reference, where moto departs from it", () => {
  it("UpdateIdentityPool replaces the pool's settings with the request, name included (moto keeps the old name and the omitted members)", async () => {
    const client = sdk(sandbox.url);
    const { IdentityPoolId } = await client.send(new CreateIdentityPoolCommand(everyParameter));
    const update = {
      IdentityPoolId: IdentityPoolId!,
      IdentityPoolName: "Renamed",
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: everyParameter.DeveloperProviderName,
    };
    expect(await body(client.send(new UpdateIdentityPoolCommand(update)))).toEqual(update);
    expect(await body(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId })))).toEqual(update);
    const listed = await body(client.send(new ListIdentityPoolsCommand({ MaxResults: 10 })));
    expect(listed.IdentityPools).toEqual([{ IdentityPoolId, IdentityPoolName: "Renamed" }]);
  });

  it("UpdateIdentityPool cannot change a DeveloperProviderName once set, and keeps it when the request omits it", async () => {
    const client = sdk(sandbox.url);
    const { IdentityPoolId } = await client.send(
      new CreateIdentityPoolCommand({ ...referenceExample, DeveloperProviderName: "login.first" }),
    );
    const changed = await errorOf(
      client.send(
        new UpdateIdentityPoolCommand({ ...referenceExample, IdentityPoolId: IdentityPoolId!, DeveloperProviderName: "login.second" }),
      ),
    );
    expect(changed.name).toBe("InvalidParameterException");
    const omitted = await body(client.send(new UpdateIdentityPoolCommand({ ...referenceExample, IdentityPoolId: IdentityPoolId! })));
    expect(omitted.DeveloperProviderName).toBe("login.first");
  });

  it("ListIdentityPools honours MaxResults and pages with NextToken, across deletes (moto ignores both)", async () => {
    const client = sdk(sandbox.url);
    const ids: string[] = [];
    for (const name of ["one", "two", "three", "four", "five"])
      ids.push(
        (await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: name, AllowUnauthenticatedIdentities: false })))
          .IdentityPoolId!,
      );
    const first = await body(client.send(new ListIdentityPoolsCommand({ MaxResults: 2 })));
    expect(first.IdentityPools!.map((p) => p.IdentityPoolName)).toEqual(["one", "two"]);
    // The pool after the token's position is deleted before the next page: paging goes on from where it was.
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: ids[2]! }));
    const second = await body(client.send(new ListIdentityPoolsCommand({ MaxResults: 2, NextToken: first.NextToken })));
    expect(second.IdentityPools!.map((p) => p.IdentityPoolName)).toEqual(["four", "five"]);
    expect(second.NextToken).toBeUndefined();
    const invalid = await errorOf(client.send(new ListIdentityPoolsCommand({ MaxResults: 2, NextToken: "not-a-token" })));
    expect(invalid.name).toBe("InvalidParameterException");
    // A token is only good in the region that issued it.
    const other = await errorOf(
      sdk(sandbox.url, "eu-west-1").send(new ListIdentityPoolsCommand({ MaxResults: 2, NextToken: first.NextToken })),
    );
    expect(other.name).toBe("InvalidParameterException");
  });

  it("AllowClassicFlow is stored and returned (moto drops it)", async () => {
    const client = sdk(sandbox.url);
    const created = await body(client.send(new CreateIdentityPoolCommand(everyParameter)));
    expect(created.AllowClassicFlow).toBe(true);
    const described = await body(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId })));
    expect(described).toEqual(created);
    expect(described).toEqual({ IdentityPoolId: created.IdentityPoolId, ...everyParameter });
  });
});

/** Every SDK call of the scenario, in order; the pool list must start empty. */
async function sdkScenario(endpoint: string, region: string) {
  const client = sdk(endpoint, region);
  const created = await body(client.send(new CreateIdentityPoolCommand(referenceExample)));
  const every = await body(client.send(new CreateIdentityPoolCommand(everyParameter)));
  const IdentityPoolId = created.IdentityPoolId!;
  // Every member is sent, and the name kept: moto's partial, name-keeping update agrees with AWS's here.
  const update = { ...referenceExample, IdentityPoolId, AllowUnauthenticatedIdentities: true };
  const transcript = {
    created,
    every,
    described: await body(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId }))),
    describedEvery: await body(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: every.IdentityPoolId }))),
    listed: await body(client.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))),
    updated: await body(client.send(new UpdateIdentityPoolCommand(update))),
    describedAfterUpdate: await body(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId }))),
    deleted: await body(client.send(new DeleteIdentityPoolCommand({ IdentityPoolId }))),
    describeAfterDelete: (await errorOf(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId })))).name,
    deleteAfterDelete: (await errorOf(client.send(new DeleteIdentityPoolCommand({ IdentityPoolId })))).name,
    listedAfterDelete: await body(client.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))),
    listedInAnotherRegion: await body(
      sdk(endpoint, region === "us-east-1" ? "eu-west-1" : "us-east-1").send(new ListIdentityPoolsCommand({ MaxResults: 60 })),
    ),
  };
  client.destroy();
  return transcript;
}

describe.runIf(motoAvailable)("the same answers as moto", () => {
  it.each(["us-east-1", "eu-west-1"])("through the AWS SDK, in %s", async (region) => {
    await resetMoto(moto!.url);
    const fromMoto = await sdkScenario(moto!.url, region);
    const fromSandbox = await sdkScenario(sandbox.url, region);
    expect(fromSandbox.created.IdentityPoolId).toMatch(new RegExp(`^${region}:${uuidV4}$`));
    expect(fromSandbox.every.AllowClassicFlow).toBe(true);
    expect(fromSandbox.describedEvery.AllowClassicFlow).toBe(true);
    expect(fromSandbox.describeAfterDelete).toBe("ResourceNotFoundException");
    expect(withoutClassicFlow(withoutIds(fromSandbox))).toEqual(withoutMotosEmptyTags(withoutIds(fromMoto)));
  });

  it("refuses a name outside the model's pattern with the same error as moto, word for word", async () => {
    const request = { IdentityPoolName: "bad!", AllowUnauthenticatedIdentities: false };
    const fromMoto = await errorOf(sdk(moto!.url).send(new CreateIdentityPoolCommand(request)));
    const fromSandbox = await errorOf(sdk(sandbox.url).send(new CreateIdentityPoolCommand(request)));
    expect(fromSandbox).toEqual(fromMoto);
    expect(fromSandbox).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value 'bad!' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
    });
  });
});

reportWhenMotoIsMissing("the same answers as moto");

// The AWS CLI v1 reads its region from AWS_DEFAULT_REGION, not AWS_REGION.
const cliEnv = childEnv({ ...fakeAwsEnv, AWS_DEFAULT_REGION: "us-east-1" });

/** `aws --endpoint-url URL cognito-identity …`, without a shell; parsed JSON output ("" when there is none). */
async function aws(url: string, args: string[]): Promise<unknown> {
  const { stdout } = await run("aws", ["--endpoint-url", url, "--output", "json", "cognito-identity", ...args], { env: cliEnv });
  return stdout.trim() ? JSON.parse(stdout) : "";
}

async function awsFailure(url: string, args: string[]): Promise<string> {
  try {
    await aws(url, args);
  } catch (error) {
    return (error as { stderr: string }).stderr.trim();
  }
  throw new Error(`aws ${args.join(" ")} succeeded`);
}

async function cliScenario(url: string) {
  // The reference page's example command, as written there.
  const created = (await aws(url, [
    "create-identity-pool",
    "--identity-pool-name",
    "MyIdentityPool",
    "--no-allow-unauthenticated-identities",
    "--cognito-identity-providers",
    "ProviderName=cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa,ClientId=3n4b5urk1ft4fl3mg5e62d9ado,ServerSideTokenCheck=false",
  ])) as { IdentityPoolId: string };
  const every = (await aws(url, ["create-identity-pool", "--cli-input-json", JSON.stringify(everyParameter)])) as {
    IdentityPoolId: string;
  };
  const id = created.IdentityPoolId;
  const [described, describedEvery, listed] = await Promise.all([
    aws(url, ["describe-identity-pool", "--identity-pool-id", id]),
    aws(url, ["describe-identity-pool", "--identity-pool-id", every.IdentityPoolId]),
    aws(url, ["list-identity-pools", "--max-results", "10"]),
  ]);
  return {
    created,
    every,
    described,
    describedEvery,
    listed,
    updated: await aws(url, [
      "update-identity-pool",
      "--identity-pool-id",
      id,
      "--identity-pool-name",
      "MyIdentityPool",
      "--allow-unauthenticated-identities",
      "--cognito-identity-providers",
      "ProviderName=cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa,ClientId=3n4b5urk1ft4fl3mg5e62d9ado,ServerSideTokenCheck=true",
    ]),
    deleted: await aws(url, ["delete-identity-pool", "--identity-pool-id", id]),
    describeAfterDelete: await awsFailure(url, ["describe-identity-pool", "--identity-pool-id", id]),
    listedAfterDelete: await aws(url, ["list-identity-pools", "--max-results", "10"]),
  };
}

describe.runIf(awsCliAvailable)("the AWS CLI v1 against the sandbox", () => {
  it("runs all five operations, with the same output as moto when moto is installed", { timeout: 90_000 }, async () => {
    const [fromSandbox, fromMoto] = await Promise.all([
      cliScenario(sandbox.url),
      moto && resetMoto(moto.url).then(() => cliScenario(moto!.url)),
    ]);
    expect(fromSandbox.created).toEqual({
      IdentityPoolId: expect.stringMatching(new RegExp(`^us-east-1:${uuidV4}$`)),
      ...referenceExample,
    });
    expect(fromSandbox.every).toEqual({ IdentityPoolId: expect.any(String), ...everyParameter });
    expect(fromSandbox.deleted).toBe("");
    expect(fromSandbox.describeAfterDelete).toMatch(
      /\(ResourceNotFoundException\) when calling the DescribeIdentityPool operation: IdentityPool '.*' not found\.$/,
    );
    if (!fromMoto) return;
    expect(fromMoto.describeAfterDelete).toMatch(/\(ResourceNotFoundException\) when calling the DescribeIdentityPool operation/);
    const comparable = ({ describeAfterDelete: _error, ...outputs }: Awaited<ReturnType<typeof cliScenario>>) => outputs;
    expect(withoutClassicFlow(withoutIds(comparable(fromSandbox)))).toEqual(withoutMotosEmptyTags(withoutIds(comparable(fromMoto))));
  });

  it("pages list-identity-pools --max-results 1 with --next-token", { timeout: 60_000 }, async () => {
    // The CLI turns its automatic paging off when the limit (--max-results) is given, and ListIdentityPools
    // requires it, so the pages are walked with --next-token, as a person would.
    for (const name of ["first", "second", "third"])
      await aws(sandbox.url, ["create-identity-pool", "--identity-pool-name", name, "--no-allow-unauthenticated-identities"]);
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = (await aws(sandbox.url, ["list-identity-pools", "--max-results", "1", ...(token ? ["--next-token", token] : [])])) as {
        IdentityPools: { IdentityPoolName: string }[];
        NextToken?: string;
      };
      expect(page.IdentityPools).toHaveLength(1);
      names.push(page.IdentityPools[0]!.IdentityPoolName);
      token = page.NextToken;
    } while (token);
    expect(names).toEqual(["first", "second", "third"]);
  });

  it("prints the sandbox's errors as it prints AWS's", { timeout: 60_000 }, async () => {
    const tooLong = await awsFailure(sandbox.url, [
      "create-identity-pool",
      "--identity-pool-name",
      "n".repeat(129),
      "--no-allow-unauthenticated-identities",
    ]);
    expect(tooLong).toBe(
      `An error occurred (ValidationException) when calling the CreateIdentityPool operation: 1 validation error detected: Value '${"n".repeat(129)}' at 'identityPoolName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
    expect(await awsFailure(sandbox.url, ["list-identity-pools", "--max-results", "61"])).toContain("(ValidationException)");
    expect(
      await awsFailure(sandbox.url, ["delete-identity-pool", "--identity-pool-id", "us-east-1:00000000-0000-4000-8000-000000000000"]),
    ).toContain("(ResourceNotFoundException)");
  });
});

describe("invalid requests: the service's errors, stricter than moto", () => {
  // moto 5.2 checks the name's pattern only: it accepts every one of these but the first.
  const name128 = "n".repeat(128);
  const create = (overrides: Partial<CreateIdentityPoolInput>) => ({
    IdentityPoolName: "Valid name",
    AllowUnauthenticatedIdentities: false,
    ...overrides,
  });
  const providers = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`provider${i}.example.com`, `app${i}`]));
  const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`key${i}`, `value${i}`]));

  it.each([
    [
      "a 129-character name",
      create({ IdentityPoolName: `${name128}x` }),
      `Value '${name128}x' at 'identityPoolName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    ],
    [
      "a DeveloperProviderName outside its pattern",
      create({ DeveloperProviderName: "login example" }),
      "Value 'login example' at 'developerProviderName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w._-]+",
    ],
    [
      "11 login providers",
      create({ SupportedLoginProviders: providers(11) }),
      "at 'supportedLoginProviders' failed to satisfy constraint: Member must have length less than or equal to 10",
    ],
    [
      "a login provider's app id outside its pattern",
      create({ SupportedLoginProviders: { "graph.facebook.com": "id with spaces" } }),
      "Value '{graph.facebook.com=id with spaces}' at 'supportedLoginProviders' failed to satisfy constraint: Map value must satisfy constraint: [Member must satisfy regular expression pattern: [\\w.;_/-]+]",
    ],
    [
      "a client id outside its pattern, in the second provider",
      create({
        CognitoIdentityProviders: [
          { ProviderName: "a", ClientId: "ok" },
          { ProviderName: "b", ClientId: "not-ok" },
        ],
      }),
      "Value 'not-ok' at 'cognitoIdentityProviders.2.member.clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w_]+",
    ],
    [
      "a tag key starting with aws:",
      create({ IdentityPoolTags: { "aws:team": "x" } }),
      "Value '{aws:team=x}' at 'identityPoolTags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must not begin with 'aws:', a prefix reserved for AWS]",
    ],
    [
      "51 tags",
      create({ IdentityPoolTags: tags(51) }),
      "at 'identityPoolTags' failed to satisfy constraint: Member must have length less than or equal to 50",
    ],
    [
      "an ARN shorter than 20 characters",
      create({ SamlProviderARNs: ["arn:short"] }),
      "Value 'arn:short' at 'samlProviderARNs.1.member' failed to satisfy constraint: Member must have length greater than or equal to 20",
    ],
  ])("CreateIdentityPool with %s is a ValidationException", async (_case, request, expected) => {
    const failure = await errorOf(sdk(sandbox.url).send(new CreateIdentityPoolCommand(request as CreateIdentityPoolInput)));
    expect(failure.name).toBe("ValidationException");
    expect(failure.message).toMatch(/^1 validation error detected: /);
    expect(failure.message).toContain(expected);
  });

  it.each([
    [0, "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    [61, "Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60"],
  ])("ListIdentityPools with MaxResults %i is a ValidationException", async (maxResults, expected) => {
    const failure = await errorOf(sdk(sandbox.url).send(new ListIdentityPoolsCommand({ MaxResults: maxResults })));
    expect(failure).toEqual({ name: "ValidationException", message: `1 validation error detected: ${expected}` });
  });

  it("names every problem of a request at once, missing members included", async () => {
    const failure = await post(sandbox.url, "AWSCognitoIdentityService.UpdateIdentityPool", {
      IdentityPoolId: "nope",
      IdentityPoolName: "",
    });
    expect(failure.body).toEqual({
      __type: "ValidationException",
      message: [
        "4 validation errors detected: Value 'nope' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
        "Value '' at 'identityPoolName' failed to satisfy constraint: Member must have length greater than or equal to 1",
        "Value '' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
        "Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null",
      ].join("; "),
    });
  });

  it.runIf(motoAvailable)("moto accepts what the sandbox refuses", async () => {
    await resetMoto(moto!.url);
    for (const request of [
      create({ IdentityPoolName: `${name128}x` }),
      create({ SupportedLoginProviders: providers(11) }),
      create({ IdentityPoolTags: { "aws:team": "x" } }),
    ])
      expect((await sdk(moto!.url).send(new CreateIdentityPoolCommand(request))).IdentityPoolId).toBeTruthy();
    expect((await sdk(moto!.url).send(new ListIdentityPoolsCommand({ MaxResults: 61 }))).IdentityPools).toHaveLength(3);
  });
});

/** Runs `cognito-identity-mcp sandbox …` (runSandboxCommand) as a child process and waits for its ready line. */
async function startCommand(args: string[]): Promise<{ child: ChildProcess; url: string; tryLine: string; stderr: () => string }> {
  const script = 'import("./src/sandbox/server.ts").then((m) => m.runSandboxCommand(process.argv.slice(1)))';
  const child = spawn(process.execPath, ["--import", "tsx", "-e", script, "--", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const deadline = Date.now() + 20_000;
  while (!/^Try: .*$/m.test(stderr)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the sandbox command did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    url: /Cognito Identity sandbox on (http:\/\/\S+?);/.exec(stderr)![1]!,
    tryLine: /^Try: (.*)$/m.exec(stderr)![1]!,
    stderr: () => stderr,
  };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

describe("the sandbox command and its data file", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir("cim-sandbox-");
  });

  it("keeps every acknowledged change through a SIGKILL", async () => {
    const dataFile = join(dir, "pools.json");
    const { child, url } = await startCommand(["--port", "0", "--data", dataFile]);
    try {
      const client = sdk(url);
      const created = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          body(client.send(new CreateIdentityPoolCommand({ ...everyParameter, IdentityPoolName: `pool ${i}` }))),
        ),
      );
      const eu = await body(sdk(url, "eu-west-1").send(new CreateIdentityPoolCommand(referenceExample)));
      const renamed = await body(client.send(new UpdateIdentityPoolCommand({ ...created[0]!, IdentityPoolName: "renamed" })));
      await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: created[1]!.IdentityPoolId }));
      child.kill("SIGKILL");
      expect((await exited(child)).signal).toBe("SIGKILL");

      const restarted = await startSandbox({ dataFile });
      try {
        const after = sdk(restarted.url);
        const expected = [renamed, ...created.slice(2)];
        for (const pool of expected)
          expect(await body(after.send(new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId })))).toEqual(pool);
        const listed = await body(after.send(new ListIdentityPoolsCommand({ MaxResults: 60 })));
        expect(new Set(listed.IdentityPools!.map((p) => p.IdentityPoolId))).toEqual(new Set(expected.map((p) => p.IdentityPoolId)));
        expect((await errorOf(after.send(new DescribeIdentityPoolCommand({ IdentityPoolId: created[1]!.IdentityPoolId })))).name).toBe(
          "ResourceNotFoundException",
        );
        expect(
          await body(sdk(restarted.url, "eu-west-1").send(new DescribeIdentityPoolCommand({ IdentityPoolId: eu.IdentityPoolId }))),
        ).toEqual(eu);
      } finally {
        await restarted.close();
      }
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("starts from the data file when a crash left a half-written temporary file beside it", async () => {
    const dataFile = join(dir, "pools.json");
    const first = await startSandbox({ dataFile });
    const { IdentityPoolId } = await sdk(first.url).send(new CreateIdentityPoolCommand(referenceExample));
    await first.close();
    expect(await readdir(dir)).toEqual(["pools.json"]);
    await writeFile(join(dir, ".pools.json.tmp"), '{"format": "cognito-identity-mcp sandbox 1", "pools": [{"seq');
    const second = await startSandbox({ dataFile });
    expect((await sdk(second.url).send(new DescribeIdentityPoolCommand({ IdentityPoolId }))).IdentityPoolName).toBe("MyIdentityPool");
    await second.close();
  });

  it.each([
    ["not JSON", "{not json", /is corrupt \(not JSON/],
    ["truncated", '{"format": "cognito-identity-mcp sandbox 1", "lastSeq', /is corrupt \(not JSON/],
    ["of another format", '{"pools": []}', /is corrupt \(format: /],
    [
      "holding a pool AWS would refuse",
      JSON.stringify({
        format: "cognito-identity-mcp sandbox 1",
        lastSequence: 1,
        pools: [{ sequence: 1, pool: { IdentityPoolId: "us-east-1:1", IdentityPoolName: "bad!", AllowUnauthenticatedIdentities: false } }],
      }),
      /is corrupt \(pools\.0\.pool\.IdentityPoolName: /,
    ],
  ])("refuses to start on a data file %s, and leaves it as it is", async (_case, contents, message) => {
    const dataFile = join(dir, "pools.json");
    await writeFile(dataFile, contents);
    await expect(startSandbox({ dataFile })).rejects.toThrow(message);
    await expect(startSandbox({ dataFile })).rejects.toThrow(dataFile);
    expect(await readFile(dataFile, "utf8")).toBe(contents);
  });

  it("refuses at start a data file it cannot write", async () => {
    await expect(startSandbox({ dataFile: join(dir, "missing-directory", "pools.json") })).rejects.toThrow(/ENOENT/);
  });

  it.runIf(awsCliAvailable)(
    "prints a line that works as pasted, with no AWS configuration, and stops cleanly on SIGTERM",
    { timeout: 60_000 },
    async () => {
      const { child, url, tryLine, stderr } = await startCommand(["--port", "0"]);
      try {
        const [command, ...args] = tryLine.split(" ");
        expect(command).toBe("aws");
        expect(args.slice(0, 2)).toEqual(["--endpoint-url", url]);
        const env = { PATH: process.env.PATH ?? "", HOME: dir, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" };
        const { stdout } = await run(command!, args, { env });
        expect(JSON.parse(stdout)).toEqual({ IdentityPools: [] });
        child.kill("SIGTERM");
        expect(await exited(child)).toEqual({ code: 0, signal: null });
        expect(stderr()).toContain("Sandbox stopped.");
      } finally {
        child.kill("SIGKILL");
      }
    },
  );

  it("refuses bad arguments", async () => {
    await expect(runSandboxCommand(["--port", "http"])).rejects.toThrow(/--port must be a whole number/);
    await expect(runSandboxCommand(["--port", "70000"])).rejects.toThrow(/--port must be a whole number/);
    await expect(runSandboxCommand(["--host", "0.0.0.0"])).rejects.toThrow(/loopback only/);
    await expect(runSandboxCommand(["--verbose"])).rejects.toThrow(/Unknown option '--verbose'/);
  });
});
