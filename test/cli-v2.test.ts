import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { operationOf } from "../src/operation/model.js";
import { yamlInputSkeleton } from "../src/operation/yaml-skeleton.js";
import { renderOutput } from "../src/operation/render.js";
import { prepareCall } from "../src/call/prepare.js";

const reference = (name: string) => readFileSync(`/work/shared/reference/aws-cli-v2-${name}.txt`, "utf8");
const create = { operation: operationOf("CreateIdentityPool"), effectOptions: ["ifNameExists" as const] };

describe("AWS CLI v2 dialect", () => {
  it("yaml-input skeleton matches v2's byte for byte (shared reference file)", () => {
    expect(yamlInputSkeleton(operationOf("CreateIdentityPool"))).toBe(reference("create-identity-pool-yaml-input"));
  });

  it("--output yaml matches v2's rendering of a created pool (shared reference file)", () => {
    const pool = {
      IdentityPoolId: "us-east-1:11111111-1111-1111-1111-111111111111",
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
    expect(renderOutput(pool, "yaml", "")).toBe(reference("create-identity-pool-output-yaml"));
  });

  it("cliArgs: --cli-input-yaml merges as --cli-input-json does; explicit arguments win", () => {
    const prepared = prepareCall(create, {
      cliArgs: [
        "--identity-pool-name",
        "Explicit",
        "--cli-input-yaml",
        "IdentityPoolName: FromYaml\nAllowUnauthenticatedIdentities: true\n",
        "--output",
        "yaml",
        "--no-cli-pager",
        "--cli-binary-format",
        "raw-in-base64-out",
      ],
    });
    expect(prepared.ok && prepared.value.request).toEqual({ IdentityPoolName: "Explicit", AllowUnauthenticatedIdentities: true });
  });

  it("structured: cliInputYaml with generateCliSkeleton yaml-input and output off are accepted", () => {
    const prepared = prepareCall(create, { cliInputYaml: "IdentityPoolName: p\nAllowUnauthenticatedIdentities: false\n", output: "off" });
    expect(prepared.ok).toBe(true);
    expect(prepareCall(create, { generateCliSkeleton: "yaml-input" }).ok).toBe(true);
  });

  it("--cli-auto-prompt is refused with a reason", () => {
    const prepared = prepareCall(create, { cliArgs: "--identity-pool-name p --no-allow-unauthenticated-identities --cli-auto-prompt" });
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.error.map((p) => p.message).join()).toMatch(/no terminal/);
  });
});
