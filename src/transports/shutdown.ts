/** How the server stops in order: the grace it gives the calls in flight, and the signals that ask for it. */

/** The longest an orderly stop waits for the calls in flight, all of them together. */
export const stopGraceMs = 30_000;

/** For tests: a shorter grace in milliseconds (never a longer one). */
export const stopGraceEnvVar = "COGNITO_IDENTITY_MCP_STOP_GRACE_MS";

export function stopGrace(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[stopGraceEnvVar]);
  return env[stopGraceEnvVar] !== undefined && env[stopGraceEnvVar] !== "" && Number.isFinite(value) && value >= 0
    ? Math.min(value, stopGraceMs)
    : stopGraceMs;
}

/**
 * Calls `stop` on the first SIGTERM or SIGINT, and `now` on any later one: an operator who
 * insists ends the wait at once (the calls still in flight are answered as unfinished).
 */
export function onStopSignals(stop: (signal: NodeJS.Signals) => void, now: (signal: NodeJS.Signals) => void): void {
  let asked = false;
  const handler = (signal: NodeJS.Signals) => {
    if (asked) return now(signal);
    asked = true;
    stop(signal);
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}
