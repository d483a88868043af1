/** Starting an HTTP server, for the sandbox and the Streamable HTTP transport. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Listens on host:port (port 0: a free one); rejects on a bind error (address in use or not available). */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
