/**
 * Dry runs: the input skeleton (`--generate-cli-skeleton input`) and the output sample
 * (`--generate-cli-skeleton output`), both built from the model. Pure; nothing is sent.
 */
import { shape, structure, type Operation } from "./model.js";

/** The AWS CLI's placeholder for a shape: "" for strings, true for booleans, {"KeyName": …} for maps, [one] for lists. */
function placeholder(shapeName: string): unknown {
  const s = shape(shapeName);
  switch (s.type) {
    case "string":
      // botocore picks one of an enum's values at random; the first is as good and stays put.
      return s.enum?.[0] ?? "";
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
export function inputSkeleton(operation: Operation, given: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(operation.input.members).map(([member, ref]) => [member, given[member] ?? placeholder(ref.shape)]),
  );
}

/**
 * An obviously-sample pool id in the region's format: the service's pattern `[\w-]+:[0-9a-f-]+`
 * holds, and nobody will mistake it for a real pool.
 */
export function sampleIdentityPoolId(region: string): string {
  return `${region}:00000000-0000-0000-0000-000000000000`;
}

/**
 * What the service would answer this request, in model order: the request's own members where the
 * answer has them (a pool echoes its settings), a sample id for a new pool, and nothing for what
 * only AWS could know (the pools a list would find). Empty for an operation that answers nothing.
 */
export function outputSample(operation: Operation, request: Record<string, unknown>, region: string): Record<string, unknown> {
  if (!operation.outputShapeName) return {};
  const output = structure(operation.outputShapeName);
  const known: Record<string, unknown> = { IdentityPoolId: sampleIdentityPoolId(region), ...request };
  // A page token in the request is not the one the answer would carry.
  if (operation.paginator) delete known[operation.paginator.output_token];
  const ordered: Record<string, unknown> = {};
  for (const member of Object.keys(output.members)) if (known[member] !== undefined) ordered[member] = known[member];
  return ordered;
}
