// What the report records beside the figures: the size of dist/ and the machine the bench ran on.
import { existsSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./subjects.mjs";

/** dist/ as built now: the files reachable from the entry points (earlier builds' chunks linger a while). */
export function distSize() {
  const dist = path.join(root, "dist");
  const importsOf = (file, kinds) => {
    const text = readFileSync(file, "utf8");
    const found = [];
    if (kinds.static)
      for (const m of text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?"(\.{1,2}\/[^"]+)"/g)) found.push(m[1]);
    if (kinds.dynamic) for (const m of text.matchAll(/import\("(\.{1,2}\/[^"]+)"\)/g)) found.push(m[1]);
    return found.map((spec) => path.resolve(path.dirname(file), spec));
  };
  const reach = (entries, kinds) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file) || !existsSync(file)) return;
      seen.add(file);
      importsOf(file, kinds).forEach(visit);
    };
    entries.forEach(visit);
    return { files: seen.size, kb: [...seen].reduce((sum, f) => sum + statSync(f).size, 0) / 1024 };
  };
  const entries = ["index.js", "server.js", "transports/http.js"].map((f) => path.join(dist, f));
  return { all: reach(entries, { static: true, dynamic: true }), startup: reach([entries[0]], { static: true }) };
}

export function machine() {
  const version = (name) => {
    try {
      return JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      return "unknown";
    }
  };
  return {
    cpu: os.cpus()[0]?.model?.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    versions: Object.fromEntries(
      ["@modelcontextprotocol/server", "@aws-sdk/client-cognito-identity", "zod", "esbuild"].map((n) => [n, version(n)]),
    ),
  };
}
