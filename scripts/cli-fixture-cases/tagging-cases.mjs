// Shared by tag-resource, untag-resource and list-tags-for-resource: their --resource-arn cases.

import { J, RESOURCE_ARN, SEND_NOTE } from "./common.mjs";

export const ARN = ["--resource-arn", RESOURCE_ARN];
export const OTHER_ARN = "arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/eu-west-1:99999999-8888-7777-6666-555555555555";

/** --resource-arn cases the CLI sends; `rest` completes the command line. */
export function arnAccepted(rest) {
  return [
    { name: "--resource-arn=VALUE form", args: [`--resource-arn=${RESOURCE_ARN}`, ...rest] },
    { name: "--resource-arn given twice (last wins?)", args: ["--resource-arn", OTHER_ARN, ...ARN, ...rest] },
    { name: "ARN of a pool in another region (the ARN does not change the endpoint)", args: ["--resource-arn", OTHER_ARN, ...rest] },
    {
      name: "--resource-arn, not an ARN (20+ characters; no pattern in the model)",
      args: ["--resource-arn", "this is not an arn at all", ...rest],
    },
    { name: "--resource-arn of exactly 20 characters", args: ["--resource-arn", "arn:aws:cognito-iden", ...rest] },
    {
      name: "--resource-arn over 2048 characters",
      args: ["--resource-arn", `${RESOURCE_ARN}${"x".repeat(2049 - RESOURCE_ARN.length)}`, ...rest],
      note: SEND_NOTE,
    },
  ];
}

/** --resource-arn cases the CLI refuses; `rest` completes the command line. */
export function arnRefused(rest) {
  return [
    ...(rest.length ? [{ name: "missing --resource-arn", args: [...rest] }] : []),
    { name: "empty --resource-arn (min length 20)", args: ["--resource-arn", "", ...rest] },
    { name: "--resource-arn of 19 characters (min length 20)", args: ["--resource-arn", "arn:aws:cognito-ide", ...rest] },
    { name: "--resource-arn without value at the end", args: [...rest, "--resource-arn"], endpointFirst: true },
    { name: "--cli-input-json ResourceArn as a number", args: ["--cli-input-json", J({ ResourceArn: 5 }), ...rest] },
  ];
}
