/**
 * `--generate-cli-skeleton yaml-input`, as the AWS CLI v2 prints it (generatecliskeleton.py): the
 * input skeleton in model order, each structure member with an end-of-line comment: [REQUIRED],
 * the first sentence of its documentation (get_shape_doc_overview), and an enum's values.
 * ruamel puts two spaces before a comment when the member before it has none (the first member),
 * one otherwise. Map placeholders ({KeyName: …}) carry no comments.
 */
import { scalar as yamlScalar } from "./render/yaml.js";
import { shape, type Operation } from "./model.js";

/** get_shape_doc_overview of each member, from botocore's cognito-identity model (its version in service-model.json). */
const overview: Record<string, string> = {
  IdentityPoolName: "A string that you provide.",
  AllowUnauthenticatedIdentities: "TRUE if the identity pool supports unauthenticated logins.",
  AllowClassicFlow: "Enables or disables the Basic (Classic) authentication flow.",
  SupportedLoginProviders: "Optional key.",
  DeveloperProviderName: 'The "domain" by which Cognito will refer to your users.',
  "CreateIdentityPoolInput.OpenIdConnectProviderARNs": "The Amazon Resource Names (ARN) of the OpenID Connect providers.",
  "CreateIdentityPoolInput.CognitoIdentityProviders": "An array of Amazon Cognito user pools and their client IDs.",
  ProviderName: "The provider name for an Amazon Cognito user pool.",
  ClientId: "The client ID for the Amazon Cognito user pool.",
  ServerSideTokenCheck: "TRUE if server-side token validation is enabled for the identity provider\u2019s token.",
  SamlProviderARNs: "An array of Amazon Resource Names (ARNs) of the SAML provider for your identity pool.",
  "CreateIdentityPoolInput.IdentityPoolTags": "Tags to assign to the identity pool.",
  IdentityPoolId: "An identity pool ID in the format REGION.",
  MaxResults: "The maximum number of identities to return.",
  NextToken: "A pagination token.",
  "IdentityPool.OpenIdConnectProviderARNs": "The ARNs of the OpenID Connect providers.",
  "IdentityPool.CognitoIdentityProviders": "A list representing an Amazon Cognito user pool and its client ID.",
  "IdentityPool.IdentityPoolTags": "The tags that are assigned to the identity pool.",
  Roles: "The map of roles associated with this pool.",
  RoleMappings: "How users for a specific identity provider are to mapped to roles.",
  Type: "The role mapping type.",
  AmbiguousRoleResolution: "If you specify Token or Rules as the Type, AmbiguousRoleResolution is required.",
  RulesConfiguration: "The rules to be used for mapping users to roles.",
  Rules: "An array of rules.",
  Claim: 'The claim name that must be present in the token, for example, "isAdmin" or "paid".',
  MatchType: "The match condition that specifies how closely the claim value in the IdP token must match Value.",
  Value: 'A brief string that the claim must match, for example, "paid" or "yes".',
  RoleARN: "The role ARN.",
  ResourceArn: "The Amazon Resource Name (ARN) of the identity pool.",
  "ListTagsForResourceInput.ResourceArn": "The Amazon Resource Name (ARN) of the identity pool that the tags are assigned to.",
  Tags: "The tags to assign to the identity pool.",
  TagKeys: "The keys of the tags to remove from the user pool.",
  "GetPrincipalTagAttributeMapInput.IdentityPoolId":
    "You can use this operation to get the ID of the Identity Pool you setup attribute mappings for.",
  "SetPrincipalTagAttributeMapInput.IdentityPoolId": "The ID of the Identity Pool you want to set attribute mappings for.",
  "GetPrincipalTagAttributeMapInput.IdentityProviderName": "You can use this operation to get the provider name.",
  "SetPrincipalTagAttributeMapInput.IdentityProviderName": "The provider name you want to use for attribute mappings.",
  UseDefaults: "You can use this operation to use default (username and clientID) attribute mappings.",
  "SetPrincipalTagAttributeMapInput.PrincipalTags": "You can use this operation to add principal tags.",
  "GetOpenIdTokenForDeveloperIdentityInput.PrincipalTags": "Use this operation to configure attribute mappings for custom providers.",
  HideDisabled: "An optional boolean parameter that allows you to hide disabled identities.",
  IdentityId: "A unique identifier in the format REGION.",
  IdentityIdsToDelete: "A list of 1-60 identities that you want to delete.",
  Logins: "A set of optional name-value pairs that map provider names to provider tokens.",
  LoginsToRemove: "Provider names to unlink from this identity.",
  AccountId: "A standard Amazon Web Services account ID (9+ digits).",
  CustomRoleArn:
    "The Amazon Resource Name (ARN) of the role to be assumed when multiple roles were received in the token from the identity provider.",
  DeveloperUserIdentifier: "A unique ID used by your backend authentication process to identify a user.",
  SourceUserIdentifier: "User identifier for the source user.",
  DestinationUserIdentifier: "User identifier for the destination user.",
  TokenDuration: "The expiration time of the token, in seconds.",
};

