// Lines 1 and 2, and line 2's floor: spawn → tools/list and spawn → first create, ours against the
// plain server and the floor server.
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { awsEnv, createArgs, Session } from "./client.mjs";
import { stats } from "./stats.mjs";
import { plainArgs, root, serverArgs } from "./subjects.mjs";

/**
 * bench/floor-server.mjs bundled with the build's options (scripts/lib/bundle-options.mjs: the
 * options and the SDK's Ajv stub that scripts/build.mjs uses), into a temporary directory removed
 * when the bench exits; resolves with its node arguments.
 */
async function buildFloorServer() {
  const [{ build }, { bundleOptions, sdkAjvStub }] = await Promise.all([import("esbuild"), import("../../scripts/lib/bundle-options.mjs")]);
  const outdir = await mkdtemp(path.join(os.tmpdir(), "cim-bench-floor-"));
  process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    ...bundleOptions(root),
    entryPoints: { floor: path.join(root, "bench", "floor-server.mjs") },
    outdir,
    plugins: [sdkAjvStub],
  });
  return [path.join(outdir, "floor.js")];
}

/**
 * Lines 1 and 2, and line 2's floor: per round one session of each server, rotating which goes
 * first; the create is sent the moment tools/list is answered.
 */
export async function benchStartup(endpoint, rounds) {
  const subjects = { ours: serverArgs, plain: plainArgs, floor: await buildFloorServer() };
  const names = Object.keys(subjects);
  const times = Object.fromEntries(names.map((who) => [who, { list: [], create: [] }]));
  let toolsListBytes;
  const env = awsEnv(endpoint.url);
  for (let r = 0; r < rounds + 1; r++) {
    for (const who of [...names.slice(r % names.length), ...names.slice(0, r % names.length)]) {
      const session = new Session(subjects[who], env);
      try {
        const list = await session.handshake();
        await session.call(createArgs());
        const create = performance.now() - session.started;
        if (who === "ours") toolsListBytes = { result: session.toolsListBytes, frame: session.toolsListFrameBytes };
        // The first round warms the file cache and is not counted.
        if (r > 0) {
          times[who].list.push(list);
          times[who].create.push(create);
        }
      } finally {
        await session.close();
      }
    }
  }
  return {
    ...Object.fromEntries(names.map((who) => [who, { listMs: stats(times[who].list), firstCreateMs: stats(times[who].create) }])),
    toolsListBytes,
  };
}
