/** `aws cognito-identity unlink-identity`. */
import { q } from "../operation/inert.js";
import type { ToolContract } from "./contract.js";

export const unlinkIdentity: ToolContract = {
  name: "unlink_identity",
  title: "Unlink login from Cognito identity",
  operation: "UnlinkIdentity",
  effect: "unlink",
  toolset: "identities",
  subject: ({ request }) => `unlink ${(request.LoginsToRemove as string[]).map(q).join(", ")} from the identity ${q(request.IdentityId)}`,
  byDefault: false,
  description: `Unlinks login providers (LoginsToRemove) from an identity, exactly as \`aws cognito-identity unlink-identity\` does: sent unsigned, with the identity's current login tokens in Logins. An identity left with no login becomes unauthenticated. dryRun names what it would unlink.`,
};
