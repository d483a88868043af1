/**
 * The sandbox's one AWS account, and the ARNs of its identity pools:
 * `arn:<partition>:cognito-identity:<region>:<account>:identitypool/<pool id>`, the resource of
 * TagResource, UntagResource and ListTagsForResource (API reference) and the
 * `https://cognito-identity.amazonaws.com/identity-pool-arn` claim of the OpenID tokens.
 */
import { ServiceError } from "./service-error.js";

/** Every pool belongs to this account: moto's default account id, and the one AWS's documentation uses in its examples. */
export const sandboxAccountId = "123456789012";

/** The partition of a region: aws, aws-cn, aws-us-gov, and the isolated ones. */
export function partitionOf(region: string): string {
  const prefixes: [string, string][] = [
    ["cn-", "aws-cn"],
    ["us-gov-", "aws-us-gov"],
    ["us-isob-", "aws-iso-b"],
    ["us-iso-", "aws-iso"],
    ["eu-isoe-", "aws-iso-e"],
    ["us-isof-", "aws-iso-f"],
  ];
  return prefixes.find(([prefix]) => region.startsWith(prefix))?.[1] ?? "aws";
}

export function poolArn(poolId: string): string {
  const region = poolId.slice(0, poolId.indexOf(":"));
  return `arn:${partitionOf(region)}:cognito-identity:${region}:${sandboxAccountId}:identitypool/${poolId}`;
}

/**
 * The pool id a ResourceArn names, checked as AWS checks it: an ARN that is not an identity pool's
 * is an InvalidParameterException; a well-formed one of another account or region (or whose pool
 * does not exist, which the caller checks) is not found. That split is the one other emulators
 * settled on (ministack's Cognito Identity tag ARNs, PR #808); AWS's own wording is not documented.
 */
export function poolIdOfArn(arn: string, region: string): string {
  const parts = /^arn:([a-z-]+):cognito-identity:([a-z0-9-]+):(\d{12}):identitypool\/(([a-z0-9-]+):[0-9a-f-]+)$/.exec(arn);
  if (!parts)
    throw new ServiceError(
      "InvalidParameterException",
      `Invalid ResourceArn '${arn}': expected an identity pool ARN, ${poolArn(`${region}:<pool-guid>`)}.`,
    );
  const [, partition, arnRegion, account, poolId, poolRegion] = parts as unknown as [string, string, string, string, string, string];
  if (partition !== partitionOf(arnRegion) || poolRegion !== arnRegion)
    throw new ServiceError("InvalidParameterException", `Invalid ResourceArn '${arn}': its partition, region and pool id do not agree.`);
  if (account !== sandboxAccountId || arnRegion !== region)
    throw new ServiceError("ResourceNotFoundException", `IdentityPool '${poolId}' not found.`);
  return poolId;
}
