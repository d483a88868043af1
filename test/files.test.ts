/**
 * file:// and fileb:// values (and a call's caBundle) under --allow-files-from: what is read is
 * the file actually opened, only a regular file of bounded size, and no problem quotes it;
 * outside the directory, a path that exists and one that does not get the same answer; a huge
 * value costs bounded memory.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "vitest";
import { createFileReader, maxFileBytes, type FileReader } from "../src/cli/files.js";
import { parseCommandLine } from "../src/cli/parse-command-line.js";
import { prepareCall } from "../src/call/prepare.js";
import { operationOf } from "../src/operation/model.js";
import { InputError, type Problem } from "../src/operation/problems.js";
import { connectInMemory } from "./support/client.js";
import { tempDir } from "./support/temp-dir.js";

const run = promisify(execFile);
const srcUrl = (file: string) => new URL(`../src/${file}`, import.meta.url).href;

// Made at once, not in a hook: test tables below name paths inside it.
const root = tempDir("cim-files-");
const allowed = path.join(root, "allowed");
const outside = path.join(root, "outside");
mkdirSync(allowed);
mkdirSync(outside);
const read = createFileReader(allowed);
/** create_identity_pool's call shape: its operation and its duplicate guard. */
const CREATE = { operation: operationOf("CreateIdentityPool"), effectOptions: ["ifNameExists"] } as const;

/** The problems a read raises; fails the test if the file was read. */
function refusal(uri: string, reader: FileReader = read): Problem[] {
  try {
    reader(uri);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error(`${uri} was read`);
}

async function problemsOf(args: unknown): Promise<Problem[]> {
  const prepared = await prepareCall(CREATE, args, read);
  if (prepared.ok) throw new Error(`accepted: ${JSON.stringify(prepared.value.request)}`);
  return prepared.error;
}

describe("the file checked is the file opened", () => {
  const elsewhere = path.join(outside, "swap-target");
  const inside = path.join(allowed, "real");
  beforeAll(() => {
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, "value.txt"), "OUTSIDE-MARKER");
    mkdirSync(inside);
    writeFileSync(path.join(inside, "value.txt"), "inside");
    mkdirSync(path.join(allowed, "swapped"));
    writeFileSync(path.join(allowed, "swapped", "value.txt"), "inside");
    symlinkSync(inside, path.join(allowed, "retargeted"));
  });

  // Each runs in another thread, as fast as it can, until told to stop; `w` holds the paths.
  const swappers = {
    // A directory replaced by a link to outside and back: a real path taken while it is a
    // directory names, a moment later, the outside file.
    "a directory swapped for a link to outside and back": `
      fs.renameSync(w.swapped, w.hold);
      fs.symlinkSync(w.elsewhere, w.swapped);
      fs.unlinkSync(w.swapped);
      fs.renameSync(w.hold, w.swapped);`,
    // A link inside pointed, atomically, at outside and back in.
    "a link re-pointed between inside and outside": `
      fs.symlinkSync(w.elsewhere, w.tmp);
      fs.renameSync(w.tmp, w.retargeted);
      fs.symlinkSync(w.inside, w.tmp);
      fs.renameSync(w.tmp, w.retargeted);`,
  };

  it.each([
    ["a directory swapped for a link to outside and back", "file://swapped/value.txt"],
    ["a link re-pointed between inside and outside", "file://retargeted/value.txt"],
  ] as const)(
    "%s while files are read: the outside file is never returned",
    async (name, uri) => {
      const stop = new Int32Array(new SharedArrayBuffer(4));
      const swapper = new Worker(
        `const fs = require("node:fs");
       const { workerData: w, parentPort } = require("node:worker_threads");
       const stop = new Int32Array(w.stop);
       let swaps = 0;
       for (; Atomics.load(stop, 0) === 0; swaps++) {${swappers[name]}}
       parentPort.postMessage(swaps);`,
        {
          eval: true,
          workerData: {
            swapped: path.join(allowed, "swapped"),
            hold: path.join(allowed, "swapped.hold"),
            retargeted: path.join(allowed, "retargeted"),
            tmp: path.join(allowed, "retargeted.tmp"),
            inside,
            elsewhere,
            stop: stop.buffer,
          },
        },
      );
      const swaps = new Promise<number>((resolve, reject) => {
        swapper.once("message", resolve);
        swapper.once("error", reject);
      });

      const seen = { inside: 0, refused: 0, outside: 0 };
      const deadline = Date.now() + 5_000;
      try {
        for (let i = 0; i < 20_000 && Date.now() < deadline; i++) {
          try {
            if (read(uri) === "inside") seen.inside++;
            else seen.outside++;
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            seen.refused++;
          }
        }
      } finally {
        Atomics.store(stop, 0, 1);
      }
      expect(await swaps).toBeGreaterThan(100);
      expect(seen.outside, JSON.stringify(seen)).toBe(0);
      // Not vacuous: the reads met both states.
      expect(seen.inside, JSON.stringify(seen)).toBeGreaterThan(0);
      expect(seen.refused, JSON.stringify(seen)).toBeGreaterThan(0);
    },
    30_000,
  );
});

