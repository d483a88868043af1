#!/usr/bin/env node
/** The `cognito-identity-mcp` command. */
import { parseServerFlags, serverFlagsHelp } from "./config.js";
import { createServer } from "./server.js";
import { serveStdio } from "./transports/stdio.js";
import { serverName, serverVersion } from "./versions.js";

// The AWS SDK warns about Node 20 on stderr at every client creation (only "true" silences it); the operator chose the Node version.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const flags = parseServerFlags(process.argv.slice(2));
if (!flags.ok) {
  console.error(`${serverName}: ${flags.error}\n\n${serverFlagsHelp}`);
  process.exit(2);
}
if (flags.help) {
  console.error(serverFlagsHelp);
  process.exit(0);
}
if (flags.version) {
  console.error(`${serverName} ${serverVersion}`);
  process.exit(0);
}
await serveStdio(createServer(flags.config));
console.error(`[${serverName}] ${serverVersion} serving on stdio`);
