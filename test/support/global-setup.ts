/**
 * Starts one moto_server shared by the whole run: tests only add to it (files run in parallel);
 * a test that needs moto's whole state to itself starts its own with useOwnMoto(). Without moto, end-to-end tests report why
 * they did not run; under CI=true a missing moto fails the run instead.
 */
import type { TestProject } from "vitest/node";
import { motoAvailable, startMoto, type Moto } from "./moto.js";

declare module "vitest" {
  export interface ProvidedContext {
    motoUrl: string | null;
    motoMissingReason: string | null;
  }
}

let moto: Moto | undefined;

export async function setup(project: TestProject) {
  if (!motoAvailable()) {
    const reason = "moto_server is not installed (pip install 'moto[server]'); end-to-end tests against moto did not run";
    if (process.env.CI === "true") throw new Error(`CI=true requires moto: ${reason}`);
    console.warn(`\n*** ${reason} ***\n`);
    project.provide("motoUrl", null);
    project.provide("motoMissingReason", reason);
    return;
  }
  moto = await startMoto();
  project.provide("motoUrl", moto.url);
  project.provide("motoMissingReason", null);
}

export async function teardown() {
  await moto?.stop();
}
