/**
 * What users install: the npm package (run through npx, as the README's client configurations do),
 * the MCP Registry's server.json and the MCP Bundle (.mcpb). Each is built here as a release builds
 * it, then run from an empty temp directory, and creates a pool in the sandbox.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { childEnv } from "./support/aws-env.js";
import { defaultToolNames } from "./support/client.js";
import { tempDir } from "./support/temp-dir.js";
import { tools as registry } from "../src/tools/index.js";

const run = promisify(execFile);
const root = path.resolve(".");
const shell = process.platform === "win32";
/** The same pinned mcpb as scripts/bundle.mjs (checked below). */
const mcpb = "@anthropic-ai/mcpb@2.1.2";
const slowMs = 240_000;

type Pkg = { name: string; version: string; mcpName: string; engines: { node: string }; files: string[]; bin: Record<string, string> };
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as Pkg;
const allToolNames = registry.map((t) => t.name);

/** npm's cache, given to every npx child explicitly so that this test knows where npx installs. */
const npmCache = process.env.npm_config_cache ?? path.join(homedir(), ".npm");
/** What npm needs from this environment to reach the registry: proxies and CA certificates (npx's Node builds do not read the system's). */
const networkEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined &&
      /^(NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|(HTTPS?|NO)_PROXY|npm_config_(cafile|registry|proxy|https_proxy|noproxy|strict_ssl))$/i.test(
        entry[0],
      ),
  ),
);
const npmEnv = (extra: Record<string, string> = {}) =>
  childEnv({
    ...networkEnv,
    npm_config_cache: npmCache,
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    ...extra,
  });

/** Files under dir, relative and with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** `npm pack` into dir, as `npm publish` packs (prepack's clean build included); the tarball's file name. */
async function npmPack(dir: string): Promise<string> {
  const { stdout } = await run("npm", ["pack", "--json", "--silent", "--pack-destination", dir], { cwd: root, shell, maxBuffer: 1 << 24 });
  return (JSON.parse(stdout) as { filename: string }[])[0]!.filename;
}

/** Processes whose working directory is inside dir (Linux; elsewhere none are seen). */
function processesIn(dir: string): number[] {
  if (!existsSync("/proc/self/cwd")) return [];
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const cwd = readlinkSync(`/proc/${pid}/cwd`);
        return cwd === dir || cwd.startsWith(dir + path.sep);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function waitUntilNoneIn(dir: string): Promise<number[]> {
  for (let i = 0; i < 100 && processesIn(dir).length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return processesIn(dir);
}

/** Connects, lists the tools, creates a pool in the sandbox, closes; what each step answered. */
async function createInSandbox(transport: StdioClientTransport) {
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: "test", version: "0" });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    const created = (await client.callTool({
      name: "create_identity_pool",
      arguments: { IdentityPoolName: "Packaged", AllowUnauthenticatedIdentities: true },
    })) as CallToolResult;
    return { tools: tools.map((t) => t.name), created, version: client.getServerVersion()?.version, stderr: () => stderr };
  } finally {
    await client.close();
  }
}

function expectCreatedInSandbox(created: CallToolResult) {
  expect(created.isError, JSON.stringify(created)).toBeFalsy();
  expect(created._meta?.target).toMatchObject({ sandbox: true, region: "us-east-1" });
  expect(created.structuredContent).toMatchObject({ IdentityPoolName: "Packaged" });
}

