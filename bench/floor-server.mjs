/**
 * The bench's floor for lines 2 and 3: the least an MCP server on the same parts can do. The SDK's
 * low-level Server (as src/server.ts uses), one create_identity_pool tool listed with a fixed JSON
 * Schema, nothing validated, checked or rendered: a call imports the AWS SDK (the first one only),
 * sends CreateIdentityPoolCommand and returns the answer as JSON. The bench bundles it with the
 * build's options (scripts/lib/bundle-options.mjs: the esbuild options and the SDK's Ajv stub that
 * scripts/build.mjs uses; the build's zod and JSON Schema steps are for the server's sources and do
 * not apply here), so the difference between the two is the server's own work.
 * Not part of the product.
 */
import { Server } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";

const tool = {
  name: "create_identity_pool",
  description: "Creates an Amazon Cognito identity pool (CreateIdentityPool) and returns it.",
  inputSchema: {
    type: "object",
    properties: { IdentityPoolName: { type: "string" }, AllowUnauthenticatedIdentities: { type: "boolean" } },
    required: ["IdentityPoolName", "AllowUnauthenticatedIdentities"],
  },
};

let client;
// Ajv is left out as the build leaves it out (scripts/lib/bundle-options.mjs); this server never elicits.
const server = new Server({ name: "floor-cognito-identity", version: "1.0.0" }, { capabilities: { tools: {} } });
server.setRequestHandler("tools/list", () => ({ tools: [tool] }));
server.setRequestHandler("tools/call", async ({ params }) => {
  const { CognitoIdentityClient, CreateIdentityPoolCommand } = await import("@aws-sdk/client-cognito-identity");
  client ??= new CognitoIdentityClient({});
  try {
    const { $metadata: _metadata, ...pool } = await client.send(new CreateIdentityPoolCommand(params.arguments));
    return { content: [{ type: "text", text: JSON.stringify(pool, null, 2) }], structuredContent: pool };
  } catch (error) {
    return { isError: true, content: [{ type: "text", text: `${error.name}: ${error.message}` }] };
  }
});
serveStdio(() => server);
