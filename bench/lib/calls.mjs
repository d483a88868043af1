// Lines 4 and 5: warm creates through one session against a direct SDK call, and dry runs.
import { awsEnv, Session } from "./client.mjs";
import { directClient } from "./direct-client.mjs";
import { stats } from "./stats.mjs";
import { serverArgs } from "./subjects.mjs";

/** Line 4: one warm session and a direct SDK client in this process, call by call, alternating which goes first. */
export async function benchOverhead(endpoint, pairs) {
  const { client: direct, timedCreate: directCreate } = await directClient(endpoint);
  const session = new Session(serverArgs, awsEnv(endpoint.url));
  const ours = [];
  const sdk = [];
  try {
    await session.handshake();
    const warmUp = Math.min(500, pairs);
    for (let i = 0; i < warmUp + pairs; i++) {
      const [a, b] = i % 2 ? [await directCreate(), await session.timedCreate()] : [await session.timedCreate(), await directCreate()];
      if (i >= warmUp) {
        sdk.push(i % 2 ? a : b);
        ours.push(i % 2 ? b : a);
      }
    }
  } finally {
    await session.close();
    direct.destroy();
  }
  return {
    oursMs: stats(ours),
    directMs: stats(sdk),
    overheadMs: stats(ours).median - stats(sdk).median,
    pairedMs: stats(ours.map((ms, i) => ms - sdk[i])),
  };
}

/** Line 5: dry runs through one session, a fixed number in flight. */
export async function benchDryRuns(endpoint, rounds, callsPerRound, inFlight = 8) {
  const session = new Session(serverArgs, awsEnv(endpoint.url));
  const args = { IdentityPoolName: "bench_dry_run", AllowUnauthenticatedIdentities: true, generateCliSkeleton: "output" };
  const rates = [];
  try {
    await session.handshake();
    const burst = async (calls) => {
      let issued = 0;
      const worker = async () => {
        while (issued < calls) {
          issued++;
          await session.call(args);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    };
    await burst(1000);
    for (let r = 0; r < rounds; r++) {
      const started = performance.now();
      await burst(callsPerRound);
      rates.push((callsPerRound * 1000) / (performance.now() - started));
    }
  } finally {
    await session.close();
  }
  return { inFlight, callsPerRound, perSecond: stats(rates) };
}