describe("the npm package", () => {
  it("holds the built server, the README and the license, and nothing else (npm pack --dry-run)", async () => {
    // Scripts skipped: npm test has just built dist/, and the real pack below runs them.
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--silent"], { cwd: root, shell });
    const [packed] = JSON.parse(stdout) as { files: { path: string }[]; size: number; unpackedSize: number }[];
    const files = packed!.files.map((f) => f.path).sort();
    const dist = filesUnder("dist").filter((file) => !file.endsWith(".tmp"));
    expect(files).toEqual([...dist.map((file) => `dist/${file}`), "LICENSE", "README.md", "package.json"].sort());
    expect(files).toContain("dist/index.js");
    expect(pkg.bin).toEqual({ [pkg.name]: "dist/index.js" });
    expect(readFileSync("LICENSE", "utf8")).toMatch(/^MIT License/);
    // The built server holds its dependencies: a tarball far past this means something came in by mistake.
    expect(packed!.size).toBeLessThan(1024 * 1024);
  });

  it(
    "npx -y ./<tarball> --sandbox, from an empty directory, serves MCP on stdio and creates a pool; closing stops it",
    async () => {
      const dir = tempDir("cognito-identity-mcp-npx-");
      const tarball = await npmPack(dir);
      expect(tarball).toBe(`${pkg.name}-${pkg.version}.tgz`);
      const npxDirs = path.join(npmCache, "_npx");
      const before = new Set(existsSync(npxDirs) ? readdirSync(npxDirs) : []);
      try {
        const result = await createInSandbox(
          new StdioClientTransport({ command: "npx", args: ["-y", `./${tarball}`, "--sandbox"], cwd: dir, env: npmEnv(), stderr: "pipe" }),
        );
        expect(result.tools).toEqual(defaultToolNames);
        expect(result.version).toBe(pkg.version);
        expectCreatedInSandbox(result.created);
        expect(result.stderr()).toMatch(/sandbox mode: .* at http:\/\/127\.0\.0\.1:\d+/);
        expect(await waitUntilNoneIn(dir)).toEqual([]);
      } finally {
        // npx installs each tarball path in a directory of its own under the cache: remove this run's.
        for (const name of existsSync(npxDirs) ? readdirSync(npxDirs) : []) {
          const manifest = path.join(npxDirs, name, "package.json");
          if (!before.has(name) && existsSync(manifest) && readFileSync(manifest, "utf8").includes(path.basename(dir)))
            rmSync(path.join(npxDirs, name), { recursive: true, force: true });
        }
      }
    },
    slowMs,
  );
});