function comment(structureName: string, member: string, required: boolean, shapeName: string): string {
  const s = shape(shapeName);
  const parts = [
    required ? "[REQUIRED]" : "",
    overview[`${structureName}.${member}`] ?? overview[member] ?? "",
    s.type === "string" && s.enum ? `Valid values are: ${s.enum.join(", ")}.` : "",
  ].filter(Boolean);
  return parts.length ? `# ${parts.join(" ")}` : "";
}

function scalar(shapeName: string): string | undefined {
  const s = shape(shapeName);
  if (s.type === "string") return s.enum ? yamlScalar(s.enum[0]!, 0, "", false) : "''";
  if (s.type === "boolean") return "true";
  if (s.type === "integer") return "0";
  return undefined;
}

/** Lines of a mapping's entries at `indent`; `first` prefixes the first line (a list item's dash). */
function entries(
  members: [string, string, string][],
  indent: string,
  first: string,
  structureName: string | undefined,
  required: readonly string[],
): string[] {
  const lines: string[] = [];
  let previousCommented = false;
  members.forEach(([key, shapeName], i) => {
    const prefix = i === 0 ? first : indent;
    const note = structureName ? comment(structureName, key, required.includes(key), shapeName) : "";
    const gap = note ? (previousCommented ? " " : "  ") : "";
    previousCommented = note !== "";
    const value = scalar(shapeName);
    if (value !== undefined) lines.push(`${prefix}${key}: ${value}${gap}${note}`);
    else {
      lines.push(`${prefix}${key}:${note ? `${gap}${note}` : ""}`);
      lines.push(...collection(shapeName, indent));
    }
  });
  return lines;
}

/** A collection's lines under a key at `indent`: maps and structures indented 2, lists' dashes at the key's column. */
function collection(shapeName: string, indent: string): string[] {
  const s = shape(shapeName);
  if (s.type === "map") return entries([["KeyName", s.value.shape, ""]], `${indent}  `, `${indent}  `, undefined, []);
  if (s.type === "structure") return structureLines(shapeName, `${indent}  `, `${indent}  `);
  if (s.type === "list") {
    const item = shape(s.member.shape);
    const value = scalar(s.member.shape);
    if (value !== undefined) return [`${indent}- ${value}`];
    if (item.type === "structure") return structureLines(s.member.shape, `${indent}  `, `${indent}- `);
    return [`${indent}-`, ...collection(s.member.shape, `${indent}  `)];
  }
  return [];
}

function structureLines(shapeName: string, indent: string, first: string): string[] {
  const s = shape(shapeName);
  if (s.type !== "structure") return [];
  const members = Object.entries(s.members).map(([k, ref]) => [k, ref.shape, ""] as [string, string, string]);
  return entries(members, indent, first, shapeName, s.required ?? []);
}

export function yamlInputSkeleton(operation: Operation): string {
  return structureLines(operation.inputShapeName, "", "").join("\n") + "\n";
}
