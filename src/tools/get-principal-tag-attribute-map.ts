/** `aws cognito-identity get-principal-tag-attribute-map`. */
import type { ToolContract } from "./contract.js";

export const getPrincipalTagAttributeMap: ToolContract = {
  name: "get_principal_tag_attribute_map",
  title: "Get Cognito principal tag attribute map",
  operation: "GetPrincipalTagAttributeMap",
  effect: "read",
  toolset: "roles",
  byDefault: false,
  description:
    "Returns which claims of an identity provider's tokens become principal tags (attribute-based access control) for an identity pool, and whether the defaults are used, exactly as `aws cognito-identity get-principal-tag-attribute-map` does.",
};
