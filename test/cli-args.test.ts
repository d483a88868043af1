/**
 * cliArgs: command lines are parsed as the AWS CLI v1 parses them. The expectations come
 * from the real CLI: test/fixtures/cli (recorded by scripts/record-cli-fixtures.mjs) and
 * test/fixtures/cli-args/observed.json (recorded by record-observations.mjs next to it).
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createFileReader, parseCommandLine, type ParsedCommandLine } from "../src/cli/parse-command-line.js";
import { operationParameters } from "../src/cli/operation-parameters.js";
import { operationOf, xformName } from "../src/operation/model.js";
import { InputError, type Problem } from "../src/operation/problems.js";
import { tempDir } from "./support/temp-dir.js";
import { connectInMemory } from "./support/client.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const loadJson = <T>(name: string): T => JSON.parse(readFileSync(fixture(name), "utf8")) as T;

const CREATE = operationOf("CreateIdentityPool");
const FILES_DIR = fixture("cli-args/files");
const readFile = createFileReader(FILES_DIR);

interface RecordedCase {
  name: string;
  args: string[];
  exitCode: number;
  body?: unknown;
  stderr?: string;
  refusedHere?: string;
}

async function parsed(args: string | string[], reader = readFile): Promise<ParsedCommandLine> {
  const result = await parseCommandLine(CREATE, args, reader);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

async function problemsOf(args: string | string[], reader = readFile): Promise<Problem[]> {
  const result = await parseCommandLine(CREATE, args, reader);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** What the CLI sends: the --cli-input-json document, with explicit parameters replacing its top-level keys. */
function requestOf(value: ParsedCommandLine): unknown {
  const document = value.options.cliInputJson === undefined ? {} : (JSON.parse(value.options.cliInputJson) as object);
  return JSON.parse(JSON.stringify({ ...document, ...value.params }));
}

/**
 * Why the CLI refused, when it is not the parser's to refuse: required members, minimum
 * lengths and the --cli-input-json document's contents (the operation's validation checks
 * the merged request), and --query syntax (compiled with the other options).
 */
function refusedAfterParsing(c: RecordedCase): "required" | "validation" | undefined {
  const stderr = c.stderr ?? "";
  // argparse checks required options before it reports unknown ones: other problems may hide behind this.
  if (stderr.includes("the following arguments are required")) return "required";
  if (stderr.includes("Bad value for --query")) return "validation";
  if (!stderr.includes("Parameter validation failed")) return undefined;
  if (c.args.includes("--cli-input-json")) return "validation";
  const reasons = stderr.slice(stderr.indexOf("Parameter validation failed")).split("\n").slice(1).filter(Boolean);
  return reasons.every((line) => /^(Invalid length for parameter|Missing required parameter)/.test(line)) ? "validation" : undefined;
}

async function checkRecordedCase(c: RecordedCase) {
  const later = refusedAfterParsing(c);
  if (c.refusedHere) {
    expect((await parseCommandLine(CREATE, c.args, readFile)).ok, c.refusedHere).toBe(false);
  } else if (c.exitCode === 0 && c.body) {
    expect(requestOf(await parsed(c.args))).toEqual(c.body);
  } else if (c.exitCode === 0) {
    const { options } = await parsed(c.args);
    expect(options.version ?? options.generateCliSkeleton).toBeTruthy();
  } else if (later === "validation") {
    await parsed(c.args);
  } else if (later === "required") {
    const result = await parseCommandLine(CREATE, c.args, readFile);
    if (result.ok) expect(requestOf(result.value)).not.toHaveProperty("IdentityPoolName");
  } else {
    await problemsOf(c.args);
  }
}

const RULES = [
  "shell syntax",
  "command",
  "unknown parameter",
  "ambiguous parameter",
  "unexpected value",
  "missing value",
  "choice",
  "type",
  "range",
  "unknown key",
  "shorthand syntax",
  "JSON syntax",
  "file access",
  "url access",
];

const BASE = ["--identity-pool-name", "MyPool", "--allow-unauthenticated-identities"];
const UP = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI";

