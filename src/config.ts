/**
 * The operator's settings: the server's own flags, then the AWS environment. An assistant
 * can never change these through tool arguments; they bound what tool arguments may do.
 */
import { parseArgs } from "node:util";
import { isToolset, tools, toolsets } from "./tools/index.js";
import { failed, ok, type Result } from "./operation/types.js";
import { stopGraceEnvVar, stopGraceMs } from "./transports/shutdown.js";
import { defaultConfirmTtlSeconds, parseStateKey, stateKeyEnv } from "./policy/rounds.js";

export type IfNameExists = "create" | "return-existing" | "error";
export const ifNameExistsChoices: IfNameExists[] = ["create", "return-existing", "error"];

export const readOnlyEnv = "COGNITO_IDENTITY_MCP_READ_ONLY";
export const confirmWritesEnv = "COGNITO_IDENTITY_MCP_CONFIRM_WRITES";

/** Where --token may come from instead (the transport reads neither; this module does). */
export const httpTokenEnv = "COGNITO_IDENTITY_MCP_TOKEN";
export const defaultHttpPort = 8765;
/** Each HTTP session holds a Server; a bound keeps a crowd of clients from exhausting memory. */
export const defaultMaxSessions = 100;
export const defaultSessionIdleMinutes = 30;

export interface ServerConfig {
  /** Defaults for calls that name none (flags; the environment is read at call time by the resolver). */
  region?: string;
  profile?: string;
  endpointUrl?: string;
  caBundle?: string;
  maxAttempts?: number;
  retryMode?: "standard" | "adaptive" | "legacy";
  /** The only directory `file://` values and per-call CA bundles may be read from; unset means none. */
  allowFilesFrom?: string;
  /** Regions and profiles a call may choose; undefined regions means any, undefined profiles means only the default. */
  allowRegions?: string[] | "*";
  allowProfiles?: string[] | "*";
  /** Endpoints beyond loopback a call may name (origins such as https://cognito.example.com), or "*". */
  allowEndpoints?: string[] | "*";
  allowNoVerifySsl?: boolean;
  allowNoSignRequest?: boolean;
  /** The tools clients see: names, or "all"; undefined is the default set. */
  tools?: string[] | "all";
  /** Refuse writes; reads and dry runs still work. Also set by COGNITO_IDENTITY_MCP_READ_ONLY=true. */
  readOnly?: boolean;
  /** Ask the user (MCP elicitation) before every write. */
  consent?: boolean;
  /** With consent on, let clients without elicitation write anyway. */
  allowWritesWithoutConsent?: boolean;
  /** What a create that names none does when a pool with the same name exists in the region. */
  ifNameExists?: IfNameExists;
  maxWritesPerMinute?: number;
  /** Serve calls from a local Cognito Identity emulator started by this process (no AWS account). */
  sandbox?: boolean;
  /** Every write answers with a plan and a confirm code first; the same call with the code does it. */
  confirmWrites?: boolean;
  /** How long a plan's confirm code stays valid (default defaultConfirmTtlSeconds). */
  confirmTtlSeconds?: number;
  /** Seals the state a call carries between rounds (COGNITO_IDENTITY_MCP_STATE_KEY); random per process when unset. */
  stateKey?: Uint8Array;
}

function defaultToolNames(): string {
  return tools
    .filter((t) => t.byDefault)
    .map((t) => t.name)
    .join(", ");
}

