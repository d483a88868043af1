/** `aws cognito-identity tag-resource`. */
import { entryChanges } from "../operation/changes.js";
import type { ToolContract } from "./contract.js";
import { tagsOf, tagsRead, tagsSubject } from "./requests.js";

export const tagResource: ToolContract = {
  name: "tag_resource",
  title: "Tag Cognito identity pool",
  operation: "TagResource",
  effect: "replace",
  toolset: "tags",
  reads: tagsRead,
  subject: tagsSubject,
  changes: ({ current, request }) => entryChanges("Tags", tagsOf(current), { ...tagsOf(current), ...tagsOf(request) }),
  byDefault: false,
  description: `Adds tags to an identity pool, or changes their values, exactly as \`aws cognito-identity tag-resource\` does. Other tags stay. The tags are read first: the result lists each tag added or changed; dryRun lists them without tagging. At most 50 tags per pool; keys may not start with "aws:".`,
};
