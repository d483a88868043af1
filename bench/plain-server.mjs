/**
 * The bench's baseline: what a user would otherwise write. An McpServer (the SDK's v2 line) with
 * a zod schema for a create_identity_pool-like tool, the AWS SDK imported and its client built at
 * start, served by the SDK's serveStdio. Run as is by node from node_modules (not bundled); not part of the product.
 * Region, endpoint and credentials come from the environment, as the SDK finds them.
 */
import { McpServer } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { CognitoIdentityClient, CreateIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
import * as z from "zod";

const client = new CognitoIdentityClient({});

const arn = z.string().min(20).max(2048);
const inputSchema = z.object({
  IdentityPoolName: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w\s+=,.@-]+$/),
  AllowUnauthenticatedIdentities: z.boolean(),
  AllowClassicFlow: z.boolean().optional(),
  SupportedLoginProviders: z.record(z.string().min(1).max(128), z.string().min(1).max(128)).optional(),
  DeveloperProviderName: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w._-]+$/)
    .optional(),
  OpenIdConnectProviderARNs: z.array(arn).optional(),
  CognitoIdentityProviders: z
    .array(
      z.object({
        ProviderName: z.string().min(1).max(128).optional(),
        ClientId: z.string().min(1).max(128).optional(),
        ServerSideTokenCheck: z.boolean().optional(),
      }),
    )
    .optional(),
  SamlProviderARNs: z.array(arn).optional(),
  IdentityPoolTags: z.record(z.string().min(1).max(128), z.string().max(256)).optional(),
});

function buildServer() {
  const server = new McpServer({ name: "plain-cognito-identity", version: "1.0.0" });
  server.registerTool(
    "create_identity_pool",
    {
      title: "Create Cognito identity pool",
      description: "Creates an Amazon Cognito identity pool (CreateIdentityPool) and returns it.",
      inputSchema,
    },
    async (args) => {
      try {
        const { $metadata: _metadata, ...pool } = await client.send(new CreateIdentityPoolCommand(args));
        return { content: [{ type: "text", text: JSON.stringify(pool, null, 2) }], structuredContent: pool };
      } catch (error) {
        return { isError: true, content: [{ type: "text", text: `${error.name}: ${error.message}` }] };
      }
    },
  );

  return server;
}

serveStdio(buildServer);