export const serverFlagsHelp = `Usage: cognito-identity-mcp [options]
       cognito-identity-mcp sandbox [--port N] [--host 127.0.0.1] [--data FILE]

Runs the MCP server on stdio (stdout carries JSON-RPC alone; logs go to stderr).
The sandbox command runs only the local Cognito Identity emulator, for the AWS CLI and SDKs.

  --sandbox                    create pools in a local emulator this process starts on loopback:
                               no AWS account or credentials; every result says it came from it

Defaults for calls that name none (else the AWS environment: AWS_PROFILE, AWS_REGION /
AWS_DEFAULT_REGION, AWS_ENDPOINT_URL(_COGNITO_IDENTITY), AWS_CA_BUNDLE, AWS_MAX_ATTEMPTS,
AWS_RETRY_MODE, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE):
  --region REGION              default region
  --profile NAME               default AWS profile
  --endpoint-url URL           default endpoint (e.g. a local emulator)
  --ca-bundle FILE             CA bundle for TLS verification
  --max-attempts N             attempts per call, retries included (SDK standard mode: 3)
  --retry-mode MODE            standard | adaptive | legacy

What an assistant may choose per call:
  --allow-regions LIST         comma-separated regions, or * (default: any region)
  --allow-profiles LIST        comma-separated profiles, or * (default: only the default profile)
  --allow-endpoints LIST       endpoint origins beyond loopback, or * (default: loopback only)
  --allow-no-verify-ssl        allow noVerifySsl
  --allow-no-sign-request      allow noSignRequest
  --allow-files-from DIR       let file:// values and caBundle read files inside DIR (default: none)

Streamable HTTP instead of stdio:
  --http                       serve MCP over HTTP at http://HOST:PORT/mcp
  --host HOST                  address to bind (default 127.0.0.1); off loopback a token is required
  --port N                     port (default 8765; 0 picks a free one)
  --token TOKEN                bearer token every request must carry; on loopback without one, a token
                               is generated and printed to stderr. Other local users can read --token
                               in the process list (ps): set ${httpTokenEnv} instead
  --allow-origins LIST         browser origins allowed besides the server's own (with CORS headers)
  --allow-hosts LIST           Host header values allowed besides the bound address: the name and port
                               clients reach the server by through a reverse proxy or load balancer
  --max-sessions N             2025-era sessions open at once (default ${defaultMaxSessions}); one more
                               initialize gets 503
  --session-idle-minutes M     end a 2025-era session after M minutes without a request and without
                               an open stream (default ${defaultSessionIdleMinutes})
  MCP 2026-07-28 requests need no session: replicas behind a load balancer serve any of them when
  they share ${stateKeyEnv} (base64, at least 32 bytes; else a random key per process),
  which seals what a call carries between rounds (the user's consent).
  On SIGTERM or SIGINT the server takes no new requests (503), lets the calls in flight finish (at most
  ${stopGraceMs / 1000} s; ${stopGraceEnvVar} shortens it, for tests), answers any still running (a write's
  outcome is then unknown), and exits 0. A second signal stops waiting.

Which tools clients see, and controls over writes (no tool argument can lift them):
  --tools LIST                 comma-separated toolsets (${toolsets.join(", ")}), tool names,
                               or all (default: ${defaultToolNames()});
                               a tool not listed cannot be called
  --read-only                  refuse every write (anything that creates, changes, deletes, unlinks
                               or makes an identity); reads and dry runs still work (or ${readOnlyEnv}=true)
  --consent                    ask the user (MCP elicitation; input_required under 2026-07-28) before
                               every write
  --allow-writes-without-consent  with --consent, let clients without elicitation write
  --if-name-exists MODE        create (AWS behaviour) | return-existing | error: the default for creates;
                               once it guards against duplicates, no call can choose create
  --max-writes-per-minute N    refuse writes beyond N per minute in this process
  --confirm-writes             every write first answers with a plan (what it would change, and where)
                               and a confirm code; only the same call with that code writes, once
                               (or ${confirmWritesEnv}=true)
  --confirm-ttl-seconds N      how long a confirm code stays valid (default ${defaultConfirmTtlSeconds})

  -h, --help                   show this help
  -v, --version                print the version`;

/** How the server is reached: stdio (default) or Streamable HTTP. */
export interface TransportFlags {
  http: boolean;
  host?: string;
  port?: number;
  token?: string;
  allowOrigins?: string[];
  allowHosts?: string[];
  maxSessions?: number;
  sessionIdleMs?: number;
}

export type ParsedFlags = Result<{ config: ServerConfig; transport: TransportFlags; help: boolean; version: boolean }, string>;

/** An environment switch: 1, true or yes. */
function isTrue(value: string | undefined): boolean {
  return /^(1|true|yes)$/i.test(value ?? "");
}

function list(value: string | undefined): string[] | "*" | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "*") return "*";
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

