/**
 * Writes that cut identities loose (DeleteIdentities, UnlinkIdentity, UnlinkDeveloperIdentity,
 * MergeDeveloperIdentities): what they remove is named from the request, which is all they need
 * (UnlinkIdentity is sent unsigned, with the identity's own logins, so a signed read first could
 * stop a call the AWS CLI makes). Sent once: a repeat would fail or hide what happened.
 */
import type { WriteEffectModule } from "./effect.js";
import { confirm } from "./plans.js";
import { subjectOf, subjectPlan } from "./words.js";

export const unlink: WriteEffectModule = {
  kind: "unlink",
  options: ["dryRun", "confirm"],
  resultExtras: { confirm },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  readsFirst: "nothing",
  sendOnce: true,
  unknownOutcome: {
    means: "so it may or may not have been done",
    hint: "Check with describe_identity, list_identities or lookup_developer_identity before repeating it.",
  },
  lockSubject: () => undefined,
  plan: (write) => subjectPlan(write, " This cannot be undone."),
  done: (write) => ({ summary: `${write.operation.name} done: ${subjectOf(write)}`, extra: {} }),
};
