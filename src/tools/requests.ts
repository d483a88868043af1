/** What the tools' writes share: the reads they make first, and how they name what they act on. */
import { q } from "../operation/inert.js";
import type { WriteState } from "./contract.js";

/** The pool the request names: what DescribeIdentityPool and GetIdentityPoolRoles take. */
export function poolIdOf(request: Record<string, unknown>): Record<string, unknown> {
  return { IdentityPoolId: request.IdentityPoolId };
}

/** Tagging calls read the tags they change with ListTagsForResource. */
export const tagsRead = {
  operation: "ListTagsForResource",
  request: (request: Record<string, unknown>) => ({ ResourceArn: request.ResourceArn }),
} as const;

/** The tags a request or a ListTagsForResource answer holds. */
export function tagsOf(value: Record<string, unknown>): Record<string, unknown> {
  return (value.Tags as Record<string, unknown> | undefined) ?? {};
}

export const tagsSubject = ({ request }: WriteState) => `the tags of ${q(request.ResourceArn)}`;

/** The providers a Logins map names, never its tokens. */
export function providersOf(logins: unknown): string {
  const names = Object.keys((logins as Record<string, unknown> | undefined) ?? {});
  return names.length ? names.map(q).join(", ") : "no login";
}

/** For calls that link the logins they are given: which, in words ("" when none is given). */
export function linking(logins: unknown): string {
  return logins === undefined ? "" : `, linking the logins of ${providersOf(logins)} to it if they are not yet`;
}
