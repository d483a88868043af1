import { it } from "vitest";
import { connectInMemory, fakeAwsEnv } from "./support/client.js";
import { startBodyRecorder } from "./support/body-recorder.js";
Object.assign(process.env, fakeAwsEnv, { AWS_EC2_METADATA_DISABLED: "true" });
it("x", async () => {
  const rec = await startBodyRecorder();
  const { client, close } = await connectInMemory({ endpointUrl: rec.url, region: "us-east-1" });
  const heap = () => { (globalThis as any).gc?.(); return Math.round(process.memoryUsage().heapUsed / 1e6); };
  for (let i = 0; i < 50; i++) await client.callTool({ name: "create_identity_pool", arguments: { IdentityPoolName: "a", AllowUnauthenticatedIdentities: false, cliReadTimeout: 30 } });
  const h0 = heap(), r0 = Math.round(process.memoryUsage().rss/1e6); const t0 = Date.now();
  for (let i = 0; i < 2000; i++) await client.callTool({ name: "create_identity_pool", arguments: { IdentityPoolName: "a", AllowUnauthenticatedIdentities: false, cliReadTimeout: 100 + i } });
  console.log("distinct timeouts: heap MB", h0, "->", heap(), "rss", r0, "->", Math.round(process.memoryUsage().rss/1e6), "ms", Date.now() - t0);
  const t1 = Date.now();
  for (let i = 0; i < 2000; i++) await client.callTool({ name: "create_identity_pool", arguments: { IdentityPoolName: "a", AllowUnauthenticatedIdentities: false, cliReadTimeout: 30 } });
  console.log("same timeout: heap", heap(), "ms", Date.now() - t1);
  await close(); await rec.stop();
}, 300000);
