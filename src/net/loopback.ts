/** Loopback addresses: 127.0.0.0/8, ::1 and localhost, with or without IPv6 brackets. */
import { isIP } from "node:net";

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return name === "localhost" || name === "::1" || (isIP(name) === 4 && name.startsWith("127."));
}
