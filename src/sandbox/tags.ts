/**
 * TagResource, UntagResource and ListTagsForResource. A pool's tags are its IdentityPoolTags: what
 * these set, DescribeIdentityPool shows, and UpdateIdentityPool replaces (it sends the whole pool).
 *
 * API reference, TagResource: "An identity pool can have as many as 50 tags." The model's map has
 * no size, so 50 is checked here on the merged tags (a single request of more than 50, and a key
 * beginning with the reserved "aws:", are already refused by validation.ts, from schema.ts's
 * documented limits). UntagResource removes the keys it names; keys the pool does not have are
 * ignored, as for other AWS services' UntagResource.
 */
import { documentedLimits } from "../operation/schema.js";
import { poolIdOfArn } from "./arns.js";
import { findPool, pick, replacePool, type Operation } from "./common.js";
import { poolMembers } from "./pools.js";
import { ServiceError } from "./service-error.js";
import type { CompleteState, StoredPool } from "./store.js";

const maxTags = documentedLimits.IdentityPoolTagsType!.max!;

function poolOfArn(state: CompleteState, region: string, arn: string): StoredPool {
  return findPool(state, region, poolIdOfArn(arn, region));
}

/** `stored` with these tags (in the model's member order, so DescribeIdentityPool prints as ever). */
function withTags(stored: StoredPool, tags: Record<string, string>): StoredPool {
  return { ...stored, pool: pick({ ...stored.pool, IdentityPoolTags: tags }, poolMembers) };
}

export const tagOperations = {
  TagResource: async (store, region, input) => {
    const { ResourceArn, Tags } = input as { ResourceArn: string; Tags: Record<string, string> };
    await store.change((state) => {
      const stored = poolOfArn(state, region, ResourceArn);
      const tags = { ...stored.pool.IdentityPoolTags, ...Tags };
      const count = Object.keys(tags).length;
      if (count > maxTags)
        throw new ServiceError(
          "InvalidParameterException",
          `An identity pool can have as many as ${maxTags} tags; with these it would have ${count}.`,
        );
      return { state: replacePool(state, stored, (p) => withTags(p, tags)), result: undefined };
    });
    return {};
  },

  UntagResource: async (store, region, input) => {
    const { ResourceArn, TagKeys } = input as { ResourceArn: string; TagKeys: string[] };
    await store.change((state) => {
      const stored = poolOfArn(state, region, ResourceArn);
      const current = stored.pool.IdentityPoolTags ?? {};
      if (!TagKeys.some((key) => Object.hasOwn(current, key))) return { state, result: undefined };
      const tags = Object.fromEntries(Object.entries(current).filter(([key]) => !TagKeys.includes(key)));
      return { state: replacePool(state, stored, (p) => withTags(p, tags)), result: undefined };
    });
    return {};
  },

  ListTagsForResource: async (store, region, input) => {
    const { ResourceArn } = input as { ResourceArn: string };
    return { Tags: poolOfArn(store.state, region, ResourceArn).pool.IdentityPoolTags ?? {} };
  },
} satisfies Record<string, Operation>;
