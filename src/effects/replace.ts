/**
 * Writes that replace state (UpdateIdentityPool, SetIdentityPoolRoles, SetPrincipalTagAttributeMap,
 * and tagging, which replaces some tags): the state they replace is read first, so their dry run,
 * plan, question and result list every member (or tag) changed or removed; repeating the same
 * call is safe.
 */
import { z } from "zod";
import { changesBetween } from "../operation/changes.js";
import type { Write, WriteEffectModule } from "./effect.js";
import { changedSincePlan, confirm, memberChange } from "./plans.js";
import { changeLine, subjectOf } from "./words.js";

const changesOf = (write: Write) => write.tool.changes?.(write) ?? changesBetween(write.operation, write.current, write.request);

export const replace: WriteEffectModule = {
  kind: "replace",
  options: ["dryRun", "confirm"],
  resultExtras: {
    changes: z
      .array(memberChange.extend({ leftOut: z.literal(true).optional() }))
      .optional()
      .describe("Each member (or tag) changed; leftOut: removed because the call left it out."),
    confirm,
    changedSincePlan,
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  readsFirst: "state",
  sendOnce: false,
  unknownOutcome: {
    means: "so the change may or may not have been made",
    hint: "Read the pool again to see whether it was; repeating the same call is safe.",
  },
  lockSubject: ({ read, dryRun }) => (dryRun || !read ? undefined : { kind: "state", subject: JSON.stringify(read) }),
  plan: (write) => {
    const changes = changesOf(write);
    return {
      what: changes.length ? `It would change ${changes.length} member${changes.length === 1 ? "" : "s"}:` : "It would change no member.",
      lines: changes.map(changeLine),
      extra: { changes },
      question: [
        `${write.operation.name} on ${subjectOf(write)}?`,
        ...(changes.length ? changes.map((c) => `- ${changeLine(c)}`) : ["No member changes."]),
      ],
    };
  },
  done: (write) => {
    const changes = changesOf(write);
    return {
      summary: `${write.operation.name} done: ${changes.length ? changes.map(changeLine).join("; ") : "no member changed"}`,
      extra: { changes },
    };
  },
};
