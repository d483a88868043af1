#!/usr/bin/env node
/** The `cognito-identity-mcp` command: the MCP server on stdio or Streamable HTTP, or `sandbox` alone. */
import { defaultHttpPort, parseServerFlags, serverFlagsHelp } from "./config.js";
import { serverFactory } from "./server.js";
import { onStopSignals, stopGrace } from "./transports/shutdown.js";
import { serveStdio } from "./transports/stdio.js";
import { serverName, serverVersion } from "./meta/versions.js";

// The AWS SDK warns about Node 20 on stderr at every client creation (only "true" silences it);
// the operator chose the Node version.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

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

  const parsed = parseServerFlags(argv);
  if (!parsed.ok) {
    console.error(`${serverName}: ${parsed.error}\n\n${serverFlagsHelp}`);
    process.exit(2);
  }
  const flags = parsed.value;
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
    const { serveHttp } = await import("./transports/http.js");
    const { host, port, token, allowOrigins, allowHosts, maxSessions, sessionIdleMs } = flags.transport;
    try {
      const handle = await serveHttp(
        serverFactory(config),
        { host, port: port ?? defaultHttpPort, token, allowedOrigins: allowOrigins, allowedHosts: allowHosts, maxSessions, sessionIdleMs },
        log,
      );
      log(`${serverVersion} serving Streamable HTTP on ${handle.url}`);
      const graceMs = stopGrace();
      const stopped = ({ finished, cutOff }: { finished: number; cutOff: number }) => {
        log(`stopped: ${finished} call(s) in flight finished${cutOff ? `, ${cutOff} answered as unfinished` : ""}`);
        process.exit(0);
      };
      onStopSignals(
        (signal) => {
          log(`${signal}: taking no new requests; the calls in flight have up to ${graceMs / 1000} s to finish`);
          void handle.stop(signal, graceMs).then(stopped);
        },
        (signal) => {
          log(`${signal} again: answering the calls still running now`);
          void handle.stop(signal, graceMs);
        },
      );
    } catch (error) {
      log(`cannot start: ${(error as Error).message}`);
      process.exit(2);
    }
  } else {
    const stdio = serveStdio(serverFactory(config), { graceMs: stopGrace(), log });
    onStopSignals(stdio.stop, stdio.stopNow);
    log(`${serverVersion} serving on stdio`);
  }
}

void main(process.argv.slice(2));
