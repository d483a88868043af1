/** What a write's result may carry when the operator asks for plans (--confirm-writes), and how it reports a member's change. */
import { z } from "zod";

/** A plan's code: the same call with it as `confirm` does what the plan showed. */
export const confirm = z.string().optional().describe("Only on plans: pass it as confirm to do it.");

/** One member's change, as a write's result reports it. */
export const memberChange = z.object({
  member: z.string(),
  change: z.enum(["added", "changed", "removed"]),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

/** For writes that replace state: what changed in the pool since a plan that no longer held (a fresh plan follows). */
export const changedSincePlan = z
  .array(memberChange)
  .optional()
  .describe("Only when a plan no longer held: what changed in the pool since.");
