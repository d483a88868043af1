/**
 * Writes that issue an identity, or credentials or a token for one (GetId, GetCredentialsForIdentity,
 * GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity): an identity is made the first time its
 * logins (or developer user) are seen and found again after that, and logins given alongside are
 * linked to it ("supplying multiple logins creates an implicit link", API reference). Nothing is
 * changed or removed, so they are not destructive, and a repeat finds what the first call made,
 * but for GetId without logins, which makes a new unauthenticated identity each time (its tool
 * says so). They are sent once: a blind repeat could leave an identity nobody uses.
 */
import type { WriteEffectModule } from "./effect.js";
import { confirm } from "./plans.js";
import { subjectPlan } from "./words.js";

export const issue: WriteEffectModule = {
  kind: "issue",
  options: ["dryRun", "confirm"],
  resultExtras: { confirm },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  readsFirst: "nothing",
  sendOnce: true,
  unknownOutcome: {
    means: "so an identity may or may not have been made, or logins linked to it",
    hint: "Calling again with the same logins is safe: it finds what the first call made. Only get_id without logins would make another identity.",
  },
  lockSubject: () => undefined,
  plan: (write) => subjectPlan(write),
  done: (write, answer) => ({
    summary: `${write.operation.name} done for identity ${String(answer.IdentityId)}`,
    extra: {},
  }),
};
