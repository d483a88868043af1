#!/usr/bin/env node
/**
 * `npm run bench` (builds first): the built server (`node dist/index.js`, launched as the README
 * launches it) against the baselines of its budget, each line a figure or ratio from this one
 * run, compared subjects interleaved, medians. Prints a table, writes bench/results/latest.json,
 * exits 1 if a budget line fails (2 if the bench itself cannot run).
 *
 *   node bench/run.mjs [--quick] [--only startup,first-call,overhead,dry-runs,memory,cli,http] [--server FILE]
 *
 * Baselines: bench/plain-server.mjs (what a user would otherwise write: McpServer, zod, the AWS
 * SDK imported at start), a CreateIdentityPoolCommand sent directly from this process, and the
 * AWS CLI v1. Floors, shown beside lines 2 and 3: bench/floor-server.mjs (the least a server on
 * the same parts can do, bundled with the build's options) and a new SDK client's first send in this process.
 * Endpoints: an instant loopback endpoint (a child process answering every request at once, so
 * the server's own cost shows) and, for the AWS CLI line, moto_server. Every process listens on
 * 127.0.0.1 and is stopped by the bench.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { benchDryRuns, benchOverhead } from "./lib/calls.mjs";
import { benchCli } from "./lib/cli.mjs";
import { awsEnv } from "./lib/client.mjs";
import { serveInstantEndpoint, startInstantEndpoint } from "./lib/endpoints.mjs";
import { benchLateFirstCall } from "./lib/first-call.mjs";
import { benchHttp } from "./lib/http.mjs";
import { benchMemory } from "./lib/memory.mjs";
import { progress, stopAll } from "./lib/processes.mjs";
import { distSize, machine } from "./lib/report.mjs";
import { benchStartup } from "./lib/startup.mjs";
import { fmt } from "./lib/stats.mjs";
import { root, serverArgs } from "./lib/subjects.mjs";

const sections = ["startup", "first-call", "overhead", "dry-runs", "memory", "cli", "http"];

const budget = {
  listVsPlain: 1.0, // 1. spawn → tools/list, ours / plain
  firstCreateVsPlain: 0.5, // 2. spawn → first create answered, ours / plain
  lateFirstCreateExtraMs: 5, // 3. a create 1 s after tools/list, minus the next create
  overheadMs: 1.0, // 4. warm create over a direct CreateIdentityPoolCommand, medians
  dryRunsPerSecond: 5000, // 5.
  memoryGrowth: 1.1, // 6. RSS after 20,000 creates / after 5,000
  memoryVsPlain: 1.0, // 6. RSS after 1,000 creates, ours / plain
  cliSpeedup: 50, // 7. AWS CLI v1 per create / ours per create, against moto
};

async function main() {
  const quick = process.argv.includes("--quick");
  const onlyAt = process.argv.indexOf("--only");
  const only = onlyAt === -1 ? sections : (process.argv[onlyAt + 1]?.split(",") ?? []);
  if (!only.length || only.some((s) => !sections.includes(s))) {
    console.error(`bench: --only takes a comma-separated list of ${sections.join(", ")}`);
    return 2;
  }
  if (!existsSync(serverArgs[0])) {
    console.error("bench: dist/index.js is missing: run `npm run build` first (`npm run bench` does).");
    return 2;
  }
  const plan = quick
    ? {
        startupRounds: 6,
        lateRounds: 4,
        floorClients: 20,
        floorWarmSends: 100,
        overheadPairs: 300,
        dryRunRounds: 3,
        dryRunCalls: 2000,
        memoryRounds: 1,
        memoryMarks: [1000, 5000, 20000],
        cliRounds: 4,
        perCli: 5,
        httpSessions: 200,
        httpCallsEach: 10,
      }
    : {
        startupRounds: 20,
        lateRounds: 12,
        floorClients: 40, // line 3's floor: enough new clients for a stable median
        floorWarmSends: 200,
        overheadPairs: 3000,
        dryRunRounds: 5,
        dryRunCalls: 4000,
        memoryRounds: 2,
        memoryMarks: [1000, 5000, 20000],
        cliRounds: 12,
        perCli: 10,
        httpSessions: 200,
        httpCallsEach: 10,
      };
  const env = machine();
  progress(`${env.cpu}, ${env.cores} cores, Node ${env.node}${quick ? " (--quick: fewer repetitions, noisier)" : ""}`);

  const results = {};
  const endpoint = await startInstantEndpoint();
  try {
    if (only.includes("startup")) {
      progress(`start-up and first create: ${plan.startupRounds} rounds, ours, the plain server and the floor server in turn`);
      results.startup = await benchStartup(endpoint, plan.startupRounds);
    }
    if (only.includes("first-call")) {
      progress(
        `a create 1 s after tools/list: ${plan.lateRounds} sessions; its floor: ${plan.floorClients} new SDK clients after ${plan.floorWarmSends} warm sends`,
      );
      results.lateFirstCall = await benchLateFirstCall(endpoint, plan.lateRounds, {
        clients: plan.floorClients,
        warmSends: plan.floorWarmSends,
      });
    }
    if (only.includes("overhead")) {
      progress(`warm overhead: ${plan.overheadPairs} pairs, ours and a direct CreateIdentityPoolCommand alternating`);
      results.overhead = await benchOverhead(endpoint, plan.overheadPairs);
    }
    if (only.includes("dry-runs")) {
      progress(`dry runs: ${plan.dryRunRounds} rounds of ${plan.dryRunCalls}, 8 in flight`);
      results.dryRuns = await benchDryRuns(endpoint, plan.dryRunRounds, plan.dryRunCalls);
    }
    if (only.includes("memory")) {
      progress(
        `memory: ${plan.memoryRounds} rounds of ${plan.memoryMarks.at(-1)} creates (ours) and ${plan.memoryMarks[0]} (plain server)`,
      );
      results.memory = await benchMemory(endpoint, plan.memoryRounds, plan.memoryMarks);
    }
    if (only.includes("http")) {
      progress(`HTTP: ${plan.httpSessions} sessions at once, ${plan.httpCallsEach} dry runs each`);
      results.http = await benchHttp(endpoint, plan.httpSessions, plan.httpCallsEach);
    }
  } finally {
    await endpoint.stop();
  }
  if (only.includes("cli")) {
    progress(`against moto: ${plan.cliRounds} AWS CLI runs, each followed by ${plan.perCli} creates through one session`);
    results.cli = await benchCli(plan.cliRounds, plan.perCli);
  }
  results.dist = distSize();

  const { startup, lateFirstCall, overhead, dryRuns, memory, cli, http, dist } = results;
  const rows = [];
  const checks = [];
  const ms = (s) => `${fmt(s.median, 2)} ms (${fmt(s.min, 2)}–${fmt(s.max, 2)}, n=${s.n})`;
  const mb = (s) => `${fmt(s.median)} MB (${fmt(s.min)}–${fmt(s.max)}, n=${s.n})`;
  const check = (line, text, value, limit, pass, figure) =>
    checks.push({ line, text, value: Number(value.toFixed(4)), limit, pass, figure });
  /** What no server on these parts can beat, beside the budget line it bounds. */
  const floors = [];
  if (startup) {
    const { ours, plain, floor } = startup;
    rows.push(
      ["spawn → tools/list answered", ms(ours.listMs), ms(plain.listMs)],
      ["spawn → first create answered (sent once listed)", ms(ours.firstCreateMs), ms(plain.firstCreateMs)],
      ["  floor server: spawn → tools/list answered", ms(floor.listMs), ""],
      ["  floor server: spawn → first create answered", ms(floor.firstCreateMs), ""],
    );
    const list = ours.listMs.median / plain.listMs.median;
    const first = ours.firstCreateMs.median / plain.firstCreateMs.median;
    check(
      1,
      "spawn → tools/list ≤ 1.0× the plain server",
      list,
      budget.listVsPlain,
      list <= budget.listVsPlain,
      `${fmt(list, 2)}× (${fmt(ours.listMs.median)} / ${fmt(plain.listMs.median)} ms)`,
    );
    check(
      2,
      "spawn → first create ≤ 0.5× the plain server",
      first,
      budget.firstCreateVsPlain,
      first <= budget.firstCreateVsPlain,
      `${fmt(first, 2)}× (${fmt(ours.firstCreateMs.median)} / ${fmt(plain.firstCreateMs.median)} ms)`,
    );
    floors.push({
      line: 2,
      text: "the floor server, bundled with the build's options",
      figure: `${fmt(floor.firstCreateMs.median / plain.firstCreateMs.median, 2)}× (${fmt(floor.firstCreateMs.median)} / ${fmt(plain.firstCreateMs.median)} ms); ours ${fmt(ours.firstCreateMs.median / floor.firstCreateMs.median, 2)}× the floor`,
    });
  }
  if (lateFirstCall) {
    const { firstMs, secondMs, thirdMs, extraMs, sdkNewClientExtraMs } = lateFirstCall;
    rows.push(
      ["create sent 1 s after tools/list", ms(firstMs), ""],
      ["  the next create", ms(secondMs), ""],
      ["  the one after", ms(thirdMs), ""],
    );
    check(
      3,
      "create 1 s after tools/list ≤ next create + 5 ms",
      extraMs.median,
      budget.lateFirstCreateExtraMs,
      extraMs.median <= budget.lateFirstCreateExtraMs,
      `+${fmt(extraMs.median, 2)} ms (median of per-session differences, ${fmt(extraMs.min, 2)}–${fmt(extraMs.max, 2)})`,
    );
    floors.push({
      line: 3,
      text: "the SDK's own first send on a new client",
      figure: `+${fmt(sdkNewClientExtraMs.median, 2)} ms over its next (${fmt(sdkNewClientExtraMs.min, 2)}–${fmt(sdkNewClientExtraMs.max, 2)}, n=${sdkNewClientExtraMs.n}, code warm, this process)`,
    });
  }
  if (overhead) {
    rows.push(["warm create, instant endpoint (direct SDK in the right column)", ms(overhead.oursMs), ms(overhead.directMs)]);
    check(
      4,
      "warm overhead over a direct SDK call ≤ 1.0 ms",
      overhead.overheadMs,
      budget.overheadMs,
      overhead.overheadMs <= budget.overheadMs,
      `${fmt(overhead.overheadMs, 2)} ms (${fmt(overhead.oursMs.median, 2)} − ${fmt(overhead.directMs.median, 2)} ms; paired ${fmt(overhead.pairedMs.median, 2)})`,
    );
  }
  if (dryRuns) {
    rows.push([
      `dry runs, one session, ${dryRuns.inFlight} in flight (calls/s)`,
      `${fmt(dryRuns.perSecond.median, 0)} (${fmt(dryRuns.perSecond.min, 0)}–${fmt(dryRuns.perSecond.max, 0)}, n=${dryRuns.perSecond.n})`,
      "",
    ]);
    check(
      5,
      "dry runs ≥ 5,000/s",
      dryRuns.perSecond.median,
      budget.dryRunsPerSecond,
      dryRuns.perSecond.median >= budget.dryRunsPerSecond,
      `${fmt(dryRuns.perSecond.median, 0)}/s`,
    );
  }
  if (memory) {
    const [m1, m2, m3] = memory.marks;
    rows.push(
      ["VmRSS after tools/list", mb(memory.oursMb.listed), mb(memory.plainMb.listed)],
      ...memory.marks.map((m) => [`VmRSS after ${fmt(m, 0)} creates`, mb(memory.oursMb[m]), m === m1 ? mb(memory.plainMb[m1]) : ""]),
    );
    const growth = memory.oursMb[m3].median / memory.oursMb[m2].median;
    const vsPlain = memory.oursMb[m1].median / memory.plainMb[m1].median;
    check(
      6,
      `VmRSS after ${fmt(m3, 0)} creates ≤ 1.1× after ${fmt(m2, 0)}`,
      growth,
      budget.memoryGrowth,
      growth <= budget.memoryGrowth,
      `${fmt(growth, 2)}× (${fmt(memory.oursMb[m3].median)} / ${fmt(memory.oursMb[m2].median)} MB; per round ${fmt(memory.growth.min, 2)}–${fmt(memory.growth.max, 2)}×)`,
    );
    check(
      6,
      `VmRSS after ${fmt(m1, 0)} creates ≤ the plain server's`,
      vsPlain,
      budget.memoryVsPlain,
      vsPlain <= budget.memoryVsPlain,
      `${fmt(vsPlain, 2)}× (${fmt(memory.oursMb[m1].median)} / ${fmt(memory.plainMb[m1].median)} MB; per round ${fmt(memory.vsPlain.min, 2)}–${fmt(memory.vsPlain.max, 2)}×)`,
    );
  }
  if (cli) {
    rows.push(["per create against moto (AWS CLI v1 in the right column)", ms(cli.oursMs), ms(cli.cliMs)]);
    check(
      7,
      "per create against moto ≥ 50× faster than the AWS CLI v1",
      cli.speedup,
      budget.cliSpeedup,
      cli.speedup >= budget.cliSpeedup,
      `${fmt(cli.speedup, 0)}× (${fmt(cli.cliMs.median)} / ${fmt(cli.oursMs.median, 2)} ms)`,
    );
  }
  if (http) {
    const label = `HTTP, ${http.sessions} sessions × ${http.callsEach} dry runs`;
    rows.push(
      [`${label} (calls/s, ${http.wrong} wrong)`, fmt(http.perSecond, 0), ""],
      [`${label}: latency p50 / p99`, `${fmt(http.p50Ms, 2)} / ${fmt(http.p99Ms, 2)} ms`, ""],
      [
        `VmRSS: HTTP server started / ${http.sessions} sessions open / all closed`,
        `${fmt(http.rssMb.baseline)} / ${fmt(http.rssMb.open)} / ${fmt(http.rssMb.closed)} MB`,
        "",
      ],
    );
  }
  if (startup) rows.push(["tools/list result (JSON bytes)", fmt(startup.toolsListBytes.result, 0), ""]);
  rows.push([
    `dist/ (${dist.all.files} files; start-up loads ${dist.startup.files})`,
    `${fmt(dist.all.kb, 0)} KB (start-up ${fmt(dist.startup.kb, 0)} KB)`,
    "",
  ]);

  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length), 22)];
  console.log(`\n${env.cpu} (${env.cores} cores, ${env.memoryGb} GB), ${env.os}, Node ${env.node}\n`);
  console.log(`${"".padEnd(w[0])}  ${"cognito-identity-mcp".padEnd(w[1])}  baseline (plain server unless said)`);
  for (const [label, ours, base] of rows) console.log(`${label.padEnd(w[0])}  ${ours.padEnd(w[1])}  ${base}`);
  console.log("\nBudget, from this run:");
  for (const c of checks) console.log(`  ${c.pass ? "PASS" : "FAIL"}  ${c.line}. ${c.text.padEnd(58)} ${c.figure}`);
  if (floors.length) console.log("\nFloors (what no server on these parts can beat):");
  for (const f of floors) console.log(`  line ${f.line}: ${f.text.padEnd(52)} ${f.figure}`);

  const report = {
    date: new Date().toISOString(),
    quick,
    only,
    machine: env,
    plan,
    environment: Object.keys(awsEnv("")),
    results,
    budget: checks,
    floors,
  };
  await mkdir(path.join(root, "bench", "results"), { recursive: true });
  const out = path.join(root, "bench", "results", "latest.json");
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nFigures: ${path.relative(process.cwd(), out)}`);
  return checks.every((c) => c.pass) ? 0 : 1;
}

if (process.argv[2] === "--instant-endpoint") serveInstantEndpoint();
else
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`bench: ${error.stack ?? error}`);
      stopAll();
      process.exit(2);
    },
  );
