// Cases for `aws cognito-identity untag-resource` (test/fixtures/cli/untag-resource/).
// --tag-keys is a list of strings; the output is an empty structure: the recorder answers `{}`.

import { J, RESOURCE_ARN, SEND_NOTE } from "./common.mjs";
import { emptyOutputs, globalAccepted, globalRefused, skeletons } from "./identity-cases.mjs";
import { ARN, arnAccepted, arnRefused } from "./tagging-cases.mjs";

const KEYS = ["--tag-keys", "Env"];
const BASE = [...ARN, ...KEYS];
const DOC = { ResourceArn: RESOURCE_ARN, TagKeys: ["Env", "Team"] };
const nKeys = (n) => Array.from({ length: n }, (_, i) => `k${String(i).padStart(2, "0")}`);

const ACCEPTED = [
  { name: "--resource-arn --tag-keys, one key", args: [...BASE] },
  { name: "--tag-keys before --resource-arn", args: [...KEYS, ...ARN] },
  ...arnAccepted(KEYS),
  { name: "--tag-keys, two keys as two argv items", args: [...ARN, "--tag-keys", "Env", "Team"] },
  { name: "--tag-keys, JSON list", args: [...ARN, "--tag-keys", J(["Env", "Team Name"])] },
  { name: "--tag-keys, comma inside one value (not split)", args: [...ARN, "--tag-keys", "Env,Team"] },
  { name: "--tag-keys=VALUE form", args: [...ARN, "--tag-keys=Env"] },
  { name: "--tag-keys given twice (last wins?)", args: [...ARN, "--tag-keys", "a", "--tag-keys", "b"] },
  { name: "--tag-keys, key with spaces and unicode", args: [...ARN, "--tag-keys", "Team Name", "ключ"] },
  { name: "--tag-keys, the same key twice", args: [...ARN, "--tag-keys", "Env", "Env"] },
  { name: "--tag-keys, empty JSON list (no min in the model)", args: [...ARN, "--tag-keys", "[]"] },
  { name: "--tag-keys, 51 keys (no limit in the model)", args: [...ARN, "--tag-keys", ...nKeys(51)] },
  { name: "--tag-keys, reserved aws: key prefix", args: [...ARN, "--tag-keys", "aws:cloudformation:stack-name"], note: SEND_NOTE },
  { name: "--tag-keys, key over 128 characters", args: [...ARN, "--tag-keys", "k".repeat(129)], note: SEND_NOTE },
  { name: "an extra argv item after --tag-keys joins the list", args: [...BASE, "extra"] },
  { name: "--tag-keys without value at the end (an empty list)", args: [...ARN, "--tag-keys"], endpointFirst: true },
  { name: "--tag-keys, JSON map instead of a list", args: [...ARN, "--tag-keys", J({ Env: "prod" })] },
  { name: "--cli-input-json", args: ["--cli-input-json", J(DOC)] },
  { name: "--cli-input-json plus --tag-keys replaces TagKeys", args: ["--cli-input-json", J(DOC), "--tag-keys", "Only"] },
  ...globalAccepted(BASE, { query: "@" }),
];

const REFUSED = [
  ...globalRefused([...KEYS, ...ARN], DOC),
  ...arnRefused(KEYS),
  { name: "missing --tag-keys", args: [...ARN] },
  { name: "--tag-keys, empty key (min length 1)", args: [...ARN, "--tag-keys", ""] },
  { name: "--tag-keys, JSON list with a number", args: [...ARN, "--tag-keys", "[5]"] },
  { name: "--tags (a tag-resource parameter)", args: [...ARN, "--tags", "Env=prod"] },
  { name: "--cli-input-json TagKeys as a string", args: ["--cli-input-json", J({ ResourceArn: RESOURCE_ARN, TagKeys: "Env" })] },
];

export default {
  command: "untag-resource",
  operation: "UntagResource",
  dir: "untag-resource",
  respond: () => "{}",
  respondDescription: "`{}` (the output is an empty structure)",
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: emptyOutputs([...BASE]),
};
