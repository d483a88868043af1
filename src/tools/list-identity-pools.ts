/** `aws cognito-identity list-identity-pools`. */
import type { ToolContract } from "./contract.js";

export const listIdentityPools: ToolContract = {
  name: "list_identity_pools",
  title: "List Cognito identity pools",
  operation: "ListIdentityPools",
  effect: "read",
  toolset: "pools",
  byDefault: true,
  description: `Lists the region's identity pools (ID and name), exactly as \`aws cognito-identity list-identity-pools\` does.

Paging is the CLI's: MaxResults (or NextToken) given as an argument reads that one page, and the result's NextToken asks for the next. To read every page, give MaxResults inside cliInputJson (or pageSize) instead; maxItems then stops early with a NextToken to pass as startingToken.`,
};