const haveRecordedFixtures = existsSync(fixture("cli/requests.json")) && existsSync(fixture("cli/refusals.json"));

describe.runIf(haveRecordedFixtures)("recorded AWS CLI behaviour (test/fixtures/cli, from scripts/record-cli-fixtures.mjs)", () => {
  const accepted = haveRecordedFixtures ? loadJson<RecordedCase[]>("cli/requests.json") : [];
  const refused = haveRecordedFixtures ? loadJson<RecordedCase[]>("cli/refusals.json") : [];

  it.each(accepted.map((c) => [c.name, c] as const))("accepted: %s", async (_name, c) => {
    const value = await parsed(c.args);
    if (c.args.includes("--cli-input-json")) {
      const given = c.args[c.args.indexOf("--cli-input-json") + 1]!;
      expect(value.options.cliInputJson).toBe(given);
    }
    expect(requestOf(value)).toEqual(c.body);
  });
  it.each(refused.map((c) => [c.name, c] as const))("refused: %s", (_name, c) => checkRecordedCase(c));
});

describe("observed AWS CLI behaviour (test/fixtures/cli-args/observed.json)", () => {
  const observed = loadJson<{ cases: RecordedCase[] }>("cli-args/observed.json").cases;
  it.each(observed.map((c) => [c.name, c] as const))("%s", (_name, c) => checkRecordedCase(c));
});

describe("command line as one string", () => {
  it("takes the reference page's example verbatim", async () => {
    const line =
      'aws cognito-identity create-identity-pool --identity-pool-name MyIdentityPool --no-allow-unauthenticated-identities --cognito-identity-providers ProviderName="cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa",ClientId="3n4b5urk1ft4fl3mg5e62d9ado",ServerSideTokenCheck=false';
    expect(await parsed(line)).toEqual({
      params: {
        IdentityPoolName: "MyIdentityPool",
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [
          {
            ProviderName: "cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa",
            ClientId: "3n4b5urk1ft4fl3mg5e62d9ado",
            ServerSideTokenCheck: false,
          },
        ],
      },
      options: {},
    });
  });

  it("joins lines ended by a backslash, also with CRLF line ends", async () => {
    const lines = [
      "aws cognito-identity create-identity-pool \\",
      "  --identity-pool-name 'My Pool' \\",
      "  --allow-unauthenticated-identities",
    ];
    const expected = { IdentityPoolName: "My Pool", AllowUnauthenticatedIdentities: true };
    expect((await parsed(lines.join("\n"))).params).toEqual(expected);
    expect((await parsed(lines.join("\r\n"))).params).toEqual(expected);
  });

  it("removes shell quotes, so JSON can be single-quoted", async () => {
    expect(
      (await parsed(`cognito-identity create-identity-pool --identity-pool-tags '{"Team": "Data Eng"}' --saml-provider-arns "a b" c`))
        .params,
    ).toEqual({
      IdentityPoolTags: { Team: "Data Eng" },
      SamlProviderARNs: ["a b", "c"],
    });
  });

  it("reports an unclosed quote", async () => {
    expect(await problemsOf(`--identity-pool-name 'My Pool`)).toEqual([
      expect.objectContaining({ field: "cliArgs", rule: "shell syntax" }),
    ]);
  });

  it("accepts the command words with or without aws, and global options before them", async () => {
    expect((await parsed(["cognito-identity", "create-identity-pool", ...BASE])).params).toEqual({
      IdentityPoolName: "MyPool",
      AllowUnauthenticatedIdentities: true,
    });
    expect((await parsed(["aws", "--region", "eu-west-1", "cognito-identity", "create-identity-pool", ...BASE])).options).toEqual({
      region: "eu-west-1",
    });
  });

  it("refuses another command", async () => {
    for (const line of ["aws cognito-identity list-identity-pools --max-results 5", "aws s3 ls"])
      expect(await problemsOf(line)).toEqual([
        expect.objectContaining({ field: "cliArgs", rule: "command", message: expect.stringContaining("create-identity-pool") }),
      ]);
  });
});

