/** `aws cognito-identity lookup-developer-identity`. */
import type { ToolContract } from "./contract.js";

export const lookupDeveloperIdentity: ToolContract = {
  name: "lookup_developer_identity",
  title: "Look up Cognito developer identity",
  operation: "LookupDeveloperIdentity",
  effect: "read",
  toolset: "developer-identities",
  byDefault: false,
  description: `Returns the identity of a developer user (DeveloperUserIdentifier), or the developer users linked to an identity (IdentityId), exactly as \`aws cognito-identity lookup-developer-identity\` does. The CLI does not page it: pass the result's NextToken for the next page.`,
};
