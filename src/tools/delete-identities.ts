/** `aws cognito-identity delete-identities`. */
import { q } from "../operation/inert.js";
import type { ToolContract } from "./contract.js";

export const deleteIdentities: ToolContract = {
  name: "delete_identities",
  title: "Delete Cognito identities",
  operation: "DeleteIdentities",
  effect: "unlink",
  toolset: "identities",
  subject: ({ request }) => `delete the identities ${(request.IdentityIdsToDelete as string[]).map(q).join(", ")} and their logins`,
  byDefault: false,
  description: `Deletes up to 60 identities, with their logins, exactly as \`aws cognito-identity delete-identities\` does; it cannot be undone. Identities it could not delete come back in UnprocessedIdentityIds with an ErrorCode. dryRun names them without deleting.`,
};
