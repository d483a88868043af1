/** `aws cognito-identity untag-resource`. */
import { entryChanges } from "../operation/changes.js";
import type { ToolContract } from "./contract.js";
import { tagsOf, tagsRead, tagsSubject } from "./requests.js";

export const untagResource: ToolContract = {
  name: "untag_resource",
  title: "Untag Cognito identity pool",
  operation: "UntagResource",
  effect: "replace",
  toolset: "tags",
  reads: tagsRead,
  subject: tagsSubject,
  changes: ({ current, request }) => {
    const removed = new Set(request.TagKeys as string[]);
    return entryChanges("Tags", tagsOf(current), Object.fromEntries(Object.entries(tagsOf(current)).filter(([key]) => !removed.has(key))));
  },
  byDefault: false,
  description: `Removes tags (by key) from an identity pool, exactly as \`aws cognito-identity untag-resource\` does; keys it does not have are ignored. The tags are read first: the result lists each tag removed with its value; dryRun lists them without removing anything.`,
};
