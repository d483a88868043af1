/** The built server as an operator runs it over HTTP: `node dist/index.js --http` as a child on 127.0.0.1. */
import { spawn } from "node:child_process";
import { onTestFinished } from "vitest";
import { childEnv, fakeAwsEnv } from "./aws-env.js";

export interface HttpCommand {
  url: string;
  /** Everything written to stderr so far. */
  readonly stderr: string;
  signal(name: NodeJS.Signals): void;
  exited: Promise<number | null>;
}

/**
 * `node dist/index.js --http --port 0 --token TOKEN args` on 127.0.0.1; resolves once it serves.
 * Called inside a test, the child is stopped when the test ends.
 */
export async function startHttpCommand(token: string, args: string[], env: Record<string, string> = {}): Promise<HttpCommand> {
  const child = spawn(process.execPath, ["dist/index.js", "--http", "--port", "0", "--token", token, ...args], {
    env: childEnv({ ...fakeAwsEnv, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    onTestFinished(() => void child.kill());
  } catch {
    // outside a test (beforeAll): the caller stops it
  }
  const served = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      const found = /serving Streamable HTTP on (\S+)/.exec(stderr);
      if (found) resolve(found[1]!);
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return {
    url: served,
    get stderr() {
      return stderr;
    },
    signal: (name) => void child.kill(name),
    exited,
  };
}
