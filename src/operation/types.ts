/**
 * The types every layer shares, at the bottom so that imports only point down: the one Result
 * shape, where a call goes (Connection, Target) and how a call to AWS failed (Failure).
 */

/** Every fallible step answers this: its value, or what went wrong. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function failed<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/**
 * What a tool does to the world:
 * - read: changes nothing.
 * - create: makes a new pool; not idempotent, so it has a duplicate guard and is never retried blindly.
 * - replace: replaces the state a read gives with what the call gives; its result reports the change.
 * - delete: removes what a read gives, for good; never retried blindly.
 * - unlink: deletes identities, or unlinks logins or developer users from them (a merge moves
 *   them); what it removes is named from the request; never retried blindly.
 * - issue: gets an identity, or a token for one, making the identity the first time; never
 *   retried blindly, as each call without logins makes another identity.
 */
export type Effect = "read" | "create" | "replace" | "delete" | "unlink" | "issue";

/** Everything that decides which client a call uses: where it goes and how it is signed (see src/aws/connection.ts). */
export interface Connection {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  /** PEM contents of the CA bundle to trust, already read under the operator's file policy. */
  ca?: string;
  noVerifySsl?: boolean;
  noSignRequest?: boolean;
  maxAttempts?: number;
  retryMode?: string;
  /** The endpoint is this process's own emulator: it checks no signature, so no credentials are loaded. */
  sandbox?: boolean;
  /**
   * The call chose the endpoint and the operator did not: requests are signed with placeholder
   * credentials (emulators check none), so the operator's never reach it (see src/aws/connection.ts).
   */
  placeholderCredentials?: boolean;
}

/** The AWS CLI's --cli-read-timeout / --cli-connect-timeout, in seconds; 0 means no limit. */
export interface Timeouts {
  readSeconds: number;
  connectSeconds: number;
}

/** Where a call went (or would go). Never the keys themselves. */
export interface Target {
  region?: string;
  endpoint?: string;
  profile?: string;
  credentials?: string;
  /** Set when the call went to the local sandbox, not to AWS. */
  sandbox?: boolean;
}

export interface Failure {
  /** AWS error name (`NotAuthorizedException`) or what failed locally (`CredentialsError`, `ConnectionRefused` …). */
  name: string;
  message: string;
  httpStatus?: number;
  requestId?: string;
  attempts?: number;
  /** What the person should do about it, when we know. */
  hint?: string;
}

/** The name of a failure after the request may have reached AWS: whether it took effect is unknown. */
export const outcomeUnknown = "OutcomeUnknown";

/** A call to AWS: its answer or its failure, and where it went either way. */
export type CallOutcome<T> = Result<T, Failure> & { target: Target };
