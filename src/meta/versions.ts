/** Versions reported by the tool's `version` option and the server's --version flag. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageVersion(start: string, name: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // no package.json here: keep walking up
    }
    if (dirname(dir) === dir) return "unknown";
  }
}

/** The installed version of package `name`, found from one of its entry points (`entry`). */
function dependencyVersion(name: string, entry = name): string {
  try {
    return findPackageVersion(dirname(fileURLToPath(import.meta.resolve(entry))), name);
  } catch {
    return "unknown";
  }
}

export const serverName = "cognito-identity-mcp";
export const serverVersion = findPackageVersion(dirname(fileURLToPath(import.meta.url)), serverName);

export function versions(): Record<string, string> {
  return {
    [serverName]: serverVersion,
    "@modelcontextprotocol/server": dependencyVersion("@modelcontextprotocol/server"),
    "@aws-sdk/client-cognito-identity": dependencyVersion("@aws-sdk/client-cognito-identity"),
    node: process.version,
  };
}