describe("parameters", () => {
  it("derives every CLI name from the model as the reference page lists it", () => {
    // The synopsis of the reference page (aws-cli-v1-create-identity-pool.txt), in its order.
    const documented = [
      "--identity-pool-name",
      "--allow-unauthenticated-identities",
      "--no-allow-unauthenticated-identities",
      "--allow-classic-flow",
      "--no-allow-classic-flow",
      "--supported-login-providers",
      "--developer-provider-name",
      "--open-id-connect-provider-arns",
      "--cognito-identity-providers",
      "--saml-provider-arns",
      "--identity-pool-tags",
    ];
    const derived = operationParameters(CREATE).flatMap((p) =>
      p.shape.type === "boolean" ? [p.flag, `--no-${p.flag.slice(2)}`] : [p.flag],
    );
    expect(derived).toEqual(documented);
    expect(xformName("OpenIdConnectProviderARNs")).toBe("open-id-connect-provider-arns");
    expect(xformName("SamlProviderARNs")).toBe("saml-provider-arns");
  });

  it("coerces ServerSideTokenCheck as the CLI does: true/false in any case, anything else is a type problem", async () => {
    const check = async (word: string) =>
      await parseCommandLine(
        CREATE,
        [...BASE, "--cognito-identity-providers", `ProviderName=${UP},ServerSideTokenCheck=${word}`],
        readFile,
      );
    for (const [word, value] of [
      ["True", true],
      ["true", true],
      ["FALSE", false],
      ["false", false],
    ] as const) {
      const result = await check(word);
      expect(result.ok && result.value.params.CognitoIdentityProviders).toEqual([{ ProviderName: UP, ServerSideTokenCheck: value }]);
    }
    for (const word of ["maybe", "1", "yes"]) {
      const result = await check(word);
      expect(result.ok ? [] : result.error).toEqual([
        {
          field: "cliArgs --cognito-identity-providers",
          rule: "type",
          message: `CognitoIdentityProviders[0].ServerSideTokenCheck must be true or false, got the string "${word}"`,
        },
      ]);
    }
  });

  it("keeps a key named __proto__ as an ordinary key", async () => {
    const fromJson = (await parsed([...BASE, "--identity-pool-tags", '{"__proto__": "x"}'])).params.IdentityPoolTags as object;
    const fromShorthand = (await parsed([...BASE, "--supported-login-providers", "__proto__=y"])).params.SupportedLoginProviders as object;
    expect(Object.getPrototypeOf(fromJson)).toBe(Object.prototype);
    expect(Object.entries(fromJson)).toEqual([["__proto__", "x"]]);
    expect(Object.entries(fromShorthand)).toEqual([["__proto__", "y"]]);
  });

  it("shows where shorthand broke, with a caret", async () => {
    const [problem] = await problemsOf([...BASE, "--identity-pool-tags", "Env=prod,Team==data"]);
    expect(problem).toMatchObject({ field: "cliArgs --identity-pool-tags", rule: "shorthand syntax" });
    expect(problem!.message).toContain("KeyName1=string,KeyName2=string");
    expect(problem!.message).toContain("expected ',', found '=' at character 15:\n  Env=prod,Team==data\n                ^");
  });

  it("shows where JSON broke, by line and column", async () => {
    const [problem] = await problemsOf([...BASE, "--cognito-identity-providers", '[\n  {"ProviderName": "p",}\n]']);
    expect(problem).toMatchObject({ field: "cliArgs --cognito-identity-providers", rule: "JSON syntax" });
    expect(problem!.message).toContain(
      'Expecting property name enclosed in double quotes at line 2, column 24:\n    {"ProviderName": "p",}\n                         ^',
    );
  });

  it("reports JSON of the wrong type, and unknown keys", async () => {
    expect(
      await problemsOf([
        ...BASE,
        "--identity-pool-tags",
        '{"a": 1}',
        "--cognito-identity-providers",
        '[{"ProviderName": "p", "Bogus": true}]',
      ]),
    ).toEqual([
      { field: "cliArgs --cognito-identity-providers", rule: "unknown key", message: expect.stringContaining('unknown key "Bogus"') },
      { field: "cliArgs --identity-pool-tags", rule: "type", message: "IdentityPoolTags.a must be a string, got the number 1" },
    ]);
  });

  it("leaves --cli-input-json unmerged: the document as given, explicit parameters apart", async () => {
    const document = '{"IdentityPoolName": "FromJson", "IdentityPoolTags": {"a": "1"}}';
    expect(await parsed(["--cli-input-json", document, "--identity-pool-name", "FromFlag"])).toEqual({
      params: { IdentityPoolName: "FromFlag" },
      options: { cliInputJson: document },
    });
    expect((await parsed(["--cli-input-json", "file://input.json"])).options.cliInputJson).toBe(
      readFileSync(path.join(FILES_DIR, "input.json"), "utf8"),
    );
  });
});

