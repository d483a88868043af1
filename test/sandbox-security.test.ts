/**
 * The sandbox never loses or corrupts data, and only local clients talk to it: nothing planted
 * beside its data file can redirect a write, no request can make it store a state it could not
 * load again, Host and Origin are checked against DNS rebinding, and its command refuses bad
 * flags in one line.
 */
import { execFile } from "node:child_process";
import { watch } from "node:fs";
import { link, lstat, mkdir, readdir, readFile, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startSandbox, type Sandbox } from "../src/sandbox/server.js";
import { PoolStore, type PoolState } from "../src/sandbox/store.js";
import { tempDir } from "./support/temp-dir.js";

const target = (operation: string) => `AWSCognitoIdentityService.${operation}`;
const newPool = { IdentityPoolName: "pool", AllowUnauthenticatedIdentities: false };
const signedIn = (region: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20260101/${region}/cognito-identity/aws4_request, SignedHeaders=host, Signature=0`,
});

interface Answer {
  status: number;
  errorType: string | undefined;
  body: Record<string, unknown>;
}

/** A raw AWS JSON 1.1 request with any headers, Host included (fetch would not send a Host of our choosing). */
function send(sandbox: Sandbox, operation: string, payload: object | string, headers: Record<string, string> = {}): Promise<Answer> {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: sandbox.port,
        method: "POST",
        path: "/",
        headers: {
          host: `127.0.0.1:${sandbox.port}`,
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": target(operation),
          ...headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode!,
            errorType: res.headers["x-amzn-errortype"] as string | undefined,
            body: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function poolIds(sandbox: Sandbox, region: string): Promise<string[]> {
  const listed = await send(sandbox, "ListIdentityPools", { MaxResults: 60 }, signedIn(region));
  expect(listed.status).toBe(200);
  return (listed.body.IdentityPools as { IdentityPoolId: string }[]).map((p) => p.IdentityPoolId);
}

let dir: string;
beforeEach(() => {
  dir = tempDir("cim-sandbox-security-");
});

describe("the data file's temporary file", () => {
  it("is never a file planted beside the data file: symlinks at guessable names and their target stay untouched", async () => {
    const data = join(dir, "data");
    await mkdir(data);
    const dataFile = join(data, "pools.json");
    const outside = join(dir, "outside.txt");
    await writeFile(outside, "not the sandbox's\n");
    const guessable = [
      ".pools.json.tmp",
      "pools.json.tmp",
      ".pools.json.swp",
      "pools.json~",
      `.pools.json.${process.pid}.tmp`,
      `.pools.json.tmp.${process.pid}`,
      ".pools.json.0.tmp",
      ".pools.json.1.tmp",
    ];
    for (const name of guessable) await symlink(outside, join(data, name));

    const sandbox = await startSandbox({ dataFile });
    const created: string[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await send(sandbox, "CreateIdentityPool", newPool);
        expect(answer.status).toBe(200);
        created.push(answer.body.IdentityPoolId as string);
      }
    } finally {
      await sandbox.close();
    }

    expect(await readFile(outside, "utf8")).toBe("not the sandbox's\n");
    expect((await lstat(dataFile)).isFile()).toBe(true);
    const stored = JSON.parse(await readFile(dataFile, "utf8")) as PoolState;
    expect(stored.pools.map((p) => p.pool.IdentityPoolId)).toEqual(created);
    for (const name of guessable) expect(await readlink(join(data, name))).toBe(outside);
    // Nothing left behind either: the planted links and the data file, no temporary file.
    expect((await readdir(data)).sort()).toEqual([...guessable, "pools.json"].sort());
  });

  it("has a new random name at every write, and the data file is readable by its owner only", async () => {
    const dataFile = join(dir, "pools.json");
    const sandbox = await startSandbox({ dataFile });
    const temporary = new Set<string>();
    const watcher = watch(dir, (_event, name) => {
      if (name && name !== "pools.json") temporary.add(name);
    });
    try {
      for (let i = 0; i < 4; i++) expect((await send(sandbox, "CreateIdentityPool", newPool)).status).toBe(200);
      for (let waited = 0; temporary.size < 4 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    } finally {
      watcher.close();
      await sandbox.close();
    }
    // One name per write, each with at least 128 bits from the random source.
    expect(temporary.size).toBe(4);
    for (const name of temporary) expect(name).toMatch(/[0-9a-f]{32}/);
    expect((await stat(dataFile)).mode & 0o777).toBe(0o600);
  });

  it("is created exclusively, never through a symlink or a hard link, even at a name an attacker predicted", async () => {
    // With the random source made predictable, a symlink can be planted at the very name the write uses.
    vi.resetModules();
    vi.doMock("node:crypto", async (original) => ({
      ...(await original<typeof import("node:crypto")>()),
      randomBytes: (size: number) => Buffer.alloc(size),
    }));
    try {
      const { PoolStore: Store } = await import("../src/sandbox/store.js");
      const dataFile = join(dir, "pools.json");
      const outside = join(dir, "outside.txt");
      await writeFile(outside, "not the sandbox's\n");
      const predicted = join(dir, `.pools.json.${"0".repeat(32)}.tmp`);
      // A symlink, then a hard link: only an exclusive create refuses both.
      for (const plant of [symlink, link]) {
        await rm(predicted, { force: true });
        await plant(outside, predicted);
        await expect(Store.open(dataFile), plant.name).rejects.toThrow(/EEXIST/);
        expect(await readFile(outside, "utf8")).toBe("not the sandbox's\n");
        await expect(lstat(dataFile)).rejects.toThrow(/ENOENT/);
      }
    } finally {
      vi.doUnmock("node:crypto");
      vi.resetModules();
    }
  });

  it("is removed when the write fails, and the change is refused with a logged internal error", async () => {
    const dataFile = join(dir, "pools.json");
    const log: string[] = [];
    const sandbox = await startSandbox({ dataFile, log: (line) => log.push(line) });
    try {
      const kept = await send(sandbox, "CreateIdentityPool", newPool);
      // A non-empty directory where the data file was: the rename over it fails.
      await rm(dataFile);
      await mkdir(dataFile);
      await writeFile(join(dataFile, "keep"), "");
      const failed = await send(sandbox, "CreateIdentityPool", newPool);
      expect(failed).toMatchObject({ status: 500, errorType: "InternalErrorException", body: { __type: "InternalErrorException" } });
      expect(log.some((line) => /CreateIdentityPool internal error: .*(EISDIR|ENOTEMPTY|EEXIST)/.test(line))).toBe(true);
      expect(await readdir(dir)).toEqual(["pools.json"]);
      expect(await poolIds(sandbox, "us-east-1")).toEqual([kept.body.IdentityPoolId]);
    } finally {
      await sandbox.close();
    }
  });
});

describe("the region of a request's credential scope", () => {
  // 18 characters: the longest region whose `<region>:<uuid>` fits IdentityPoolId's 55.
  const longest = "ab-cdefghijklmno-1";

  it("must be a region name whose pool ids fit the model: anything else is an InvalidSignatureException and nothing is stored", async () => {
    const dataFile = join(dir, "pools.json");
    const sandbox = await startSandbox({ dataFile });
    try {
      const hostile = [
        "a".repeat(40),
        "us-east-1".padEnd(40, "1"),
        `${longest.slice(0, -1)}x-1`,
        "US-EAST-1",
        "us_east_1",
        "useast1",
        "us-east",
        "-us-east-1",
        "",
      ];
      for (const region of hostile) {
        const answer = await send(sandbox, "CreateIdentityPool", newPool, signedIn(region));
        expect(answer, region).toEqual({
          status: 400,
          errorType: "InvalidSignatureException",
          body: { __type: "InvalidSignatureException", message: `Credential should be scoped to a valid region, not '${region}'.` },
        });
      }
      const stored = JSON.parse(await readFile(dataFile, "utf8")) as PoolState;
      expect(stored).toMatchObject({ lastSequence: 0, pools: [] });

      for (const region of ["us-east-1", "cn-north-1", "us-gov-west-1", "us-isob-east-1", longest]) {
        const answer = await send(sandbox, "CreateIdentityPool", newPool, signedIn(region));
        expect(answer.status, region).toBe(200);
        expect(answer.body.IdentityPoolId).toMatch(new RegExp(`^${region}:`));
      }
    } finally {
      await sandbox.close();
    }
  });

  it("cannot stop the sandbox from restarting: after a burst of hostile requests it starts from its data file with every acknowledged pool", async () => {
    const dataFile = join(dir, "pools.json");
    const first = await startSandbox({ dataFile });
    const regions = ["us-east-1", "eu-west-1", "us-gov-west-1", longest];
    const hostile: [object | string, Record<string, string>][] = [
      [newPool, signedIn("a".repeat(40))],
      [newPool, signedIn(`${longest}9`)],
      [newPool, signedIn("EU-WEST-1")],
      [newPool, { host: `evil.example:${first.port}` }],
      [newPool, { origin: "http://evil.example" }],
      [{ ...newPool, IdentityPoolName: "bad!" }, {}],
      [{ ...newPool, IdentityPoolName: "n".repeat(129) }, {}],
      ["{not json", {}],
    ];
    let acknowledged: { region: string; id: string }[];
    try {
      const answers = await Promise.all([
        ...Array.from({ length: 24 }, (_, i) => send(first, "CreateIdentityPool", newPool, signedIn(regions[i % regions.length]!))),
        ...Array.from({ length: 48 }, (_, i) =>
          send(first, "CreateIdentityPool", hostile[i % hostile.length]![0], hostile[i % hostile.length]![1]),
        ),
      ]);
      expect(answers.slice(24).filter((a) => a.status === 200)).toEqual([]);
      acknowledged = answers
        .filter((a) => a.status === 200)
        .map((a) => ({ id: a.body.IdentityPoolId as string, region: (a.body.IdentityPoolId as string).split(":")[0]! }));
      expect(acknowledged).toHaveLength(24);
    } finally {
      await first.close();
    }

    const restarted = await startSandbox({ dataFile });
    try {
      for (const region of regions)
        expect((await poolIds(restarted, region)).sort(), region).toEqual(
          acknowledged
            .filter((p) => p.region === region)
            .map((p) => p.id)
            .sort(),
        );
      expect((JSON.parse(await readFile(dataFile, "utf8")) as PoolState).pools).toHaveLength(24);
    } finally {
      await restarted.close();
    }
  });
});

describe("the store", () => {
  it("refuses a change to a state its loader would refuse, keeping the state and the file as they were", async () => {
    const dataFile = join(dir, "pools.json");
    const store = await PoolStore.open(dataFile);
    const pool = {
      IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000",
      IdentityPoolName: "ok",
      AllowUnauthenticatedIdentities: false,
    };
    await store.change(() => ({ state: { lastSequence: 1, pools: [{ sequence: 1, pool }] }, result: undefined }));
    const before = await readFile(dataFile, "utf8");
    const refused: PoolState[] = [
      // An id longer than IdentityPoolId's 55 characters.
      {
        lastSequence: 2,
        pools: [
          { sequence: 1, pool },
          { sequence: 2, pool: { ...pool, IdentityPoolId: `${"a".repeat(40)}:00000000-0000-4000-8000-000000000000` } },
        ],
      },
      {
        lastSequence: 2,
        pools: [
          { sequence: 1, pool },
          { sequence: 2, pool },
        ],
      },
      { lastSequence: 1, pools: [{ sequence: 1, pool: { ...pool, IdentityPoolName: "bad!" } }] },
    ];
    for (const state of refused) await expect(store.change(() => ({ state, result: undefined }))).rejects.toThrow(/could not hold/);
    expect(store.state.pools).toEqual([{ sequence: 1, pool }]);
    expect(await readFile(dataFile, "utf8")).toBe(before);
    expect((await PoolStore.open(dataFile)).state.pools).toEqual([{ sequence: 1, pool }]);
  });
});

describe("Host and Origin", () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox();
  });
  afterEach(() => sandbox.close());

  it("refuses a Host or Origin that does not name the sandbox with a 403, and stores nothing", async () => {
    const refused: Record<string, string>[] = [
      { host: `evil.example:${sandbox.port}` },
      { host: `127.0.0.1:${sandbox.port + 1}` },
      { origin: "http://evil.example" },
      { origin: `http://evil.example:${sandbox.port}` },
      { origin: "null" },
    ];
    for (const headers of refused) {
      const answer = await send(sandbox, "CreateIdentityPool", newPool, headers);
      expect(answer, JSON.stringify(headers)).toMatchObject({
        status: 403,
        errorType: "AccessDeniedException",
        body: { __type: "AccessDeniedException" },
      });
      expect(answer.body.message).toMatch(/local clients only/);
    }
    expect(await poolIds(sandbox, "us-east-1")).toEqual([]);
  });

  it("serves requests that name it, by any loopback spelling, and pages of its own origin", async () => {
    const served: Record<string, string>[] = [
      {},
      { host: `localhost:${sandbox.port}` },
      { host: `[::1]:${sandbox.port}` },
      { origin: `http://127.0.0.1:${sandbox.port}` },
      { origin: `http://localhost:${sandbox.port}` },
    ];
    for (const headers of served)
      expect((await send(sandbox, "CreateIdentityPool", newPool, headers)).status, JSON.stringify(headers)).toBe(200);
    expect(await poolIds(sandbox, "us-east-1")).toHaveLength(served.length);
  });
});

describe("the sandbox command's flags", () => {
  /** `cognito-identity-mcp sandbox …`, through src/index.ts as the bin runs it. */
  function command(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "src/index.ts", "sandbox", ...args], { timeout: 20_000 }, (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
      );
    });
  }

  it.each([
    [["--host", "0.0.0.0"], /loopback only .* not on 0\.0\.0\.0/],
    [["--verbose"], /Unknown option '--verbose'/],
    [["--port", "http"], /--port must be a whole number from 0 to 65535/],
    [["--port", "70000"], /--port must be a whole number from 0 to 65535/],
    [["--port"], /'--port <value>' argument missing/],
  ])("refuses %j with one line on stderr and exit code 2", async (args, message) => {
    const { code, stderr } = await command(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cognito-identity-mcp sandbox: [^\n]+\n$/);
    expect(stderr).toMatch(message);
  });
});
