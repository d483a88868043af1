/** The warm-up's rehearsal of a call to AWS, which sends nothing out of the process. */
import { createServer } from "node:http";
import { CreateIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
import { listen } from "../net/listen.js";
import { newClient } from "./clients.js";
import { noBlindRetries } from "./retry-safety.js";

/**
 * Runs one create through the SDK and Node's HTTP client (serialize, sign, retry, send,
 * deserialize) against an endpoint this process opens on loopback for the purpose, with
 * placeholder credentials, so V8 has compiled that code before a user's first call. Nothing
 * leaves the process; the operator's credentials are resolved by the call that uses them, since
 * their chain may reach the network (SSO, instance metadata).
 */
export async function rehearseAwsSend(): Promise<void> {
  const pool = {
    IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
    IdentityPoolName: "warm-up",
    AllowUnauthenticatedIdentities: false,
  };
  const endpoint = createServer((req, res) =>
    req.resume().on("end", () => res.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(pool))),
  );
  const { port } = await listen(endpoint, 0, "127.0.0.1");
  // Built as a call's client is, not cached: its endpoint closes with the rehearsal.
  const client = newClient({ region: "us-east-1", endpointUrl: `http://127.0.0.1:${port}`, placeholderCredentials: true });
  try {
    const command = new CreateIdentityPoolCommand({ IdentityPoolName: pool.IdentityPoolName, AllowUnauthenticatedIdentities: false });
    noBlindRetries(command.middlewareStack);
    await client.send(command);
  } finally {
    // Also destroys its request handler, and so its connections.
    client.destroy();
    endpoint.closeAllConnections();
    endpoint.close();
  }
}
