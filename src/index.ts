#!/usr/bin/env node
/**
 * The `cognito-identity-mcp` command: the MCP server on stdio, or `sandbox` alone.
 *
 * `npm start` and the README's client configurations run it with two Node flags that keep a long
 * session's memory flat: V8's memory-saving heap sizing, and no TurboFan, whose code and compiler
 * memory buy nothing for a server that waits on the network (bench/RESULTS.md has the figures).
 * They are not in the shebang: `env -S` is missing from BusyBox (Alpine), so npx would fail there.
 */
import { defaultHttpPort, parseServerFlags, serverFlagsHelp } from "./config.js";
import { EarlyHandshake, protocolVersions } from "./handshake.js";
import { listTools, processControls } from "./tools/create-identity-pool.js";
import { serveStdio } from "./transports/stdio.js";
import { serverName, serverVersion } from "./versions.js";

// The AWS SDK warns about Node 20 on stderr at every client creation (only "true" silences it);
// the operator chose the Node version.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** Runs the command; a promise, not top-level code, so that the bin can be CommonJS (scripts/build.mjs). */
async function main(argv: string[]): Promise<void> {
  if (argv[0] === "sandbox") {
    const { runSandboxCommand } = await import("./sandbox/server.js");
    try {
      await runSandboxCommand(argv.slice(1));
    } catch (error) {
      // Bad flags, a non-loopback host, a port in use, a corrupt data file: one line, no stack.
      console.error(`${serverName} sandbox: ${(error as Error).message}`);
      process.exit(2);
    }
    process.exit(0);
  }

  const flags = parseServerFlags(argv);
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

  const config = flags.config;
  if (config.sandbox) {
    const { startSandbox } = await import("./sandbox/server.js");
    const sandbox = await startSandbox({ log: (line) => console.error(`[sandbox] ${line}`) });
    config.endpointUrl = sandbox.url;
    console.error(`[${serverName}] sandbox mode: pools are created in a local emulator at ${sandbox.url}, not in AWS`);
  }
  const log = (line: string) => console.error(`[${serverName}] ${line}`);
  if (flags.transport.http) {
    const [{ serveHttp }, { createServer }] = await Promise.all([import("./transports/http.js"), import("./server.js")]);
    // Sessions are isolated, but the operator's controls (the rate limit) hold for the whole process.
    const controls = processControls(config);
    const { host, port, token, allowOrigins } = flags.transport;
    try {
      const handle = await serveHttp(() => createServer(config, controls), { host, port: port ?? defaultHttpPort, token, allowedOrigins: allowOrigins }, log);
      log(`${serverVersion} serving Streamable HTTP on ${handle.url}`);
      const stop = () => void handle.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    } catch (error) {
      log(`cannot start: ${(error as Error).message}`);
      process.exit(2);
    }
  } else {
    // The SDK's Server is loaded after the handshake (src/handshake.ts): a client waits for that.
    const early = new EarlyHandshake({ protocolVersions, listTools: () => listTools(config) });
    serveStdio(early, async () => {
      const { createServer, JSONRPCMessageSchema } = await import("./server.js");
      return { server: createServer(config), messageSchema: JSONRPCMessageSchema };
    });
    log(`${serverVersion} serving on stdio`);
  }
}

void main(process.argv.slice(2));
