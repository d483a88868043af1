/** `aws cognito-identity describe-identity-pool`. */
import type { ToolContract } from "./contract.js";

export const describeIdentityPool: ToolContract = {
  name: "describe_identity_pool",
  title: "Describe Cognito identity pool",
  operation: "DescribeIdentityPool",
  effect: "read",
  toolset: "pools",
  byDefault: true,
  description:
    "Returns an identity pool's configuration (name, guest access, providers, tags), exactly as `aws cognito-identity describe-identity-pool` does.",
};