describe("options", () => {
  it("maps every global option to GlobalOptions", async () => {
    const line = [
      ...BASE,
      ...["--query", "IdentityPoolId", "--output", "text", "--color", "on", "--region", "eu-west-1", "--profile", "dev"],
      ...[
        "--endpoint-url",
        "http://127.0.0.1:5000",
        "--ca-bundle",
        "/etc/ca.pem",
        "--no-verify-ssl",
        "--no-paginate",
        "--no-sign-request",
        "--debug",
      ],
      ...["--cli-read-timeout", "5", "--cli-connect-timeout", "0", "--generate-cli-skeleton", "output"],
    ];
    expect((await parsed(line)).options).toEqual({
      query: "IdentityPoolId",
      output: "text",
      color: "on",
      region: "eu-west-1",
      profile: "dev",
      endpointUrl: "http://127.0.0.1:5000",
      caBundle: "/etc/ca.pem",
      noVerifySsl: true,
      noPaginate: true,
      noSignRequest: true,
      debug: true,
      cliReadTimeout: 5,
      cliConnectTimeout: 0,
      generateCliSkeleton: "output",
    });
  });

  it("reads --generate-cli-skeleton without a value as input", async () => {
    expect((await parsed(["--generate-cli-skeleton", "--identity-pool-name", "X"])).options).toEqual({ generateCliSkeleton: "input" });
  });

  it("checks choices and whole numbers", async () => {
    expect(
      await problemsOf([...BASE, "--output", "xml", "--color", "yes", "--cli-read-timeout", "1.5", "--cli-connect-timeout", "-1"]),
    ).toEqual([
      {
        field: "cliArgs --output",
        rule: "choice",
        message: '"xml" is not a valid value for --output; valid values: json, text, table, yaml, yaml-stream, off',
      },
      { field: "cliArgs --color", rule: "choice", message: '"yes" is not a valid value for --color; valid values: on, off, auto' },
      { field: "cliArgs --cli-read-timeout", rule: "type", message: '--cli-read-timeout must be a whole number of seconds, got "1.5"' },
      {
        field: "cliArgs --cli-connect-timeout",
        rule: "range",
        message: "--cli-connect-timeout cannot be negative (0 means no limit), got -1",
      },
    ]);
    expect((await parsed([...BASE, "--cli-read-timeout", " 5_0 "])).options.cliReadTimeout).toBe(50);
  });

  it("refuses a timeout longer than a Node timer holds (it would fire at once), through cliArgs and as an argument", async () => {
    expect(await problemsOf([...BASE, "--cli-read-timeout", "2147484"])).toEqual([
      {
        field: "cliArgs --cli-read-timeout",
        rule: "range",
        message: "--cli-read-timeout is at most 2147483 seconds (24.8 days, the longest timer Node holds; 0 means no limit), got 2147484",
      },
    ]);
    expect((await parsed([...BASE, "--cli-connect-timeout", "2147483"])).options.cliConnectTimeout).toBe(2147483);
    const { client, close } = await connectInMemory({ endpointUrl: "http://127.0.0.1:9", region: "us-east-1" });
    const result = await client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "Slow", AllowUnauthenticatedIdentities: false, cliReadTimeout: 3_000_000 },
    });
    await close();
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toMatch(/cliReadTimeout: 3000000 is above the maximum 2147483/);
  });

  it("answers --version before looking further, but not past an earlier mistake", async () => {
    expect(await parsed([...BASE, "--identity-pool-tags", "a==b", "--version", "--bogus"])).toEqual({
      params: {},
      options: { version: true },
    });
    expect(await problemsOf(["--output", "xml", "--version"])).toEqual([expect.objectContaining({ rule: "choice" })]);
    expect(await problemsOf(["--version", "--c"])).toEqual([expect.objectContaining({ rule: "ambiguous parameter" })]);
  });
});