describe("only regular files are read", () => {
  it("a FIFO in the directory is refused at once, not waited on (in a child process, which a hang would not freeze)", async () => {
    const fifo = path.join(allowed, "pipe");
    execFileSync("mkfifo", [fifo]);
    const code = `
      const { createFileReader } = await import(${JSON.stringify(srcUrl("cli/files.ts"))});
      try { createFileReader(${JSON.stringify(allowed)})("file://pipe"); console.log("read"); }
      catch (error) { console.log(JSON.stringify(error.problems)); }`;
    // A reader waiting on the FIFO is killed at the timeout, which fails the test.
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { timeout: 15_000 });
    expect(JSON.parse(stdout)).toEqual([{ field: "file://pipe", rule: "file access", message: "file://pipe is not a regular file" }]);
  }, 30_000);

  it("devices and /proc are refused, inside links or not, with the answer any outside path gets", () => {
    symlinkSync("/dev/zero", path.join(allowed, "zero"));
    symlinkSync("/proc/self/environ", path.join(allowed, "environ"));
    for (const uri of ["file://zero", "file://environ", "file:///dev/zero", "file:///proc/self/environ", "fileb:///dev/stdin"])
      expect(refusal(uri)[0]!.message).toBe(
        `${uri} is not a readable file inside ${allowed}, the only directory this server reads files from`,
      );
  });
});

