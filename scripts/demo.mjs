#!/usr/bin/env node
/**
 * The README's quick start: the real server, in sandbox mode with every tool, driven by the MCP
 * SDK's own client (v2) over stdio, which picks the newest protocol revision both speak. It sets
 * up one pool: create, set roles, tag, update (the change report), and ends with the check every
 * setup ends with: a guest identity, and whether it gets credentials (their secrets withheld), for
 * the role the sandbox's log names. The server runs with --confirm-writes, so each write first
 * answers with its plan, and the demo confirms it with the plan's code, as an assistant would once
 * its user approved. No AWS account, credentials or network needed.
 */
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";

const say = (line) => process.stdout.write(`${line}\n`);
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };
const transport = new StdioClientTransport({
  command: process.execPath,
  args: ["dist/index.js", "--sandbox", "--tools", "all", "--confirm-writes"],
  env,
  stderr: "pipe",
});
/** The server's stderr: the sandbox logs the role each credentials request was given. */
let serverLog = "";
transport.stderr?.on("data", (chunk) => (serverLog += chunk));
const client = new Client({ name: "cognito-identity-mcp-demo", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
await client.connect(transport);

const { tools } = await client.listTools();
const revision = client.getProtocolEra() === "modern" ? "MCP 2026-07-28" : "MCP 2025-11-25";
say(`Server started in sandbox mode, speaking ${revision}; its tools: ${tools.map((t) => t.name).join(", ")}`);

/** A confirm code is long: what the demo prints shows its start. */
const short = (text, code) => (code ? text.replaceAll(code, `${code.slice(0, 16)}…`) : text);

/** Calls a tool and prints what an assistant would read; stops the demo on an error. A plan is confirmed with its code. */
async function step(name, args) {
  say(short(`\n> ${name} ${JSON.stringify(args)}`, args.confirm));
  const result = await client.callTool({ name, arguments: args });
  const { confirm } = result.structuredContent ?? {};
  for (const block of result.content) if (block.text) say(short(block.text, confirm ?? args.confirm));
  if (result.isError) process.exit(1);
  return confirm ? step(name, { ...args, confirm }) : result.structuredContent;
}

const created = await step("create_identity_pool", {
  cliArgs:
    'aws cognito-identity create-identity-pool --identity-pool-name MyIdentityPool --no-allow-unauthenticated-identities --cognito-identity-providers ProviderName="cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa",ClientId="3n4b5urk1ft4fl3mg5e62d9ado",ServerSideTokenCheck=false --identity-pool-tags team=web',
});
const id = created.IdentityPoolId;
await step("set_identity_pool_roles", {
  IdentityPoolId: id,
  Roles: {
    authenticated: "arn:aws:iam::123456789012:role/CognitoAuthenticated",
    unauthenticated: "arn:aws:iam::123456789012:role/CognitoGuest",
  },
});
await step("get_identity_pool_roles", { IdentityPoolId: id, output: "text" });
await step("tag_resource", { ResourceArn: `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${id}`, Tags: { env: "demo" } });
// The update leaves out the tags and the user pool: the result says they are removed.
await step("update_identity_pool", {
  IdentityPoolId: id,
  IdentityPoolName: "MyIdentityPool",
  AllowUnauthenticatedIdentities: true,
  dryRun: true,
});
await step("update_identity_pool", { IdentityPoolId: id, IdentityPoolName: "MyIdentityPool", AllowUnauthenticatedIdentities: true });
// The check: does guest access now yield credentials, for the guest role?
const guest = await step("get_id", { IdentityPoolId: id });
await step("get_credentials_for_identity", { IdentityId: guest.IdentityId });
const chosen = /GetCredentialsForIdentity 200 role=(\S+)/.exec(serverLog)?.[1];
say(`\nThe sandbox's log names the role those credentials are for: ${chosen ?? "(not found)"}`);
await client.close();
if (!chosen?.endsWith("/CognitoGuest")) process.exit(1);
