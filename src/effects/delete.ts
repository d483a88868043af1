/**
 * Deletes: the pool is read first, so the dry run, plan, question and result name what is
 * destroyed (every identity in it too); sent once, as a repeat would fail or hide what happened.
 */
import { z } from "zod";
import type { Write, WriteEffectModule } from "./effect.js";
import { changedSincePlan, confirm } from "./plans.js";
import { poolLabel, poolName } from "./words.js";

function deleted({ request, current }: Write): { IdentityPoolId: string; IdentityPoolName?: string } {
  return {
    IdentityPoolId: String(request.IdentityPoolId),
    ...(current.IdentityPoolName !== undefined && { IdentityPoolName: String(current.IdentityPoolName) }),
  };
}

export const remove: WriteEffectModule = {
  kind: "delete",
  options: ["dryRun", "confirm"],
  resultExtras: {
    deleted: z.object({ IdentityPoolId: z.string(), IdentityPoolName: z.string().optional() }).optional(),
    confirm,
    changedSincePlan,
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  readsFirst: "state",
  sendOnce: true,
  unknownOutcome: {
    means: "so the pool may or may not have been deleted",
    hint: "Check with describe_identity_pool before deleting again: a ResourceNotFoundException means it is gone.",
  },
  lockSubject: ({ read, dryRun }) => (dryRun || !read ? undefined : { kind: "state", subject: JSON.stringify(read) }),
  plan: (write) => ({
    what: `It would delete ${poolLabel(write.current)} and every identity in it.`,
    lines: [],
    extra: { deleted: deleted(write) },
    question: [`Delete the Amazon Cognito identity pool ${poolName(write.current)}, and every identity in it? This cannot be undone.`],
  }),
  done: (write) => ({ summary: `Deleted ${poolLabel(write.current)} and every identity in it`, extra: { deleted: deleted(write) } }),
};
