// Line 7: per create against moto, the AWS CLI v1 against a warm session.
import { spawn, spawnSync } from "node:child_process";
import { awsEnv, baseEnv, createArgs, Session } from "./client.mjs";
import { startMoto } from "./endpoints.mjs";
import { track } from "./processes.mjs";
import { stats } from "./stats.mjs";
import { serverArgs } from "./subjects.mjs";

function awsCliVersion() {
  const run = spawnSync("aws", ["--version"], { encoding: "utf8", env: baseEnv });
  if (run.error?.code === "ENOENT") throw new Error("the AWS CLI (`aws`) is not installed");
  const version = `${run.stdout}${run.stderr}`.trim();
  if (!/^aws-cli\/1\./.test(version)) throw new Error(`line 7 compares with the AWS CLI v1; \`aws --version\` says ${version}`);
  return version;
}

function runCli(moto) {
  const env = { ...awsEnv(moto.url), AWS_DEFAULT_REGION: "us-east-1" };
  const args = [
    "cognito-identity",
    "create-identity-pool",
    "--identity-pool-name",
    createArgs().IdentityPoolName,
    "--allow-unauthenticated-identities",
    "--endpoint-url",
    moto.url,
  ];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = track(spawn("aws", args, { env, stdio: ["ignore", "pipe", "pipe"] }));
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`aws exited with ${code}: ${out}`)),
    );
  });
}

/** Line 7: against moto, one AWS CLI run, then `perCli` creates through a warm session, repeated. */
export async function benchCli(rounds, perCli) {
  const version = awsCliVersion();
  const moto = await startMoto();
  const cli = [];
  const ours = [];
  try {
    const session = new Session(serverArgs, awsEnv(moto.url));
    try {
      await session.handshake();
      for (let i = 0; i < 50; i++) await session.call(createArgs());
      await runCli(moto);
      for (let r = 0; r < rounds; r++) {
        cli.push(await runCli(moto));
        for (let i = 0; i < perCli; i++) ours.push(await session.timedCreate());
      }
    } finally {
      await session.close();
    }
  } finally {
    await moto.stop();
  }
  return { awsCli: version, cliMs: stats(cli), oursMs: stats(ours), speedup: stats(cli).median / stats(ours).median };
}
