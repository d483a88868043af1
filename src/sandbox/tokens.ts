/**
 * What the sandbox issues: OpenID tokens and AWS credentials, shaped as AWS's but plainly fake, so
 * nobody can take them for real ones and no AWS service would accept them.
 *
 * OpenID token (GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity): a JWT of AWS's layout, as a
 * decoded token shows it (header {"kid","typ":"JWS","alg":"RS512"}; claims sub = identity id,
 * aud = pool id, amr, iss = https://cognito-identity.amazonaws.com, the
 * https://cognito-identity.amazonaws.com/identity-pool-arn claim, exp, iat:
 * speakerdeck.com/player/fcca686ecc42459fa57423156ce7561f), with kid "sandbox" and the signature
 * part "sandbox-signature-not-valid". Principal tags go into the https://aws.amazon.com/tags claim
 * as {"principal_tags": {key: [value]}}, the layout STS reads session tags from in a web identity
 * token (IAM user guide, "Passing session tags using AssumeRoleWithWebIdentity").
 * Lifetimes (API reference): GetOpenIdToken's token "is valid for 10 minutes";
 * GetOpenIdTokenForDeveloperIdentity's TokenDuration defaults to 15 minutes.
 *
 * Credentials (GetCredentialsForIdentity): AccessKeyId `ASIASANDBOX` + 9 random characters (20 in
 * all, as AWS's temporary key ids, which begin ASIA), SecretKey `sandbox-secret-<random hex>`,
 * SessionToken `sandbox-session-<random hex>` (nothing about the role or identity in either),
 * Expiration one hour from now, in seconds since the epoch.
 */
import { randomBytes } from "node:crypto";
import { poolArn } from "./arns.js";
import { decodeJwt } from "./logins.js";

export const openIdIssuer = "https://cognito-identity.amazonaws.com";
export const sandboxSignature = "sandbox-signature-not-valid";
export const openIdTokenSeconds = 10 * 60;
export const developerTokenSeconds = 15 * 60;
export const credentialSeconds = 60 * 60;

export interface OpenIdTokenRequest {
  identityId: string;
  poolId: string;
  amr: readonly string[];
  /** Seconds since the epoch. */
  issuedAt: number;
  lifetimeSeconds: number;
  principalTags?: Record<string, string>;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function openIdToken({ identityId, poolId, amr, issuedAt, lifetimeSeconds, principalTags }: OpenIdTokenRequest): string {
  const iat = Math.floor(issuedAt);
  const claims = {
    sub: identityId,
    aud: poolId,
    amr,
    iss: openIdIssuer,
    "https://cognito-identity.amazonaws.com/identity-pool-arn": poolArn(poolId),
    ...(principalTags && Object.keys(principalTags).length > 0
      ? { "https://aws.amazon.com/tags": { principal_tags: Object.fromEntries(Object.entries(principalTags).map(([k, v]) => [k, [v]])) } }
      : {}),
    exp: iat + lifetimeSeconds,
    iat,
  };
  return `${base64url({ kid: "sandbox", typ: "JWS", alg: "RS512" })}.${base64url(claims)}.${sandboxSignature}`;
}

/** The claims of a token this sandbox issued (by its shape: nothing is signed), or undefined. */
export function sandboxTokenClaims(token: string): Record<string, unknown> | undefined {
  const jwt = decodeJwt(token);
  if (!jwt || !token.endsWith(`.${sandboxSignature}`) || jwt.header.kid !== "sandbox" || jwt.claims.iss !== openIdIssuer) return undefined;
  return jwt.claims;
}

export interface Credentials {
  AccessKeyId: string;
  SecretKey: string;
  SessionToken: string;
  Expiration: number;
}

const keyCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function fakeCredentials(issuedAt: number): Credentials {
  const key = [...randomBytes(9)].map((b) => keyCharacters[b % keyCharacters.length]).join("");
  return {
    AccessKeyId: `ASIASANDBOX${key}`,
    SecretKey: `sandbox-secret-${randomBytes(20).toString("hex")}`,
    SessionToken: `sandbox-session-${randomBytes(32).toString("hex")}`,
    Expiration: Math.floor(issuedAt) + credentialSeconds,
  };
}