describe(`files larger than maxFileBytes (${maxFileBytes}) are refused`, () => {
  it("is 1 MiB", () => {
    expect(maxFileBytes).toBe(1024 * 1024);
  });

  it("reads a file of exactly the cap, refuses one byte more, naming the cap", () => {
    writeFileSync(path.join(allowed, "at-cap.txt"), "a".repeat(maxFileBytes));
    writeFileSync(path.join(allowed, "over-cap.txt"), "a".repeat(maxFileBytes + 1));
    expect(read("file://at-cap.txt")).toHaveLength(maxFileBytes);
    expect(refusal("file://over-cap.txt")).toEqual([
      {
        field: "file://over-cap.txt",
        rule: "file access",
        message: "file://over-cap.txt is larger than 1 MiB (1048576 bytes), the most this server reads from a file",
      },
    ]);
  });

  it("refuses a huge file by its size, before reading it", async () => {
    // Sparse: 64 GiB on paper, no disk used. Reading it would take minutes and more memory than there is.
    const huge = path.join(allowed, "huge.json");
    writeFileSync(huge, "");
    truncateSync(huge, 64 * 2 ** 30);
    const started = Date.now();
    expect(refusal("fileb://huge.json")[0]!.message).toContain("is larger than 1 MiB");
    expect(await problemsOf({ cliArgs: ["--cli-input-json", "file://huge.json"] })).toEqual([
      {
        field: "cliArgs --cli-input-json",
        rule: "file access",
        message: "file://huge.json is larger than 1 MiB (1048576 bytes), the most this server reads from a file",
      },
    ]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("a huge value costs bounded memory and gets a bounded answer", () => {
  const tenMb = 10 * 1024 * 1024;

  it("10 MB of NUL characters in a parameter: peak memory grows by far less than the value's copies would take (child process)", async () => {
    const code = `
      const { prepareCall: prepare } = await import(${JSON.stringify(srcUrl("call/prepare.ts"))});
      const { operationOf } = await import(${JSON.stringify(srcUrl("operation/model.ts"))});
      const shape = { operation: operationOf("CreateIdentityPool"), effectOptions: ["ifNameExists"] };
      const prepareCall = (args) => prepare(shape, args);
      const big = "\\0".repeat(${tenMb});
      const base = { IdentityPoolName: "p", AllowUnauthenticatedIdentities: false };
      (await prepareCall(base));
      const before = process.resourceUsage().maxRSS;
      const answers = [
        (await prepareCall({ ...base, IdentityPoolName: big })),
        (await prepareCall({ ...base, DeveloperProviderName: big })),
        (await prepareCall({ ...base, SupportedLoginProviders: { "graph.facebook.com": big } })),
      ];
      const grownMb = (process.resourceUsage().maxRSS - before) / 1024;
      console.log(JSON.stringify({ grownMb, refused: answers.every((a) => !a.ok), longest: Math.max(...answers.map((a) => JSON.stringify(a).length)) }));`;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { timeout: 60_000 });
    const figures = JSON.parse(stdout) as { grownMb: number; refused: boolean; longest: number };
    expect(figures.refused).toBe(true);
    expect(figures.grownMb).toBeLessThan(100);
    expect(figures.longest).toBeLessThan(5_000);
  }, 90_000);

  it.each(["region", "profile", "endpointUrl", "caBundle"])("a 10 MB %s, through a whole call: refused in a few KB", async (option) => {
    const { client, close } = await connectInMemory({});
    try {
      const result = await client.callTool({
        name: "create_identity_pool",
        arguments: {
          IdentityPoolName: "p",
          AllowUnauthenticatedIdentities: false,
          generateCliSkeleton: "output",
          [option]: "\0".repeat(tenMb),
        },
      });
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result).length).toBeLessThan(5_000);
    } finally {
      await close();
    }
  });

  it.each([
    ["an unknown argument named by 10 MB", { ["\0".repeat(tenMb)]: 1 }],
    ["a 10 MB tag key", { IdentityPoolName: "p", AllowUnauthenticatedIdentities: false, IdentityPoolTags: { ["k".repeat(tenMb)]: "v" } }],
    [
      "a 10 MB key in a cliInputJson provider",
      {
        cliInputJson: JSON.stringify({
          IdentityPoolName: "p",
          AllowUnauthenticatedIdentities: false,
          CognitoIdentityProviders: [{ ["x".repeat(1_000_000)]: 1 }],
        }),
      },
    ],
    ["a 1 MB command word", { cliArgs: `${"w".repeat(1_000_000)} create-identity-pool` }],
    ["a 1 MB stray value", { cliArgs: ["--identity-pool-name", "p", "--no-allow-unauthenticated-identities", "p", "v".repeat(1_000_000)] }],
    [
      "a 1 MB unknown flag",
      { cliArgs: ["--identity-pool-name", "p", "--no-allow-unauthenticated-identities", `--${"f".repeat(1_000_000)}`] },
    ],
    [
      "a 1 MB value for a flag",
      { cliArgs: ["--identity-pool-name", "p", `--no-allow-unauthenticated-identities=${"v".repeat(1_000_000)}`] },
    ],
    [
      "a 1 MB non-number timeout",
      { cliArgs: ["--identity-pool-name", "p", "--no-allow-unauthenticated-identities", "--cli-read-timeout", "t".repeat(1_000_000)] },
    ],
    [
      "a 1 MB URL value",
      { cliArgs: ["--identity-pool-name", `https://${"u".repeat(1_000_000)}`, "--no-allow-unauthenticated-identities"] },
    ],
    [
      "a 1 MB file:// path",
      { cliArgs: ["--identity-pool-name", `file://${"n".repeat(1_000_000)}`, "--no-allow-unauthenticated-identities"] },
    ],
    [
      "a 1 MB duplicated shorthand key",
      {
        cliArgs: [
          "--identity-pool-name",
          "p",
          "--no-allow-unauthenticated-identities",
          "--identity-pool-tags",
          `${"k".repeat(500_000)}=1,${"k".repeat(500_000)}=2`,
        ],
      },
    ],
  ])("%s: answered quickly, in a few KB", async (_name, args) => {
    const started = Date.now();
    const problems = await problemsOf(args);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(JSON.stringify(problems).length).toBeLessThan(5_000);
  });
});

describe("values read from files are described, never quoted", () => {
  const SECRET = "pw!7";

  beforeAll(() => {
    const files: Record<string, string> = {
      "name.txt": SECRET,
      "long-name.txt": `${"a".repeat(150)}SekritTail`,
      "providers.json": JSON.stringify({ "graph.facebook.com": `bad ${SECRET}` }),
      "reserved-tags.json": JSON.stringify({ "aws:SekritKey": "v" }),
      "long-key-tags.json": JSON.stringify({ [`SekritKey${"k".repeat(200)}`]: "v" }),
      "typed-tags.json": JSON.stringify({ SekritKey: 5 }),
      "dup-tags.txt": "SekritKey=1,SekritKey=2",
      "cognito.json": JSON.stringify([{ ProviderName: "p", ClientId: "c", SekritMember: true }]),
      "document.json": JSON.stringify({ IdentityPoolName: SECRET, AllowUnauthenticatedIdentities: false, SekritKey: 1 }),
      "broken.json": `{"IdentityPoolName": "${SECRET}" SekritTail}`,
      "string.json": JSON.stringify(`Sekrit ${SECRET}`),
    };
    for (const [name, contents] of Object.entries(files)) writeFileSync(path.join(allowed, name), contents);
  });

  /** Nothing of any file's contents in any problem, and the file is named. */
  function expectNothingQuoted(problems: Problem[], file: string) {
    const all = JSON.stringify(problems);
    for (const piece of [SECRET, '\\"!\\"', "Sekrit", "graph.facebook", "kkkk"]) expect(all).not.toContain(piece);
    expect(all).toContain(file);
  }

  const base = ["--no-allow-unauthenticated-identities"];

  it("a name breaking the pattern: the rule, not the characters", async () => {
    const problems = await problemsOf({ cliArgs: ["--identity-pool-name", "file://name.txt", ...base] });
    expect(problems).toEqual([
      {
        field: "IdentityPoolName",
        rule: "pattern [\\w\\s+=,.@-]+",
        message:
          "the value read from file://name.txt contains characters that are not allowed; the whole value must match [\\w\\s+=,.@-]+ (from cliArgs)",
      },
    ]);
    expectNothingQuoted(problems, "file://name.txt");
  });

  it("a name too long: its length, not its text", async () => {
    const problems = await problemsOf({ cliArgs: ["--identity-pool-name", "file://long-name.txt", ...base] });
    expect(problems).toEqual([
      {
        field: "IdentityPoolName",
        rule: "maxLength 128",
        message: "the value read from file://long-name.txt has 160 characters; at most 128 allowed (from cliArgs)",
      },
    ]);
    expectNothingQuoted(problems, "file://long-name.txt");
  });

  it("a map value: the map is named, not the key or the value", async () => {
    const problems = await problemsOf({
      cliArgs: ["--identity-pool-name", "p", "--supported-login-providers", "file://providers.json", ...base],
    });
    expect(problems).toEqual([
      expect.objectContaining({
        field: "SupportedLoginProviders[*]",
        rule: "pattern [\\w.;_/-]+",
        message: expect.stringContaining("a map value read from file://providers.json contains characters that are not allowed"),
      }),
    ]);
    expectNothingQuoted(problems, "file://providers.json");
  });

  it.each([
    ["a reserved key prefix", "file://reserved-tags.json", 'key no "aws:" prefix'],
    ["a key too long", "file://long-key-tags.json", "key maxLength 128"],
  ])("a map key breaking a rule (%s): the rule, not the key", async (_name, file, rule) => {
    const problems = await problemsOf({ cliArgs: ["--identity-pool-name", "p", "--identity-pool-tags", file, ...base] });
    expect(problems).toEqual([
      expect.objectContaining({ field: "IdentityPoolTags", rule, message: expect.stringContaining(`a map key read from ${file}`) }),
    ]);
    expectNothingQuoted(problems, file);
  });

  it.each([
    ["a value of the wrong type", "--identity-pool-tags", "file://typed-tags.json", "type"],
    ["a shorthand key given twice", "--identity-pool-tags", "file://dup-tags.txt", "shorthand syntax"],
    ["an unknown member", "--cognito-identity-providers", "file://cognito.json", "unknown key"],
  ])("%s, found while reading the command line: no excerpt, no key", async (_name, flag, file, rule) => {
    const problems = await problemsOf({ cliArgs: ["--identity-pool-name", "p", flag, file, ...base] });
    expect(problems).toEqual([expect.objectContaining({ field: `cliArgs ${flag}`, rule })]);
    expectNothingQuoted(problems, flag === "--cognito-identity-providers" ? "CognitoIdentityProviders" : file);
  });

  it("a value read into shorthand with @=: the whole parameter is treated as read from the file", async () => {
    const problems = await problemsOf({
      cliArgs: ["--identity-pool-name", "p", "--cognito-identity-providers", "ProviderName=p,ClientId@=file://name.txt", ...base],
    });
    expect(problems).toEqual([expect.objectContaining({ field: "CognitoIdentityProviders[0].ClientId", rule: "pattern [\\w_]+" })]);
    expectNothingQuoted(problems, "file://name.txt");
  });

  it.each([
    ["the cliInputJson option", { cliInputJson: "file://document.json" }],
    ["--cli-input-json in cliArgs", { cliArgs: ["--cli-input-json", "file://document.json"] }],
  ])("a whole document read from a file, through %s: its values and its unknown keys", async (_name, args) => {
    const problems = await problemsOf(args);
    expect(problems).toEqual([
      {
        field: "IdentityPoolName",
        rule: "pattern [\\w\\s+=,.@-]+",
        message:
          "the value read from file://document.json contains characters that are not allowed; the whole value must match [\\w\\s+=,.@-]+ (from cliInputJson)",
      },
      {
        field: "(arguments)",
        rule: "unknown key",
        message: expect.stringMatching(
          /^has a key read from file:\/\/document\.json that is not a known key; valid keys: IdentityPoolName, /,
        ),
      },
    ]);
    expectNothingQuoted(problems, "file://document.json");
  });

  it.each([
    [
      "JSON that does not parse",
      "file://broken.json",
      "JSON syntax",
      "file://broken.json is not valid JSON: Expecting ',' delimiter at character 29",
    ],
    [
      "JSON that is not an object",
      "file://string.json",
      "type object",
      "must be a JSON object whose keys are the operation's parameters, got a string read from file://string.json",
    ],
  ])("a document holding %s: where, not what", async (_name, file, rule, message) => {
    for (const [args, field] of [
      [{ cliInputJson: file }, "cliInputJson"],
      [{ cliArgs: ["--cli-input-json", file] }, "cliArgs --cli-input-json"],
    ] as const) {
      const problems = await problemsOf(args);
      expect(problems).toEqual([{ field, rule, message }]);
      expectNothingQuoted(problems, file);
    }
  });

  it("the same mistakes typed in are still quoted, so a caller sees what to fix", async () => {
    expect((await problemsOf({ IdentityPoolName: SECRET, AllowUnauthenticatedIdentities: false }))[0]!.message).toContain(
      '"pw!7" contains "!", not allowed',
    );
    expect(await parseCommandLine(CREATE.operation, ["--identity-pool-tags", "SekritKey=1,SekritKey=2"])).toMatchObject({
      ok: false,
      error: [{ message: expect.stringContaining('key "SekritKey" is given a second time') }],
    });
  });
});

describe("outside the directory, existing and missing paths get one answer", () => {
  beforeAll(() => {
    writeFileSync(path.join(outside, "exists.txt"), "outside contents");
    symlinkSync(path.join(outside, "exists.txt"), path.join(allowed, "link-to-existing"));
    symlinkSync(path.join(outside, "missing.txt"), path.join(allowed, "link-to-missing"));
    symlinkSync(outside, path.join(allowed, "dir-link"));
  });

  /** The answer with the path taken out: what it tells about the path beyond the path itself. */
  function answer(uri: string): string {
    const problems = refusal(uri);
    expect(problems).toHaveLength(1);
    return JSON.stringify(problems[0]).split(uri).join("<uri>");
  }

  it.each([
    [
      "an existing system file and a missing one, by ..",
      path.relative(allowed, "/etc/passwd"),
      path.relative(allowed, "/etc/no-such-file"),
    ],
    ["absolute paths", "/etc/passwd", "/no-such-dir/no-such-file"],
    ["a sibling directory's file and a missing one", "../outside/exists.txt", "../outside/missing.txt"],
    ["a link to an existing outside file and a dangling one", "link-to-existing", "link-to-missing"],
    ["through a linked directory, existing and missing", "dir-link/exists.txt", "dir-link/missing.txt"],
    ["a missing file inside and an existing one outside", "no-such-file.txt", "link-to-existing"],
  ])("%s", (_name, existing, missing) => {
    expect(answer(`file://${existing}`)).toBe(answer(`file://${missing}`));
    expect(answer(`file://${existing}`)).toBe(
      JSON.stringify({
        field: "<uri>",
        rule: "file access",
        message: `<uri> is not a readable file inside ${allowed}, the only directory this server reads files from`,
      }),
    );
  });

  it("through cliArgs too, and the hint about ~ and $VARIABLES stays", async () => {
    const messageOf = async (file: string) =>
      (await problemsOf({ cliArgs: ["--identity-pool-name", file, "--no-allow-unauthenticated-identities"] }))[0]!.message.replace(
        file,
        "<uri>",
      );
    expect(await messageOf("file://link-to-existing")).toBe(await messageOf("file://link-to-missing"));
    expect(await messageOf("file://~/x")).toBe(
      `<uri> is not a readable file inside ${allowed}, the only directory this server reads files from (this server does not expand ~ or $VARIABLES)`,
    );
  });
});
