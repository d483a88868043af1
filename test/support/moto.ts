/** Starts and stops moto_server, the Cognito Identity emulator, on a loopback port. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

export interface Moto {
  url: string;
  stop(): Promise<void>;
}

/**
 * Without moto, a file says in the run's output which of its tests did not run, and why. Only
 * then is anything registered: with moto, a placeholder would show as a skipped test.
 */
export function reportWhenMotoIsMissing(what: string): void {
  const reason = inject("motoMissingReason");
  if (reason)
    describe(`${what} (not run)`, () => {
      it(`did not run: ${reason}`, () => expect(reason).toBeTruthy());
    });
}

export function motoAvailable(): boolean {
  return spawnSync("moto_server", ["--help"], { stdio: "ignore" }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child: ChildProcess = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(`${url}/moto-api/reset`, { method: "POST" });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`moto_server did not start on ${url} within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export async function resetMoto(url: string): Promise<void> {
  const res = await fetch(`${url}/moto-api/reset`, { method: "POST" });
  if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
}

/**
 * A moto of this test file's own, for tests that assert moto's whole state (the pools it lists):
 * test files run in parallel, so the shared moto (inject("motoUrl")) is only ever added to,
 * never reset. Call at the top of a file; `url` is set once beforeAll has run.
 */
export function useOwnMoto(available: boolean): { url: string } {
  const handle = { url: "" };
  let moto: Moto | undefined;
  beforeAll(async () => {
    if (!available) return;
    moto = await startMoto();
    handle.url = moto.url;
  });
  afterAll(() => moto?.stop());
  return handle;
}
