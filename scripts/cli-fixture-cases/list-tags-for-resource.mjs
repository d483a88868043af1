// Cases for `aws cognito-identity list-tags-for-resource` (test/fixtures/cli/list-tags-for-resource/).

import { J, POOL_ID, RESOURCE_ARN } from "./common.mjs";
import { globalAccepted, globalRefused, skeletons } from "./identity-cases.mjs";
import { ARN, arnAccepted, arnRefused, OTHER_ARN } from "./tagging-cases.mjs";

const BASE = [...ARN];
const DOC = { ResourceArn: RESOURCE_ARN };

const ACCEPTED = [
  { name: "--resource-arn", args: [...BASE] },
  ...arnAccepted([]),
  { name: "abbreviated option --resource (argparse prefix match)", args: ["--resource", RESOURCE_ARN] },
  { name: "--cli-input-json", args: ["--cli-input-json", J(DOC)] },
  { name: "--cli-input-json plus --resource-arn override", args: ["--cli-input-json", J({ ResourceArn: OTHER_ARN }), ...ARN] },
  ...globalAccepted(BASE, { query: "Tags" }),
];

const REFUSED = [
  ...globalRefused(BASE, DOC),
  ...arnRefused([]),
  { name: "--identity-pool-id instead of --resource-arn", args: ["--identity-pool-id", POOL_ID] },
  { name: "--resource-arn with two values", args: [...ARN, OTHER_ARN] },
];

const RESPONSES = [
  { name: "two tags", response: { Tags: { Env: "prod", Team: "data" } } },
  { name: "empty Tags map", response: { Tags: {} } },
  {
    name: "reserved aws: keys and an empty value",
    response: { Tags: { "aws:cloudformation:stack-name": "stack", Env: "", "a.b": "dotted" } },
  },
  { name: "unicode, tab and newline", response: { Tags: { ключ: "значение", emoji: "🙂", tab: "a\tb", newline: "line1\nline2" } } },
  {
    name: "50 tags, long key and value",
    response: {
      Tags: Object.fromEntries(
        Array.from({ length: 50 }, (_, i) => [
          i === 0 ? "k".repeat(128) : `k${String(i).padStart(2, "0")}`,
          i === 0 ? "v".repeat(256) : `v${i}`,
        ]),
      ),
    },
  },
  { name: "members the model does not define", response: { Tags: { Env: "prod" }, ResourceArn: RESOURCE_ARN } },
  { name: "empty JSON object", response: {} },
];

export default {
  command: "list-tags-for-resource",
  operation: "ListTagsForResource",
  dir: "list-tags-for-resource",
  respond: () => JSON.stringify({ Tags: { Env: "prod", Team: "data" } }),
  respondDescription: '`{"Tags": {"Env": "prod", "Team": "data"}}`',
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: {
    requestArgs: [...BASE],
    responses: RESPONSES,
    queries: ["Tags", "Tags.Env", "keys(Tags)", '"Tags"."aws:cloudformation:stack-name"'],
    queryFormats: ["json", "text"],
  },
};
