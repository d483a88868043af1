/** `aws cognito-identity update-identity-pool`. */
import type { ToolContract } from "./contract.js";
import { poolIdOf } from "./requests.js";

export const updateIdentityPool: ToolContract = {
  name: "update_identity_pool",
  title: "Update Cognito identity pool",
  operation: "UpdateIdentityPool",
  effect: "replace",
  toolset: "pools",
  reads: { operation: "DescribeIdentityPool", request: poolIdOf },
  byDefault: false,
  description: `Replaces an identity pool's whole configuration, exactly as \`aws cognito-identity update-identity-pool\` does.

Every member the call leaves out is REMOVED (providers, tags, AllowClassicFlow): to change one setting, describe the pool and send all of it back with the change. The result lists every member changed or removed. dryRun shows that list without changing anything. A DeveloperProviderName once set cannot be changed.`,
  checkChange(current, request) {
    const was = current.DeveloperProviderName;
    if (was === undefined || request.DeveloperProviderName === was) return [];
    return [
      {
        field: "DeveloperProviderName",
        rule: "cannot change once set",
        message: `the pool's developer provider name is ${JSON.stringify(was)} and can never be changed or removed; send it unchanged`,
      },
    ];
  },
};
