/**
 * An identity pool's roles (SetIdentityPoolRoles, GetIdentityPoolRoles) and the rules on them
 * that the model cannot state. The model's own constraints (RoleType, lengths, enums, at most 10
 * providers and 400 rules) are checked by validation.ts before these.
 */
import { ServiceError } from "./service-error.js";

export interface MappingRule {
  Claim: string;
  MatchType: "Equals" | "Contains" | "StartsWith" | "NotEqual";
  Value: string;
  RoleARN: string;
}

export interface RoleMapping {
  Type: "Token" | "Rules";
  AmbiguousRoleResolution?: "AuthenticatedRole" | "Deny";
  RulesConfiguration?: { Rules: MappingRule[] };
}

/** What the pool's last SetIdentityPoolRoles sent, as it sent it. */
export interface PoolRoles {
  Roles: Record<string, string>;
  RoleMappings?: Record<string, RoleMapping>;
}

/**
 * "Up to 25 rules can be specified per identity provider" (API reference, SetIdentityPoolRoles
 * RoleMappings and RulesConfigurationType); the model allows 400.
 */
export const maxRulesPerProvider = 25;

/**
 * An IAM role ARN in any partition. AWS checks iam:PassRole on each role, and a value that names
 * no role (a bare role name, a mangled ARN) is answered NotAuthorizedException "Access to Role
 * '…' is forbidden." (reported against SetIdentityPoolRoles in aws-sdk-js, boto3 and others).
 */
const roleArn = /^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/;

/** Why AWS would refuse these roles beyond the model, as the ServiceError it answers; undefined if none. */
export function rolesProblem({ Roles, RoleMappings }: PoolRoles): ServiceError | undefined {
  for (const arn of Object.values(Roles))
    if (!roleArn.test(arn)) return new ServiceError("NotAuthorizedException", `Access to Role '${arn}' is forbidden.`);
  for (const [provider, mapping] of Object.entries(RoleMappings ?? {})) {
    // API reference, RoleMapping: "If you specify Token or Rules as the Type, AmbiguousRoleResolution is required."
    if (mapping.AmbiguousRoleResolution === undefined)
      return new ServiceError(
        "InvalidParameterException",
        `AmbiguousRoleResolution must be set when Type is Token or Rules (role mapping for '${provider}').`,
      );
    // API reference, RoleMapping: "If you specify Rules as the role mapping type, RulesConfiguration is required."
    if (mapping.Type === "Rules" && mapping.RulesConfiguration === undefined)
      return new ServiceError(
        "InvalidParameterException",
        `RulesConfiguration must be set when Type is Rules (role mapping for '${provider}').`,
      );
    const rules = mapping.RulesConfiguration?.Rules.length ?? 0;
    if (rules > maxRulesPerProvider)
      return new ServiceError(
        "InvalidParameterException",
        `Up to ${maxRulesPerProvider} rules can be specified per identity provider; the role mapping for '${provider}' has ${rules}.`,
      );
  }
  return undefined;
}
