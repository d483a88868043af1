/**
 * State a write carries from one round to the next through the client: the consent question
 * (MCP 2026-07-28's `requestState`, also used for 2025 clients through the SDK's elicitation shim)
 * and the confirm code of a plan (--confirm-writes). Sealed with HMAC-SHA256 by the SDK's codec,
 * expiring, bound to the write, and used once per process. The key is the operator's
 * (COGNITO_IDENTITY_MCP_STATE_KEY, shared by replicas) or random per process, so any replica with
 * the key can take the next round, and a round sealed with another key is refused.
 */
import { createHash, randomBytes } from "node:crypto";
import { createRequestStateCodec } from "@modelcontextprotocol/server";

export const stateKeyEnv = "COGNITO_IDENTITY_MCP_STATE_KEY";
const minStateKeyBytes = 32;
/** How long a round's state stays valid: long enough for a person to read a question and answer. */
const roundTtlSeconds = 600;
/** How long a plan's confirm code stays valid unless the operator says (--confirm-ttl-seconds). */
export const defaultConfirmTtlSeconds = 600;

/** The key in COGNITO_IDENTITY_MCP_STATE_KEY (base64 or base64url), or why it cannot be used. */
export function parseStateKey(value: string): { key: Uint8Array } | { error: string } {
  const text = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return { error: `${stateKeyEnv} must be base64 (A-Z, a-z, 0-9, +/ or -_, = padding)` };
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length < minStateKeyBytes)
    return { error: `${stateKeyEnv} must hold at least ${minStateKeyBytes} bytes once decoded (it holds ${key.length})` };
  return { key: new Uint8Array(key) };
}

/** What a write is bound to: the tool, and digests of its exact request with its target, and of the state it replaces. */
export interface WriteBinding {
  tool: string;
  request: string;
  state: string;
}

const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("base64url");

export function bindWrite(tool: string, request: Record<string, unknown>, target: object, current: Record<string, unknown>): WriteBinding {
  return { tool, request: digest([tool, request, target]), state: digest(current) };
}

/** What a round's state holds: the write it is bound to, and what makes it single-use. */
export interface RoundState extends WriteBinding {
  nonce: string;
  /** A plan's state as it was read, to say what changed if it no longer holds. */
  planned?: Record<string, unknown>;
}

export interface Rounds {
  /** How long a sealed state stays valid. */
  readonly ttlSeconds: number;
  /** The state as the opaque string the client echoes. */
  seal(state: Omit<RoundState, "nonce">): Promise<string>;
  /** The state, if this key sealed it and it has not expired; else why not. */
  open(sealed: string): Promise<{ state: RoundState } | { problem: string }>;
  /** True the first time a state's nonce is used in this process, false after. */
  use(state: RoundState): boolean;
}

export function createRounds(key: Uint8Array = new Uint8Array(randomBytes(minStateKeyBytes)), ttlSeconds = roundTtlSeconds): Rounds {
  const codec = createRequestStateCodec<RoundState>({ key, ttlSeconds });
  /** Used nonces, with when each expires: kept as long as its state could still be opened. */
  const used = new Map<string, number>();
  return {
    ttlSeconds,
    seal: (state) => codec.mint({ ...state, nonce: randomBytes(16).toString("base64url") }),
    async open(sealed) {
      try {
        const state = (await codec.verify(sealed, undefined as never)) as RoundState;
        if ([state?.tool, state?.request, state?.state, state?.nonce].some((value) => typeof value !== "string"))
          return { problem: "it is not a state this server makes" };
        return { state };
      } catch (error) {
        const reason = (error as Error).message;
        return {
          problem:
            reason === "expired"
              ? `it expired (it was valid for ${ttlSeconds} s)`
              : "it was not sealed with this server's key (altered, or from a server with another COGNITO_IDENTITY_MCP_STATE_KEY)",
        };
      }
    },
    use(state) {
      const now = Date.now();
      for (const [nonce, expires] of used) if (expires <= now) used.delete(nonce);
      if (used.has(state.nonce)) return false;
      used.set(state.nonce, now + ttlSeconds * 1000);
      return true;
    },
  };
}
