/**
 * The operations as botocore's service model describes them. Every constraint the
 * server enforces is read from here, never restated by hand.
 */
import serviceModel from "./service-model.json" with { type: "json" };

/** `sensitive`: a secret (a login token, an issued key or token); never shown or logged. */
export type StringShape = { type: "string"; min?: number; max?: number; pattern?: string; enum?: string[]; sensitive?: boolean };
export type BooleanShape = { type: "boolean" };
/** botocore's "integer" and "long" alike: every limit of this model fits a JavaScript number. */
export type IntegerShape = { type: "integer"; min?: number; max?: number };
/** Only in answers: seconds since the epoch, as the AWS JSON protocol sends them and the AWS CLI v1 prints them. */
export type TimestampShape = { type: "timestamp" };
export type ListShape = { type: "list"; member: { shape: string }; min?: number; max?: number };
export type MapShape = { type: "map"; key: { shape: string }; value: { shape: string }; min?: number; max?: number };
export type StructureShape = {
  type: "structure";
  required?: string[];
  members: Record<string, { shape: string }>;
  exception?: boolean;
};
export type Shape = StringShape | BooleanShape | IntegerShape | TimestampShape | ListShape | MapShape | StructureShape;

/** botocore's paginator: which input member carries the token, which limits the page, which holds the results. */
export interface Paginator {
  input_token: string;
  output_token: string;
  limit_key: string;
  result_key: string;
}

interface OperationEntry {
  input: string;
  output: string | null;
  errors: string[];
  paginator?: Paginator;
  /** The AWS CLI sends it unsigned (botocore's `"authtype": "none"`): it needs no credentials. */
  unsigned?: boolean;
}

export const model = serviceModel as unknown as {
  botocoreVersion: string;
  metadata: { apiVersion: string; endpointPrefix: string; targetPrefix: string; serviceId: string };
  /** Every operation of the service: the tools call them and the sandbox serves them. */
  operations: Record<OperationName, OperationEntry>;
  shapes: Record<string, Shape | { type: "long"; min?: number; max?: number }>;
  /**
   * "Structure.Member" → the first sentence of the member's documentation, as the AWS CLI v2's
   * yaml-input skeleton prints it beside the member (scripts/extract-model.py).
   */
  docOverviews: Record<string, string>;
};

export function shape(name: string): Shape {
  const found = model.shapes[name];
  if (!found) throw new Error(`shape ${name} is not in the model slice`);
  return found.type === "long" ? { ...found, type: "integer" } : found;
}

export function structure(name: string): StructureShape {
  const s = shape(name);
  if (s.type !== "structure") throw new Error(`shape ${name} is not a structure`);
  return s;
}

/** botocore's `xform_name(name, "-")`: `OpenIdConnectProviderARNs` → `open-id-connect-provider-arns`. */
export function xformName(name: string): string {
  if (name.includes("-")) return name;
  const pluralAcronym = /[A-Z]{2,}s$/.exec(name);
  if (pluralAcronym) name = `${name.slice(0, -pluralAcronym[0].length)}-${pluralAcronym[0].toLowerCase()}`;
  return name
    .replace(/(.)([A-Z][a-z]+)/g, "$1-$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
}

export type OperationName = keyof (typeof serviceModel)["operations"];

/** One operation of the model, with what every layer derives from it. */
export interface Operation {
  name: OperationName;
  /** The AWS CLI's command: `create-identity-pool`. */
  command: string;
  /** `X-Amz-Target`, as the AWS JSON 1.1 protocol sends it. */
  amzTarget: string;
  inputShapeName: string;
  input: StructureShape;
  /** Parameters in model order: the order of the CLI's skeleton and of the request it sends. */
  inputMembers: string[];
  /** Undefined when the operation answers nothing (DeleteIdentityPool, SetIdentityPoolRoles). */
  outputShapeName?: string;
  outputMembers: string[];
  paginator?: Paginator;
  /** Sent without a signature, as the AWS CLI sends it: no credentials are loaded. */
  unsigned: boolean;
}

const operations = new Map<OperationName, Operation>();

export function operationOf(name: OperationName): Operation {
  let found = operations.get(name);
  if (!found) {
    const entry = model.operations[name];
    if (!entry) throw new Error(`operation ${name} is not in the model slice`);
    const input = structure(entry.input);
    found = {
      name,
      command: xformName(name),
      amzTarget: `${model.metadata.targetPrefix}.${name}`,
      inputShapeName: entry.input,
      input,
      inputMembers: Object.keys(input.members),
      outputShapeName: entry.output ?? undefined,
      outputMembers: entry.output ? Object.keys(structure(entry.output).members) : [],
      paginator: entry.paginator,
      unsigned: entry.unsigned ?? false,
    };
    operations.set(name, found);
  }
  return found;
}

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
  // The AWS SDK parses a timestamp into a Date; the CLI v1 prints the seconds the service sent.
  if (s.type === "timestamp" && value instanceof Date) return value.getTime() / 1000;
  return value;
}
