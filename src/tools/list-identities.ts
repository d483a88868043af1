/** `aws cognito-identity list-identities`. */
import type { ToolContract } from "./contract.js";

export const listIdentities: ToolContract = {
  name: "list_identities",
  title: "List Cognito identities",
  operation: "ListIdentities",
  effect: "read",
  toolset: "identities",
  byDefault: false,
  description: `Lists the identities in an identity pool (ID, linked login providers, creation and change times in epoch seconds), exactly as \`aws cognito-identity list-identities\` does.

MaxResults (1–60) is required and the CLI does not page this command: pass the result's NextToken to read the next page.`,
};
