/**
 * Dry runs: the input skeleton (`--generate-cli-skeleton input`) and the output sample
 * (`--generate-cli-skeleton output`), both built from the model. Pure; nothing is sent.
 */
import { inputShape, outputMembers, shape, type CreateIdentityPoolRequest, type IdentityPool } from "./model.js";

/** The AWS CLI's placeholder for a shape: "" for strings, true for booleans, {"KeyName": …} for maps, [one] for lists. */
function placeholder(shapeName: string): unknown {
  const s = shape(shapeName);
  switch (s.type) {
    case "string":
      return "";
    case "boolean":
      return true;
    case "integer":
      return 0;
    case "list":
      return [placeholder(s.member.shape)];
    case "map":
      return { KeyName: placeholder(s.value.shape) };
    case "structure":
      return Object.fromEntries(Object.entries(s.members).map(([member, ref]) => [member, placeholder(ref.shape)]));
  }
}

/** The input skeleton in model order, with the parameters already given filled in (the AWS CLI ignores them). */
export function inputSkeleton(given: Partial<CreateIdentityPoolRequest>): Record<string, unknown> {
  const given_ = given as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(inputShape.members).map(([member, ref]) => [member, given_[member] ?? placeholder(ref.shape)]),
  );
}

/**
 * An obviously-sample pool id in the region's format: the service's pattern `[\w-]+:[0-9a-f-]+`
 * holds, and nobody will mistake it for a real pool.
 */
export function sampleIdentityPoolId(region: string): string {
  return `${region}:00000000-0000-0000-0000-000000000000`;
}

/** What the service would return for this request, in model order. */
export function outputSample(request: CreateIdentityPoolRequest, region: string): IdentityPool {
  const withId: Record<string, unknown> = { IdentityPoolId: sampleIdentityPoolId(region), ...request };
  const ordered: Record<string, unknown> = {};
  for (const member of outputMembers) if (withId[member] !== undefined) ordered[member] = withId[member];
  return ordered as unknown as IdentityPool;
}
