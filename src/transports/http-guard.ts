/**
 * The checks every HTTP request passes before it reaches MCP: Host, request target and Origin
 * (against DNS rebinding) and the bearer token. Pure functions of the request line and headers.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import { isLoopbackHost } from "../net/loopback.js";

const wildcardHosts = new Set(["0.0.0.0", "::", "[::]"]);

function bare(host: string): string {
  return host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
}

function isWildcardHost(host: string): boolean {
  return wildcardHosts.has(host.toLowerCase());
}

/** host:port as it appears in a URL or a Host header (IPv6 in brackets). */
export function authority(host: string, port: number): string {
  const name = bare(host);
  return `${isIP(name) === 6 ? `[${name}]` : name}:${port}`;
}

/**
 * The Host header values that name this server: the bound address; for loopback, every
 * loopback spelling; for a wildcard bind, every local interface address; plus the operator's.
 */
export function allowedHostHeaders(host: string, port: number, extra: string[] = []): Set<string> {
  const names = [host];
  if (isLoopbackHost(host) || isWildcardHost(host)) names.push("localhost", "127.0.0.1", "::1");
  if (isWildcardHost(host))
    for (const addresses of Object.values(networkInterfaces()))
      for (const address of addresses ?? []) if (host === "0.0.0.0" ? address.family === "IPv4" : true) names.push(address.address);
  // Clients leave out the scheme's default port (http://host/, not http://host:80/).
  const spellings = names.flatMap((name) =>
    port === 80 ? [authority(name, port), authority(name, port).replace(/:80$/, "")] : [authority(name, port)],
  );
  return new Set([...spellings, ...extra.map((value) => value.toLowerCase())]);
}

export interface RequestGuard {
  hostAllowed(hostHeader: string | undefined): boolean;
  /**
   * The path of the request target: origin-form (/mcp?x), or absolute-form (http://host/mcp) whose
   * authority names this server, as the Host header does. undefined for any other target.
   */
  targetPath(requestTarget: string | undefined, hostHeader: string | undefined): string | undefined;
  originAllowed(originHeader: string | undefined): boolean;
  /** undefined when the token matches (or none is required), else why not. */
  tokenProblem(authorizationHeader: string | undefined): "missing" | "invalid" | undefined;
}

export function createRequestGuard(hosts: Set<string>, allowedOrigins: string[], token: string | undefined): RequestGuard {
  const origins = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  // Hashing first makes the comparison constant-time whatever the lengths.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  const expected = token === undefined ? undefined : digest(token);
  const hostAllowed = (hostHeader: string | undefined) => hostHeader !== undefined && hosts.has(hostHeader.toLowerCase());
  return {
    hostAllowed,
    targetPath(requestTarget, hostHeader) {
      const target = requestTarget ?? "";
      // Node routes on the path alone, so an absolute-form target naming another host would be
      // served as if it named this one. Its authority must be the Host header, spelled the same.
      const named = /^https?:\/\/([^/?#]*)/i.exec(target)?.[1];
      if (named === undefined) {
        // Appended, not resolved against a base, so "//evil.example/mcp" stays a path; "*" has none.
        return target.startsWith("/") ? new URL(`http://path.invalid${target}`).pathname : undefined;
      }
      if (!hostAllowed(hostHeader) || named.toLowerCase() !== hostHeader!.toLowerCase()) return undefined;
      return new URL(target).pathname;
    },
    originAllowed(originHeader) {
      // Browsers always send Origin on cross-site requests; other clients need not send it.
      if (originHeader === undefined) return true;
      let url: URL;
      try {
        url = new URL(originHeader);
      } catch {
        return false; // includes the opaque origin "null"
      }
      // Browsers send exactly scheme://host[:port]; anything more (user-info, a path) is forged.
      if (url.origin !== originHeader.toLowerCase()) return false;
      if (origins.has(url.origin)) return true;
      return (url.protocol === "http:" || url.protocol === "https:") && hosts.has(url.host);
    },
    tokenProblem(authorizationHeader) {
      if (expected === undefined) return undefined;
      const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorizationHeader ?? "");
      if (!match) return "missing";
      return timingSafeEqual(digest(match[1]!), expected) ? undefined : "invalid";
    },
  };
}
