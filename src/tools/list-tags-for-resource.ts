/** `aws cognito-identity list-tags-for-resource`. */
import type { ToolContract } from "./contract.js";

export const listTagsForResource: ToolContract = {
  name: "list_tags_for_resource",
  title: "List Cognito identity pool tags",
  operation: "ListTagsForResource",
  effect: "read",
  toolset: "tags",
  byDefault: false,
  description: "Returns an identity pool's tags, exactly as `aws cognito-identity list-tags-for-resource` does.",
};