describe("problems", () => {
  it("collects every problem of a line, each with a field, a known rule and a message", async () => {
    const problems = await problemsOf([
      "--identity-pol-name",
      "X",
      "--allow-unauthenticated-identities",
      "true",
      "--identity-pool-tags",
      "a==b",
      "--supported-login-providers",
      "[1]",
      "--output",
      "xml",
      "--saml-provider-arns",
      "fileb://arns.json",
      "--developer-provider-name",
    ]);
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ["cliArgs --output", "choice"],
      ["cliArgs --developer-provider-name", "missing value"],
      ["cliArgs", "unknown parameter"],
      ["cliArgs", "unexpected value"],
      ["cliArgs", "unexpected value"],
      ["cliArgs --supported-login-providers", "type"],
      ["cliArgs --saml-provider-arns", "type"],
      ["cliArgs --identity-pool-tags", "shorthand syntax"],
    ]);
    for (const p of problems) {
      expect(p.field).toMatch(/^cliArgs( --[a-z-]+)?$/);
      expect(RULES).toContain(p.rule);
      expect(p.message.length).toBeGreaterThan(10);
    }
  });

  it("names the valid parameters for an unknown one, and the likely one", async () => {
    const [problem] = await problemsOf(["--identity-pol-name=X"]);
    expect(problem!.message).toMatch(
      /^unknown parameter --identity-pol-name \(did you mean --identity-pool-name\?\); valid ones: --identity-pool-name, /,
    );
    expect(problem!.message).toContain("--no-allow-classic-flow");
    expect(problem!.message).toContain("--cli-connect-timeout");
  });

  it("says why a value is missing and how to pass one that starts with a dash", async () => {
    expect((await problemsOf(["--identity-pool-name", "-dash", "--allow-unauthenticated-identities"]))[0]).toEqual({
      field: "cliArgs --identity-pool-name",
      rule: "missing value",
      message:
        "--identity-pool-name needs a value, but the next argument, -dash, is read as an option; if it was meant as the value, write --identity-pool-name=-dash",
    });
    expect((await problemsOf(["--allow-unauthenticated-identities", "--identity-pool-name"]))[0]!.message).toBe(
      "--identity-pool-name needs a value, and nothing follows it",
    );
  });

  it("hints at the flag a stray value follows", async () => {
    expect(await problemsOf(["--identity-pool-name", "X", "--allow-unauthenticated-identities", "false"])).toEqual([
      {
        field: "cliArgs",
        rule: "unexpected value",
        message: 'unexpected value "false": no parameter takes it here (--allow-unauthenticated-identities is a flag and takes no value)',
      },
    ]);
  });
});

describe("file:// values", () => {
  it("are refused when the server allows no files, naming the flag that allows them", async () => {
    for (const args of [
      ["--identity-pool-name", "file://name.txt"],
      ["--cli-input-json", "file://input.json"],
      ["--identity-pool-tags", "k@=file://name.txt"],
    ]) {
      const result = await parseCommandLine(CREATE, args);
      const problems = result.ok ? [] : result.error;
      expect(problems).toEqual([
        { field: `cliArgs ${args[0]}`, rule: "file access", message: expect.stringContaining("--allow-files-from DIR") },
      ]);
    }
  });

  it("are read through the reader, also inside shorthand after @=", async () => {
    expect(
      (await parsed([...BASE, "--identity-pool-tags", "k@=file://name.txt", "--developer-provider-name", "file://name.txt"])).params,
    ).toMatchObject({
      IdentityPoolTags: { k: "name-from-file\n" },
      DeveloperProviderName: "name-from-file\n",
    });
  });

  it("report a missing file as a file access problem of the parameter", async () => {
    expect(await problemsOf(["--identity-pool-name", "file://missing.txt"])).toEqual([
      {
        field: "cliArgs --identity-pool-name",
        rule: "file access",
        message: `file://missing.txt is not a readable file inside ${FILES_DIR}, the only directory this server reads files from`,
      },
    ]);
  });
});

