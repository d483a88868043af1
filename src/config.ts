/**
 * The operator's settings: the server's own flags, then the AWS environment. An assistant
 * can never change these through tool arguments; they bound what tool arguments may do.
 */
import { parseArgs } from "node:util";
import { ifNameExistsChoices, readOnlyEnv, type IfNameExists } from "./safety.js";

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
  /** Refuse creates; dry runs still work. Also set by COGNITO_IDENTITY_MCP_READ_ONLY=true. */
  readOnly?: boolean;
  /** Ask the user (MCP elicitation) before every create. */
  consent?: boolean;
  /** With consent on, let clients without elicitation create anyway. */
  allowCreateWithoutConsent?: boolean;
  /** What a call that names none does when a pool with the same name exists in the region. */
  ifNameExists?: IfNameExists;
  maxCreatesPerMinute?: number;
}

export const serverFlagsHelp = `Usage: cognito-identity-mcp [options]

Runs the MCP server on stdio (stdout carries JSON-RPC alone; logs go to stderr).

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

Controls over creates (no tool argument can lift them):
  --read-only                  refuse creates; dry runs still work (or ${readOnlyEnv}=true)
  --consent                    ask the user through MCP elicitation before every create
  --allow-create-without-consent  with --consent, let clients without elicitation create
  --if-name-exists MODE        default for calls: create (AWS behaviour) | return-existing | error
  --max-creates-per-minute N   refuse creates beyond N per minute in this process

  -h, --help                   show this help
  -v, --version                print the version`;

export type ParsedFlags = { ok: true; config: ServerConfig; help: boolean; version: boolean } | { ok: false; error: string };

function list(value: string | undefined): string[] | "*" | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "*") return "*";
  return value.split(",").map((v) => v.trim()).filter(Boolean);
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
        "read-only": { type: "boolean" },
        consent: { type: "boolean" },
        "allow-create-without-consent": { type: "boolean" },
        "if-name-exists": { type: "string" },
        "max-creates-per-minute": { type: "string" },
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
      readOnly: values["read-only"] || /^(1|true|yes)$/i.test(env[readOnlyEnv] ?? "") || undefined,
      consent: values.consent,
      allowCreateWithoutConsent: values["allow-create-without-consent"],
    };
    const ifNameExists = values["if-name-exists"];
    if (ifNameExists !== undefined) {
      if (!ifNameExistsChoices.includes(ifNameExists as IfNameExists)) return { ok: false, error: `--if-name-exists takes ${ifNameExistsChoices.join(", ")}` };
      config.ifNameExists = ifNameExists as IfNameExists;
    }
    if (values["max-creates-per-minute"] !== undefined) {
      const n = Number(values["max-creates-per-minute"]);
      if (!Number.isInteger(n) || n < 1) return { ok: false, error: "--max-creates-per-minute takes a whole number of at least 1" };
      config.maxCreatesPerMinute = n;
    }
    if (values["max-attempts"] !== undefined) {
      const n = Number(values["max-attempts"]);
      if (!Number.isInteger(n) || n < 1) return { ok: false, error: "--max-attempts takes a whole number of at least 1" };
      config.maxAttempts = n;
    }
    if (values["retry-mode"] !== undefined) {
      if (!["standard", "adaptive", "legacy"].includes(values["retry-mode"])) return { ok: false, error: "--retry-mode takes standard, adaptive or legacy" };
      config.retryMode = values["retry-mode"] as ServerConfig["retryMode"];
    }
    for (const key of Object.keys(config) as (keyof ServerConfig)[]) if (config[key] === undefined) delete config[key];
    return { ok: true, config, help: values.help ?? false, version: values.version ?? false };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
