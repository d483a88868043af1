/**
 * The operator's settings: the server's own flags, with the AWS environment as fallback.
 * An assistant can never change these through tool arguments.
 */
import { parseArgs } from "node:util";

export interface ServerConfig {
  /** Defaults for calls that name none. */
  region?: string;
  profile?: string;
  endpointUrl?: string;
  /** The only directory `file://` values may be read from; unset means no file access. */
  allowFilesFrom?: string;
}

export const serverFlagsHelp = `Usage: cognito-identity-mcp [options]

Runs the MCP server on stdio. Logs go to stderr.

Options:
  --region REGION           default region for calls that name none
  --profile NAME            default AWS profile
  --endpoint-url URL        default endpoint (e.g. a local emulator)
  --allow-files-from DIR    let file:// and fileb:// values read files inside DIR
  -h, --help                show this help
  -v, --version             print the version`;

export type ParsedFlags = { ok: true; config: ServerConfig; help: boolean; version: boolean } | { ok: false; error: string };

export function parseServerFlags(argv: string[]): ParsedFlags {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        region: { type: "string" },
        profile: { type: "string" },
        "endpoint-url": { type: "string" },
        "allow-files-from": { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
    const config: ServerConfig = {};
    if (values.region) config.region = values.region;
    if (values.profile) config.profile = values.profile;
    if (values["endpoint-url"]) config.endpointUrl = values["endpoint-url"];
    if (values["allow-files-from"]) config.allowFilesFrom = values["allow-files-from"];
    return { ok: true, config, help: values.help ?? false, version: values.version ?? false };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
