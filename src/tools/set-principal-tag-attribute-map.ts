/** `aws cognito-identity set-principal-tag-attribute-map`. */
import type { ToolContract } from "./contract.js";
import { q } from "../operation/inert.js";

export const setPrincipalTagAttributeMap: ToolContract = {
  name: "set_principal_tag_attribute_map",
  title: "Set Cognito principal tag attribute map",
  operation: "SetPrincipalTagAttributeMap",
  effect: "replace",
  toolset: "roles",
  reads: {
    operation: "GetPrincipalTagAttributeMap",
    request: ({ IdentityPoolId, IdentityProviderName }) => ({ IdentityPoolId, IdentityProviderName }),
  },
  subject: ({ request }) => `the principal tags of ${q(request.IdentityProviderName)} in identity pool ${q(request.IdentityPoolId)}`,
  byDefault: false,
  description: `Sets which claims of an identity provider's tokens become principal tags for an identity pool (PrincipalTags: tag → claim), or the defaults (UseDefaults), exactly as \`aws cognito-identity set-principal-tag-attribute-map\` does.

It REPLACES the provider's map: what the call leaves out is removed. The map is read first: the result lists every change; dryRun shows it without changing anything.`,
};
