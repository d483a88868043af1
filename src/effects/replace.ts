/**
 * Writes that replace state (UpdateIdentityPool, SetIdentityPoolRoles): the state they replace is
 * read first, so their dry run, plan, question and result list every member changed or removed;
 * repeating the same call is safe.
 */
import { z } from "zod";
import { changesBetween } from "../operation/changes.js";
import type { Write, WriteEffectModule } from "./effect.js";
import { changedSincePlan, confirm, memberChange } from "./plans.js";
import { changeLine, poolName } from "./words.js";

const changesOf = ({ operation, current, request }: Write) => changesBetween(operation, current, request);

export const replace: WriteEffectModule = {
  kind: "replace",
  options: ["dryRun", "confirm"],
  resultExtras: {
    changes: z
      .array(memberChange.extend({ leftOut: z.literal(true).optional() }))
      .optional()
      .describe("Each member changed; leftOut: removed because the call left it out."),
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
  lockSubject: ({ request, dryRun }) => (dryRun ? undefined : { kind: "pool", subject: String(request.IdentityPoolId) }),
  plan: (write) => {
    const changes = changesOf(write);
    return {
      what: changes.length ? `It would change ${changes.length} member${changes.length === 1 ? "" : "s"}:` : "It would change no member.",
      lines: changes.map(changeLine),
      extra: { changes },
      question: [
        `${write.operation.name} on the identity pool ${poolName(write.current)}?`,
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
