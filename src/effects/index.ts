/** Every effect, by kind: what a tool's `effect` means for its calls. */
import type { Effect } from "../operation/types.js";
import type { EffectModule, WriteEffectModule } from "./effect.js";
import { create } from "./create.js";
import { remove } from "./delete.js";
import { issue } from "./issue.js";
import { read } from "./read.js";
import { replace } from "./replace.js";
import { unlink } from "./unlink.js";

const writes: Record<Exclude<Effect, "read">, WriteEffectModule> = { create, replace, delete: remove, unlink, issue };

export function effectOf(kind: Effect): EffectModule {
  return kind === "read" ? read : writes[kind];
}

/** A write's effect module; undefined for a read. */
export function writeEffectOf(kind: Effect): WriteEffectModule | undefined {
  return kind === "read" ? undefined : writes[kind];
}