describe("the MCP Registry's server.json", () => {
  type ServerJson = {
    $schema: string;
    name: string;
    description: string;
    version: string;
    packages: {
      registryType: string;
      identifier: string;
      version: string;
      transport: { type: string };
      environmentVariables: { name: string }[];
    }[];
  };
  const server = JSON.parse(readFileSync("server.json", "utf8")) as ServerJson;

  it("agrees with package.json: name and mcpName, version, the npm package", () => {
    expect(server.name).toBe(pkg.mcpName);
    expect(server.version).toBe(pkg.version);
    expect(server.packages).toHaveLength(1);
    expect(server.packages[0]).toMatchObject({
      registryType: "npm",
      identifier: pkg.name,
      version: pkg.version,
      transport: { type: "stdio" },
    });
  });

  it("keeps the schema's rules (2025-12-11): reverse-DNS name with one slash, description of at most 100 characters, one version", async () => {
    expect(server.$schema).toBe("https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json");
    expect(server.name).toMatch(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
    expect(server.name).toMatch(/^io\.github\.[^/]+\//);
    expect(server.description.length).toBeGreaterThan(0);
    expect(server.description.length).toBeLessThanOrEqual(100);
    for (const version of [server.version, server.packages[0]!.version]) expect(version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    // A package entry allows only these keys (additionalProperties: false).
    const packageKeys = [
      "registryType",
      "registryBaseUrl",
      "identifier",
      "version",
      "fileSha256",
      "runtimeHint",
      "transport",
      "runtimeArguments",
      "packageArguments",
      "environmentVariables",
    ];
    for (const key of Object.keys(server.packages[0]!)) expect(packageKeys).toContain(key);
    // The variables it describes are the ones the server reads (its --help names them).
    const { stdout, stderr } = await run(process.execPath, ["dist/index.js", "--help"]);
    const names = server.packages[0]!.environmentVariables.map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(["AWS_PROFILE", "AWS_REGION"]));
    for (const name of names) expect(stdout + stderr).toContain(name);
  });
});

describe("the MCP Bundle (.mcpb)", () => {
  type Manifest = {
    version: string;
    compatibility: { runtimes: { node: string } };
    server: { entry_point: string; mcp_config: { command: string; args: string[]; env: Record<string, string> } };
    user_config: Record<string, { default?: string | boolean }>;
  };

  it(
    "manifest.json follows package.json (version, Node versions) and mcpb validate accepts it",
    async () => {
      const manifest = JSON.parse(readFileSync("manifest.json", "utf8")) as Manifest;
      expect(manifest.version).toBe(pkg.version);
      expect(manifest.compatibility.runtimes.node).toBe(pkg.engines.node);
      expect(readFileSync("scripts/bundle.mjs", "utf8")).toContain(`"${mcpb}"`);
      const { stdout } = await run("npx", ["-y", mcpb, "validate", "manifest.json"], { cwd: root, shell, env: npmEnv() });
      expect(stdout).toMatch(/validation passes/);
    },
    slowMs,
  );

  it(
    "npm run bundle makes one .mcpb of dist, package.json, README, LICENSE and the manifest; unpacked, it runs with no install, and user_config reaches the server",
    async () => {
      const dir = tempDir("cognito-identity-mcp-bundle-test-");
      const file = path.join(dir, `${pkg.name}.mcpb`);
      await run(process.execPath, ["scripts/bundle.mjs", "--out", file], { cwd: root, env: npmEnv(), maxBuffer: 1 << 24 });
      const unpacked = path.join(dir, "unpacked");
      await run("npx", ["-y", mcpb, "unpack", file, unpacked], { cwd: dir, shell, env: npmEnv() });

      const files = filesUnder(unpacked);
      expect(files.filter((f) => !f.startsWith("dist/"))).toEqual(["LICENSE", "README.md", "manifest.json", "package.json"]);
      expect(files).toContain("dist/index.js");
      // No node_modules in it, nor above it: dist/ holds every dependency.
      for (let at = unpacked; at !== path.dirname(at); at = path.dirname(at)) expect(existsSync(path.join(at, "node_modules"))).toBe(false);

      const manifest = JSON.parse(readFileSync(path.join(unpacked, "manifest.json"), "utf8")) as Manifest;
      expect(manifest.version).toBe(pkg.version);
      expect(files).toContain(manifest.server.entry_point);

      /** The server as a host starts it: the manifest's mcp_config with ${…} replaced, defaults under the user's choices. */
      const launch = (choices: Record<string, string | boolean>) => {
        const values: Record<string, string> = { __dirname: unpacked };
        for (const [key, option] of Object.entries(manifest.user_config))
          if (option.default !== undefined) values[`user_config.${key}`] = String(option.default);
        for (const [key, value] of Object.entries(choices)) values[`user_config.${key}`] = String(value);
        const fill = (text: string) => text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => values[name] ?? whole);
        const { command, args, env } = manifest.server.mcp_config;
        expect(command).toBe("node");
        return new StdioClientTransport({
          command: process.execPath,
          args: [...args.map(fill), "--sandbox"],
          env: childEnv(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fill(v)]))),
          cwd: dir,
          stderr: "pipe",
        });
      };

      const defaults = await createInSandbox(launch({}));
      expect(defaults.tools).toEqual(defaultToolNames);
      expect(defaults.version).toBe(pkg.version);
      expectCreatedInSandbox(defaults.created);

      const chosen = await createInSandbox(launch({ tools: "all", read_only: true, aws_region: "eu-west-1" }));
      expect(chosen.tools.sort()).toEqual(allToolNames.sort());
      expect(chosen.created.isError).toBe(true);
      expect(JSON.stringify(chosen.created.content)).toMatch(/read-only/i);
      expect(await waitUntilNoneIn(dir)).toEqual([]);
    },
    slowMs,
  );
});

describe("supported Node versions", () => {
  it("engines says >=20, and every production dependency in the lock file supports Node 20", () => {
    expect(pkg.engines.node).toBe(">=20");
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean; engines?: { node?: string } | string[] }>;
    };
    const tooNew = Object.entries(lock.packages)
      .filter(([at, entry]) => at && !entry.dev && !entry.devOptional && !Array.isArray(entry.engines) && entry.engines?.node)
      .filter(([, entry]) => !acceptsNode20((entry.engines as { node: string }).node))
      .map(([at, entry]) => `${at} (${(entry.engines as { node: string }).node})`);
    expect(tooNew).toEqual([]);
  });
});

/** Whether an engines range accepts Node 20.0: the forms npm packages use (>=N, ^N || …, N.x). */
function acceptsNode20(range: string): boolean {
  return range.split("||").some((part) => {
    const ge = /^\s*>=?\s*v?(\d+)/.exec(part);
    if (ge) return Number(ge[1]) <= 20;
    const caret = /^\s*[~^]?\s*v?(\d+)/.exec(part);
    return caret ? Number(caret[1]) === 20 : part.trim() === "*";
  });
}
