/** What a write's result may carry when the operator asks for plans (--confirm-writes). */
import { z } from "zod";

/** A plan's code: the same call with it as `confirm` does what the plan showed. */
export const confirm = z.string().optional().describe("Only on plans: the same call with this code as confirm does it.");

/** For writes that replace state: what changed in the pool since a plan that no longer held (a fresh plan follows). */
export const changedSincePlan = z
  .array(
    z.object({
      member: z.string(),
      change: z.enum(["added", "changed", "removed"]),
      before: z.unknown().optional(),
      after: z.unknown().optional(),
    }),
  )
  .optional()
  .describe("Only when a plan no longer held: what changed in the pool since.");
