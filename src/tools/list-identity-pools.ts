/** `aws cognito-identity list-identity-pools`. */
import type { ToolContract } from "./contract.js";

export const listIdentityPools: ToolContract = {
  name: "list_identity_pools",
  title: "List Cognito identity pools",
  operation: "ListIdentityPools",
  effect: "read",
  byDefault: true,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  description: `Lists the region's identity pools (ID and name), exactly as \`aws cognito-identity list-identity-pools\` does.

Like the CLI, it reads every page unless maxItems or noPaginate says otherwise. When the result has a NextToken, pass it as startingToken (or as NextToken with noPaginate) for the next page.`,
};
