// Processes: everything this run starts is tracked and stopped, also on Ctrl-C. And the small
// helpers around them: waiting for an exit, sleeping, progress lines, a free port.
import { createServer as createNetServer } from "node:net";

const children = new Set();
export function track(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}
export const stopAll = () => children.forEach((child) => child.kill("SIGKILL"));
process.once("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
export const exited = (child) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const progress = (message) => process.stderr.write(`bench: ${message}\n`);

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
