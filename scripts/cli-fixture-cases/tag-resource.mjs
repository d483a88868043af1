// Cases for `aws cognito-identity tag-resource` (test/fixtures/cli/tag-resource/).
// The output is an empty structure: the recorder answers `{}`.

import { J, POOL_ID, RESOURCE_ARN, SEND_NOTE } from "./common.mjs";
import { emptyOutputs, globalAccepted, globalRefused, skeletons } from "./identity-cases.mjs";
import { ARN, arnAccepted, arnRefused } from "./tagging-cases.mjs";

const TAGS = ["--tags", "Env=prod,Team=data"];
const BASE = [...ARN, ...TAGS];
const DOC = { ResourceArn: RESOURCE_ARN, Tags: { Env: "prod", Team: "data" } };
const nTags = (n) => Array.from({ length: n }, (_, i) => `k${String(i).padStart(2, "0")}=v`).join(",");

const ACCEPTED = [
  { name: "--resource-arn --tags shorthand", args: [...BASE] },
  { name: "--tags before --resource-arn", args: [...TAGS, ...ARN] },
  ...arnAccepted(TAGS),
  { name: "--tags=VALUE form", args: [...ARN, "--tags=Env=prod"] },
  { name: "--tags JSON", args: [...ARN, "--tags", J({ Env: "prod", "Team Name": "a,b", empty: "" })] },
  { name: "--tags given twice (last wins?)", args: [...ARN, "--tags", "a=1", "--tags", "b=2"] },
  { name: "--tags, empty value k=", args: [...ARN, "--tags", "k="] },
  { name: "--tags, value with spaces", args: [...ARN, "--tags", "Team=Data Eng"] },
  { name: "--tags, non-ASCII value in shorthand", args: [...ARN, "--tags", "k=значение,j=日本"] },
  { name: "--tags, unicode JSON with an emoji", args: [...ARN, "--tags", J({ ключ: "значение", emoji: "🙂" })] },
  { name: "--tags, empty JSON map (no min in the model)", args: [...ARN, "--tags", "{}"] },
  { name: "--tags, 50 tags", args: [...ARN, "--tags", nTags(50)] },
  { name: "--tags, 51 tags (the service allows 50; no limit in the model)", args: [...ARN, "--tags", nTags(51)], note: SEND_NOTE },
  { name: "--tags, reserved aws: key prefix", args: [...ARN, "--tags", "aws:cloudformation:stack-name=x"], note: SEND_NOTE },
  { name: "--tags, key over 128 characters", args: [...ARN, "--tags", `${"k".repeat(129)}=v`], note: SEND_NOTE },
  { name: "--tags, value over 256 characters", args: [...ARN, "--tags", `k=${"v".repeat(257)}`], note: SEND_NOTE },
  { name: "--cli-input-json", args: ["--cli-input-json", J(DOC)] },
  { name: "--cli-input-json plus --tags replaces Tags", args: ["--cli-input-json", J(DOC), "--tags", "Only=flag"] },
  { name: "--cli-input-json supplies Tags, flag supplies the ARN", args: ["--cli-input-json", J({ Tags: { a: "1" } }), ...ARN] },
  ...globalAccepted(BASE, { query: "@" }),
];

const REFUSED = [
  ...globalRefused(BASE, DOC),
  ...arnRefused(TAGS),
  { name: "missing --tags", args: [...ARN] },
  { name: "--tags shorthand without '='", args: [...ARN, "--tags", "Env"] },
  { name: "--tags shorthand with empty key", args: [...ARN, "--tags", "=v"] },
  { name: "--tags, empty key via JSON (min length 1)", args: [...ARN, "--tags", J({ "": "v" })] },
  { name: "--tags as two argv items", args: [...ARN, "--tags", "a=1", "b=2"] },
  { name: "--tags, JSON list instead of map", args: [...ARN, "--tags", J([{ Key: "a", Value: "1" }])] },
  { name: "--tags, JSON map with number value", args: [...ARN, "--tags", J({ a: 1 })] },
  { name: "--tags without value at the end", args: [...ARN, "--tags"], endpointFirst: true },
  { name: "--identity-pool-id (not a parameter of this command)", args: [...BASE, "--identity-pool-id", POOL_ID] },
  { name: "--cli-input-json missing Tags", args: ["--cli-input-json", J({ ResourceArn: RESOURCE_ARN })] },
];

export default {
  command: "tag-resource",
  operation: "TagResource",
  dir: "tag-resource",
  respond: () => "{}",
  respondDescription: "`{}` (the output is an empty structure)",
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: emptyOutputs([...BASE]),
};