describe("createFileReader", () => {
  const SECRET = "TOP-SECRET-CONTENTS";
  const root = tempDir("cim-cli-args-files-");
  let allowed: string;
  let read: ReturnType<typeof createFileReader>;

  beforeAll(() => {
    allowed = path.join(root, "allowed");
    mkdirSync(path.join(allowed, "sub"), { recursive: true });
    writeFileSync(path.join(allowed, "pool.json"), '{"IdentityPoolName": "P"}');
    writeFileSync(path.join(allowed, "sub", "name.txt"), "inner");
    writeFileSync(path.join(allowed, "crlf.txt"), "a\r\nb\rc");
    writeFileSync(path.join(allowed, "bom.json"), Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"a": 1}')]));
    writeFileSync(path.join(allowed, "binary.bin"), Buffer.from([0xff, 0xfe, 0x00, 0x41, ...Buffer.from(SECRET)]));
    writeFileSync(path.join(root, "outside.txt"), SECRET);
    symlinkSync(path.join(root, "outside.txt"), path.join(allowed, "link-out.txt"));
    symlinkSync(path.join(allowed, "sub", "name.txt"), path.join(allowed, "link-in.txt"));
    symlinkSync(root, path.join(allowed, "dir-link-out"));
    read = createFileReader(allowed);
  });

  function refusal(reader: (uri: string) => string, uri: string): Problem[] {
    try {
      reader(uri);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const problems = (error as InputError).problems;
      for (const p of problems) {
        expect(p.rule).toBe("file access");
        expect(p.message).not.toContain(SECRET);
      }
      return problems;
    }
    throw new Error(`${uri} was read`);
  }

  it("reads files inside the directory, relative or absolute, and symlinks that stay inside", () => {
    expect(read("file://pool.json")).toBe('{"IdentityPoolName": "P"}');
    expect(read("file://sub/name.txt")).toBe("inner");
    expect(read("file://sub/../pool.json")).toBe('{"IdentityPoolName": "P"}');
    expect(read(`file://${path.join(allowed, "sub", "name.txt")}`)).toBe("inner");
    expect(read("file://link-in.txt")).toBe("inner");
  });

  it("reads file:// as text with universal newlines, fileb:// as JSON reads bytes", () => {
    expect(read("file://crlf.txt")).toBe("a\nb\nc");
    expect(read("fileb://crlf.txt")).toBe("a\r\nb\rc");
    expect(read("fileb://bom.json")).toBe('{"a": 1}');
    expect(read("file://bom.json")).toBe('\ufeff{"a": 1}');
  });

  it("refuses paths that lead outside, through .. or a symlink, and never shows contents", () => {
    for (const uri of [
      `file://${path.join(root, "outside.txt")}`,
      "file://../outside.txt",
      "file://sub/../../outside.txt",
      "file://link-out.txt",
      "file://dir-link-out/outside.txt",
      "fileb://link-out.txt",
    ])
      expect(refusal(read, uri)[0]!.message).toContain("is not a readable file inside");
  });

  it("refuses what is not a readable text file, without quoting it", () => {
    expect(refusal(read, "file://missing.txt")[0]!.message).toContain("is not a readable file inside");
    expect(refusal(read, "file://~/x")[0]!.message).toContain("does not expand ~");
    expect(refusal(read, "file://sub")[0]!.message).toContain("not a regular file");
    expect(refusal(read, "file://binary.bin")[0]!.message).toContain("not UTF-8");
  });

  it("refuses everything without a directory, naming the flag", () => {
    expect(refusal(createFileReader(undefined), "file://pool.json")[0]!.message).toContain("--allow-files-from DIR");
  });

  it("refuses when the allowed directory does not exist", () => {
    expect(refusal(createFileReader(path.join(root, "nope")), "file://pool.json")[0]!.message).toContain("does not exist");
  });
});
