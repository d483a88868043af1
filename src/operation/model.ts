/**
 * The operation as botocore's service model describes it. Every constraint the
 * server enforces is read from here, never restated by hand.
 */
import serviceModel from "./service-model.json" with { type: "json" };

export type StringShape = { type: "string"; min?: number; max?: number; pattern?: string };
export type BooleanShape = { type: "boolean" };
export type IntegerShape = { type: "integer"; min?: number; max?: number };
export type ListShape = { type: "list"; member: { shape: string }; min?: number; max?: number };
export type MapShape = { type: "map"; key: { shape: string }; value: { shape: string }; min?: number; max?: number };
export type StructureShape = {
  type: "structure";
  required?: string[];
  members: Record<string, { shape: string }>;
  exception?: boolean;
};
export type Shape = StringShape | BooleanShape | IntegerShape | ListShape | MapShape | StructureShape;

export interface OperationModel {
  input: string;
  output: string | null;
  errors: string[];
}

export const model = serviceModel as unknown as {
  botocoreVersion: string;
  metadata: { apiVersion: string; endpointPrefix: string; targetPrefix: string; serviceId: string };
  /** CreateIdentityPool (the tool) and the identity-pool operations the sandbox serves. */
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
};

/** The tool's operation. */
export const operationName = "CreateIdentityPool";
export const operation = model.operations[operationName]!;

export function shape(name: string): Shape {
  const found = model.shapes[name];
  if (!found) throw new Error(`shape ${name} is not in the model slice`);
  return found;
}

export function structure(name: string): StructureShape {
  const s = shape(name);
  if (s.type !== "structure") throw new Error(`shape ${name} is not a structure`);
  return s;
}

export const inputShape = structure(operation.input);
export const outputShape = structure(operation.output!);
/** Operation parameters in model order: the order of the CLI's skeleton and of its JSON output. */
export const inputMembers = Object.keys(inputShape.members);
export const outputMembers = Object.keys(outputShape.members);

/** `X-Amz-Target` of the operation, as the AWS JSON 1.1 protocol sends it. */
export const amzTarget = `${model.metadata.targetPrefix}.${operationName}`;

export interface CognitoIdentityProvider {
  ProviderName?: string;
  ClientId?: string;
  ServerSideTokenCheck?: boolean;
}

export interface CreateIdentityPoolRequest {
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  SupportedLoginProviders?: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs?: string[];
  CognitoIdentityProviders?: CognitoIdentityProvider[];
  SamlProviderARNs?: string[];
  IdentityPoolTags?: Record<string, string>;
}

export interface IdentityPool extends CreateIdentityPoolRequest {
  IdentityPoolId: string;
}

/** The shape a value at `path` (member names, list indexes, map keys) has inside `root`; undefined off the model. */
export function shapeAt(root: string, path: readonly PropertyKey[]): Shape | undefined {
  let current: Shape | undefined = shape(root);
  for (const part of path) {
    if (!current) return undefined;
    if (current.type === "structure") {
      const ref: { shape: string } | undefined = current.members[String(part)];
      current = ref ? shape(ref.shape) : undefined;
    } else if (current.type === "list") current = shape(current.member.shape);
    else if (current.type === "map") current = shape(current.value.shape);
    else return undefined;
  }
  return current;
}

/**
 * A value as botocore parses it into the shape: structure members in model order, members the
 * model does not know and null members dropped. The CLI renders (and queries) exactly that.
 */
export function asShape(value: unknown, shapeName: string): unknown {
  const s = shape(shapeName);
  if (s.type === "structure" && value && typeof value === "object") {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [member, ref] of Object.entries(s.members))
      if (source[member] !== undefined && source[member] !== null) out[member] = asShape(source[member], ref.shape);
    return out;
  }
  if (s.type === "list" && Array.isArray(value)) return value.map((item) => asShape(item, s.member.shape));
  if (s.type === "map" && value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asShape(item, s.value.shape)]));
  return value;
}
