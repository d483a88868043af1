/** Reads: they change nothing, so they may be repeated and need no lock, plan or consent. */
import type { EffectModule } from "./effect.js";

export const read: EffectModule = {
  kind: "read",
  options: [],
  resultExtras: {},
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
};
