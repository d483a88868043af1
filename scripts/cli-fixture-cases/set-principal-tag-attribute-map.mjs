// Cases for `aws cognito-identity set-principal-tag-attribute-map`
// (test/fixtures/cli/set-principal-tag-attribute-map/). --use-defaults / --no-use-defaults is a
// boolean; --principal-tags a map (max 50 entries in the model, values min length 1).

import { echo, J, OTHER_POOL_ID, POOL_ID, SEND_NOTE, UP1, UP2 } from "./common.mjs";
import { globalAccepted, globalRefused, requiredStringRefused, skeletons, stringAccepted } from "./identity-cases.mjs";

const ID = ["--identity-pool-id", POOL_ID];
const PROV = ["--identity-provider-name", UP1];
const BASE = [...ID, ...PROV];
const TAGS = "--principal-tags";
const FULL_DOC = { IdentityPoolId: POOL_ID, IdentityProviderName: UP1, UseDefaults: false, PrincipalTags: { department: "custom:dept" } };
const fiftyOneTags = Array.from({ length: 51 }, (_, i) => `k${String(i).padStart(2, "0")}=v`).join(",");
const fiftyTags = Array.from({ length: 50 }, (_, i) => `k${String(i).padStart(2, "0")}=v`).join(",");

const ACCEPTED = [
  { name: "only the required parameters", args: [...BASE] },
  { name: "--use-defaults", args: [...BASE, "--use-defaults"] },
  { name: "--no-use-defaults", args: [...BASE, "--no-use-defaults"] },
  { name: "--use-defaults then --no-use-defaults (last wins?)", args: [...BASE, "--use-defaults", "--no-use-defaults"] },
  { name: "--no-use-defaults then --use-defaults", args: [...BASE, "--no-use-defaults", "--use-defaults"] },
  { name: "--principal-tags shorthand", args: [...BASE, "--no-use-defaults", TAGS, "department=custom:dept,team=custom:team"] },
  { name: "--principal-tags JSON", args: [...BASE, TAGS, J({ department: "custom:dept", "cost center": "custom:cost" })] },
  { name: "--principal-tags=VALUE form", args: [...BASE, `${TAGS}=username=sub`] },
  { name: "--principal-tags given twice (last wins?)", args: [...BASE, TAGS, "a=b", TAGS, "c=d"] },
  { name: "--use-defaults with --principal-tags", args: [...BASE, "--use-defaults", TAGS, "username=sub,client=aud"] },
  { name: "--principal-tags, empty JSON map", args: [...BASE, "--no-use-defaults", TAGS, "{}"] },
  { name: "--principal-tags, 50 tags (the maximum)", args: [...BASE, TAGS, fiftyTags] },
  { name: "--principal-tags, 51 tags (map max 50)", args: [...BASE, TAGS, fiftyOneTags], note: SEND_NOTE },
  { name: "--principal-tags, value over 256 characters", args: [...BASE, TAGS, `k=${"v".repeat(257)}`], note: SEND_NOTE },
  { name: "--principal-tags, key over 128 characters", args: [...BASE, TAGS, `${"k".repeat(129)}=v`], note: SEND_NOTE },
  { name: "parameters in another order", args: [TAGS, "a=b", "--use-defaults", ...PROV, ...ID] },
  ...stringAccepted(ID, "--identity-provider-name", UP1, { max: 128, other: UP2 }).slice(2),
  ...stringAccepted(PROV, "--identity-pool-id", POOL_ID, { max: 55, pattern: true, other: OTHER_POOL_ID }).slice(2),
  { name: "--cli-input-json, every member", args: ["--cli-input-json", J(FULL_DOC)] },
  { name: "--cli-input-json UseDefaults false plus --use-defaults", args: ["--cli-input-json", J(FULL_DOC), "--use-defaults"] },
  {
    name: "--cli-input-json plus --principal-tags replaces PrincipalTags",
    args: ["--cli-input-json", J(FULL_DOC), TAGS, "team=custom:team"],
  },
  { name: "--cli-input-json UseDefaults only, flags supply the ids", args: ["--cli-input-json", J({ UseDefaults: true }), ...BASE] },
  ...globalAccepted([...BASE, "--use-defaults"], { query: "PrincipalTags" }),
];

const REFUSED = [
  ...globalRefused(BASE, FULL_DOC),
  ...requiredStringRefused(BASE, "--identity-provider-name", UP1).slice(0, 2),
  ...requiredStringRefused(BASE, "--identity-pool-id", POOL_ID).slice(0, 2),
  { name: "only --use-defaults and --principal-tags", args: ["--use-defaults", TAGS, "a=b"] },
  { name: "--use-defaults true (the flag takes no value)", args: [...BASE, "--use-defaults", "true"] },
  { name: "--use-defaults=true", args: [...BASE, "--use-defaults=true"] },
  { name: "--principal-tags, empty value (min length 1)", args: [...BASE, TAGS, "department="] },
  { name: "--principal-tags, empty key via JSON (min length 1)", args: [...BASE, TAGS, J({ "": "v" })] },
  { name: "--principal-tags shorthand without '='", args: [...BASE, TAGS, "department"] },
  { name: "--principal-tags, JSON list instead of map", args: [...BASE, TAGS, J(["a"])] },
  { name: "--principal-tags as two argv items", args: [...BASE, TAGS, "a=b", "c=d"] },
  { name: "--principal-tags without value at the end", args: [...BASE, TAGS], endpointFirst: true },
  { name: "--cli-input-json UseDefaults as a string", args: ["--cli-input-json", J({ ...FULL_DOC, UseDefaults: "true" })] },
  { name: "--cli-input-json PrincipalTags value a number", args: ["--cli-input-json", J({ ...FULL_DOC, PrincipalTags: { a: 1 } })] },
];

const RESPONSES = [
  {
    name: "every member",
    response: {
      IdentityPoolId: POOL_ID,
      IdentityProviderName: UP1,
      UseDefaults: false,
      PrincipalTags: { department: "custom:dept", team: "custom:team" },
    },
  },
  {
    name: "defaults",
    response: { IdentityPoolId: POOL_ID, IdentityProviderName: UP1, UseDefaults: true, PrincipalTags: { username: "sub", client: "aud" } },
  },
  {
    name: "empty PrincipalTags map",
    response: { IdentityPoolId: POOL_ID, IdentityProviderName: UP1, UseDefaults: false, PrincipalTags: {} },
  },
  {
    name: "members the model does not define",
    response: { IdentityPoolId: POOL_ID, IdentityProviderName: UP1, UseDefaults: true, Extra: [1] },
  },
  { name: "empty JSON object", response: {} },
];

export default {
  command: "set-principal-tag-attribute-map",
  operation: "SetPrincipalTagAttributeMap",
  dir: "set-principal-tag-attribute-map",
  respond: echo,
  respondDescription: "the request body back, unchanged (the map as sent)",
  accepted: ACCEPTED,
  refused: REFUSED,
  skeletons: skeletons(BASE),
  outputs: {
    requestArgs: [...BASE, "--no-use-defaults", TAGS, "department=custom:dept"],
    responses: RESPONSES,
    queries: ["PrincipalTags", "UseDefaults"],
    queryFormats: ["json", "text"],
  },
};
