// Line 6: a session's VmRSS as creates pile up, and the plain server's.
import { awsEnv, createArgs, Session, vmRssMb } from "./client.mjs";
import { progress } from "./processes.mjs";
import { fmt, stats } from "./stats.mjs";
import { plainArgs, serverArgs } from "./subjects.mjs";

/** Line 6: VmRSS of a session after 1,000, 5,000 and 20,000 creates, and the plain server's after 1,000; alternating. */
export async function benchMemory(endpoint, rounds, marks) {
  const runs = { ours: [], plain: [] };
  const last = marks.at(-1);
  for (let r = 0; r < rounds; r++) {
    for (const who of r % 2 ? ["plain", "ours"] : ["ours", "plain"]) {
      const session = new Session(who === "ours" ? serverArgs : plainArgs, awsEnv(endpoint.url));
      const rss = { listed: 0 };
      try {
        await session.handshake();
        rss.listed = vmRssMb(session.pid);
        const upTo = who === "ours" ? last : marks[0];
        for (let i = 1; i <= upTo; i++) {
          await session.call(createArgs());
          if (marks.includes(i)) rss[i] = vmRssMb(session.pid);
        }
      } finally {
        await session.close();
      }
      runs[who].push(rss);
    }
    const [ours, plain] = [runs.ours.at(-1), runs.plain.at(-1)];
    progress(
      `  memory round ${r + 1}/${rounds}: ours ${marks.map((m) => `${fmt(ours[m])} MB after ${m}`).join(", ")}; plain ${fmt(plain[marks[0]])} MB after ${marks[0]}`,
    );
  }
  const at = (who, mark) => stats(runs[who].map((x) => x[mark]));
  return {
    marks,
    oursMb: Object.fromEntries(["listed", ...marks].map((m) => [m, at("ours", m)])),
    plainMb: { listed: at("plain", "listed"), [marks[0]]: at("plain", marks[0]) },
    growth: stats(runs.ours.map((x) => x[last] / x[marks[1]])),
    vsPlain: stats(runs.ours.map((x, i) => x[marks[0]] / runs.plain[i][marks[0]])),
  };
}
