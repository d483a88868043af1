// Line 3 and its floor: a create sent 1 s after tools/list against the next, and what the SDK itself
// adds to a new client's first send.
import { awsEnv, Session } from "./client.mjs";
import { directClient } from "./direct-client.mjs";
import { sleep } from "./processes.mjs";
import { stats } from "./stats.mjs";
import { serverArgs } from "./subjects.mjs";

/**
 * Line 3's floor: what the SDK itself adds to a new client's first send (its settings, signer and
 * connection) over its next, with the SDK's code already warm in this process. A server's first
 * call after a warm-up uses a client that has not sent yet, so no server can do better.
 */
async function newClientFirstSendExtra(endpoint, { clients, warmSends }) {
  const warm = await directClient(endpoint);
  const extra = [];
  try {
    for (let i = 0; i < warmSends; i++) await warm.timedCreate();
    for (let i = 0; i < clients; i++) {
      const fresh = await directClient(endpoint);
      try {
        extra.push((await fresh.timedCreate()) - (await fresh.timedCreate()));
      } finally {
        fresh.client.destroy();
      }
    }
  } finally {
    warm.client.destroy();
  }
  return stats(extra);
}

/**
 * Line 3: sessions whose first create is sent 1 s after tools/list; that create against the next two.
 * `floor` sizes line 3's floor (newClientFirstSendExtra): how many new clients, after how many warm sends.
 */
export async function benchLateFirstCall(endpoint, rounds, floor) {
  const first = [];
  const second = [];
  const third = [];
  for (let r = 0; r < rounds; r++) {
    const session = new Session(serverArgs, awsEnv(endpoint.url));
    try {
      await session.handshake();
      await sleep(1000);
      first.push(await session.timedCreate());
      second.push(await session.timedCreate());
      third.push(await session.timedCreate());
    } finally {
      await session.close();
    }
  }
  return {
    firstMs: stats(first),
    secondMs: stats(second),
    thirdMs: stats(third),
    extraMs: stats(first.map((ms, i) => ms - second[i])),
    sdkNewClientExtraMs: await newClientFirstSendExtra(endpoint, floor),
  };
}