export function parseServerFlags(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedFlags {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        region: { type: "string" },
        profile: { type: "string" },
        "endpoint-url": { type: "string" },
        "ca-bundle": { type: "string" },
        "max-attempts": { type: "string" },
        "retry-mode": { type: "string" },
        "allow-regions": { type: "string" },
        "allow-profiles": { type: "string" },
        "allow-endpoints": { type: "string" },
        "allow-no-verify-ssl": { type: "boolean" },
        "allow-no-sign-request": { type: "boolean" },
        "allow-files-from": { type: "string" },
        sandbox: { type: "boolean" },
        http: { type: "boolean" },
        host: { type: "string" },
        port: { type: "string" },
        token: { type: "string" },
        "allow-origins": { type: "string" },
        "allow-hosts": { type: "string" },
        "max-sessions": { type: "string" },
        "session-idle-minutes": { type: "string" },
        "read-only": { type: "boolean" },
        tools: { type: "string" },
        consent: { type: "boolean" },
        "allow-writes-without-consent": { type: "boolean" },
        // The names these had when create was the only write.
        "allow-create-without-consent": { type: "boolean" },
        "if-name-exists": { type: "string" },
        "max-writes-per-minute": { type: "string" },
        "max-creates-per-minute": { type: "string" },
        "confirm-writes": { type: "boolean" },
        "confirm-ttl-seconds": { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
    const config: ServerConfig = {
      region: values.region,
      profile: values.profile,
      endpointUrl: values["endpoint-url"],
      caBundle: values["ca-bundle"],
      allowFilesFrom: values["allow-files-from"],
      allowRegions: list(values["allow-regions"]),
      allowProfiles: list(values["allow-profiles"]),
      allowEndpoints: list(values["allow-endpoints"]),
      allowNoVerifySsl: values["allow-no-verify-ssl"],
      allowNoSignRequest: values["allow-no-sign-request"],
      readOnly: values["read-only"] || isTrue(env[readOnlyEnv]) || undefined,
      consent: values.consent,
      sandbox: values.sandbox,
      allowWritesWithoutConsent: values["allow-writes-without-consent"] || values["allow-create-without-consent"],
      confirmWrites: values["confirm-writes"] || isTrue(env[confirmWritesEnv]) || undefined,
    };
    if (values.tools !== undefined) {
      const names = values.tools
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean);
      const unknown = names.filter((name) => name !== "all" && !isToolset(name) && !tools.some((t) => t.name === name));
      if (unknown.length || !names.length)
        return failed(
          `--tools takes all, toolsets (${toolsets.join(", ")}) or tool names (${tools.map((t) => t.name).join(", ")}), combined with commas${unknown.length ? ` (unknown: ${unknown.join(", ")})` : ""}`,
        );
      config.tools = names.includes("all") ? "all" : names;
    }
    const ifNameExists = values["if-name-exists"];
    if (ifNameExists !== undefined) {
      if (!ifNameExistsChoices.includes(ifNameExists as IfNameExists))
        return failed(`--if-name-exists takes ${ifNameExistsChoices.join(", ")}`);
      config.ifNameExists = ifNameExists as IfNameExists;
    }
    const perMinute = values["max-writes-per-minute"] ?? values["max-creates-per-minute"];
    if (perMinute !== undefined) {
      const n = Number(perMinute);
      if (!Number.isInteger(n) || n < 1) return failed("--max-writes-per-minute takes a whole number of at least 1");
      config.maxWritesPerMinute = n;
    }
    if (values["confirm-ttl-seconds"] !== undefined) {
      const n = Number(values["confirm-ttl-seconds"]);
      if (!Number.isInteger(n) || n < 1) return failed("--confirm-ttl-seconds takes a whole number of seconds, at least 1");
      if (!config.confirmWrites) return failed(`--confirm-ttl-seconds goes with --confirm-writes (or ${confirmWritesEnv}=true)`);
      config.confirmTtlSeconds = n;
    }
    if (values["max-attempts"] !== undefined) {
      const n = Number(values["max-attempts"]);
      if (!Number.isInteger(n) || n < 1) return failed("--max-attempts takes a whole number of at least 1");
      config.maxAttempts = n;
    }
    if (values["retry-mode"] !== undefined) {
      if (!["standard", "adaptive", "legacy"].includes(values["retry-mode"]))
        return failed("--retry-mode takes standard, adaptive or legacy");
      config.retryMode = values["retry-mode"] as ServerConfig["retryMode"];
    }
    if (env[stateKeyEnv] !== undefined && env[stateKeyEnv] !== "") {
      const parsed = parseStateKey(env[stateKeyEnv]!);
      if ("error" in parsed) return failed(parsed.error);
      config.stateKey = parsed.key;
    }
    for (const key of Object.keys(config) as (keyof ServerConfig)[]) if (config[key] === undefined) delete config[key];
    const transport: TransportFlags = {
      http: values.http ?? false,
      host: values.host,
      token: values.token ?? env[httpTokenEnv],
      allowOrigins: [list(values["allow-origins"]) ?? []].flat().filter((o) => o !== "*"),
      allowHosts: [list(values["allow-hosts"]) ?? []].flat().filter((h) => h !== "*"),
    };
    const httpOnly = [
      values.host,
      values.port,
      values.token,
      values["max-sessions"],
      values["session-idle-minutes"],
      values["allow-hosts"],
    ];
    if (!transport.http && httpOnly.some((v) => v !== undefined))
      return failed("--host, --port, --token, --allow-hosts, --max-sessions and --session-idle-minutes go with --http");
    if (values["max-sessions"] !== undefined) {
      const n = Number(values["max-sessions"]);
      if (!Number.isInteger(n) || n < 1) return failed("--max-sessions takes a whole number of at least 1");
      transport.maxSessions = n;
    }
    if (values["session-idle-minutes"] !== undefined) {
      const minutes = Number(values["session-idle-minutes"]);
      if (!Number.isFinite(minutes) || minutes <= 0) return failed("--session-idle-minutes takes a number of minutes above 0");
      transport.sessionIdleMs = Math.round(minutes * 60_000);
    }

    if (values.port !== undefined) {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return failed("--port takes a port number from 0 to 65535");
      transport.port = port;
    }
    return ok({ config, transport, help: values.help ?? false, version: values.version ?? false });
  } catch (error) {
    return failed((error as Error).message);
  }
}
