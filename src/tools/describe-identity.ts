/** `aws cognito-identity describe-identity`. */
import type { ToolContract } from "./contract.js";

export const describeIdentity: ToolContract = {
  name: "describe_identity",
  title: "Describe Cognito identity",
  operation: "DescribeIdentity",
  effect: "read",
  toolset: "identities",
  byDefault: false,
  description:
    "Returns an identity's linked login providers and its creation and change times (epoch seconds), exactly as `aws cognito-identity describe-identity` does.",
};
