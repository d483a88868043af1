#!/usr/bin/env node
/**
 * The README's quick start: the real server, in sandbox mode, driven by the MCP SDK's own client
 * over stdio. It creates a pool through the tool, then lists and deletes it with the AWS SDK
 * against the same sandbox. No AWS account, credentials or network needed.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { CognitoIdentityClient, DeleteIdentityPoolCommand, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";

const say = (line) => process.stdout.write(`${line}\n`);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true"; // this demo runs on Node 20 on purpose
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
const transport = new StdioClientTransport({ command: process.execPath, args: ["dist/index.js", "--sandbox"], env, stderr: "pipe" });
let stderr = "";
transport.stderr?.on("data", (chunk) => (stderr += chunk));
const client = new Client({ name: "cognito-identity-mcp-demo", version: "1.0.0" });
await client.connect(transport);

const { tools } = await client.listTools();
say(`Server started in sandbox mode; its tool: ${tools.map((t) => t.name).join(", ")}`);

const args = {
  cliArgs:
    'aws cognito-identity create-identity-pool --identity-pool-name MyIdentityPool --no-allow-unauthenticated-identities --cognito-identity-providers ProviderName="cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa",ClientId="3n4b5urk1ft4fl3mg5e62d9ado",ServerSideTokenCheck=false',
};
say(`\n> create_identity_pool ${JSON.stringify(args)}`);
const result = await client.callTool({ name: "create_identity_pool", arguments: args });
for (const block of result.content) say(block.text);
if (result.isError) process.exit(1);

const sandboxUrl = /emulator at (http:\/\/[^\s,]+)/.exec(stderr)?.[1];
const aws = new CognitoIdentityClient({ endpoint: sandboxUrl, region: "us-east-1", credentials: { accessKeyId: "SANDBOX", secretAccessKey: "sandbox" } });
const listed = await aws.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
say(`\nListIdentityPools on the sandbox (${sandboxUrl}): ${JSON.stringify(listed.IdentityPools)}`);
await aws.send(new DeleteIdentityPoolCommand({ IdentityPoolId: result.structuredContent.IdentityPoolId }));
const after = await aws.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
say(`Deleted ${result.structuredContent.IdentityPoolId}; pools left: ${after.IdentityPools.length}`);
await client.close();
