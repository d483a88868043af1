/**
 * The calls themselves: any operation of the model, sent through the client for its connection.
 * The one place that talks to Cognito Identity.
 */
import * as sdk from "@aws-sdk/client-cognito-identity";
import type { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { getEndpointFromInstructions, type EndpointParameterInstructionsSupplier } from "@smithy/core/endpoints";
import { asShape, type Operation } from "../operation/model.js";
import { withholdSecrets, type Withheld } from "../operation/secrets.js";
import { failed, ok, type CallOutcome, type Connection, type Target, type Timeouts } from "../operation/types.js";
import { usingClient } from "./clients.js";
import { logTraffic, type DebugLog } from "./debug.js";
import { credentialKind, describeFailure } from "./failures.js";
import type { TimeoutHandlerOptions } from "./http-handler.js";
import { rememberSecrets } from "./redact.js";
import { noBlindRetries, type Stack } from "./retry-safety.js";

type CommandClass = (new (input: object) => { middlewareStack: Stack }) & EndpointParameterInstructionsSupplier;

/** The SDK's command class for an operation of the model. */
const commandOf = (operation: Operation) => (sdk as unknown as Record<string, CommandClass>)[`${operation.name}Command`]!;

function initialTarget(connection: Connection): Target {
  if (connection.sandbox)
    return { region: connection.region, endpoint: connection.endpointUrl, credentials: "none (sandbox)", sandbox: true };
  return { region: connection.region, endpoint: connection.endpointUrl, profile: connection.profile ?? "default" };
}

function sendOptions(timeouts: Timeouts): TimeoutHandlerOptions {
  return { timeouts: { readMs: timeouts.readSeconds * 1000, connectMs: timeouts.connectSeconds * 1000 } };
}

/**
 * Region and endpoint a call of `operation` would use, without credentials or network. The
 * endpoint is resolved as the SDK's endpoint middleware resolves it: the call's or operator's
 * endpoint, else AWS_ENDPOINT_URL(_COGNITO_IDENTITY) or endpoint_url in the shared config file,
 * else AWS's for the region (FIPS, dual-stack).
 */
export async function resolveTarget(operation: Operation, connection: Connection): Promise<CallOutcome<Target>> {
  const target = initialTarget(connection);
  try {
    await usingClient(connection, async (client) => {
      target.region = await client.config.region();
      // A copy, as the SDK's own middleware passes: the function writes the endpoint it found into its argument.
      const endpoint = await getEndpointFromInstructions({}, commandOf(operation), { ...client.config });
      target.endpoint = endpoint.url.href;
    });
    return { ...ok(target), target };
  } catch (error) {
    return { ...failed(describeFailure(error)), target };
  }
}

/** Resolves which credentials the call uses, then runs `work`; every failure becomes a Failure. */
async function withClient<T>(
  connection: Connection,
  resolved: Target,
  work: (client: CognitoIdentityClient) => Promise<T>,
): Promise<CallOutcome<T>> {
  const target = { ...resolved };
  try {
    const value = await usingClient(connection, async (client) => {
      if (connection.noSignRequest) target.credentials = "none (unsigned)";
      else if (connection.placeholderCredentials) target.credentials = "placeholders (the call chose the endpoint, not the operator)";
      else if (!connection.sandbox) {
        const identity = (await client.config.credentials()) as {
          accessKeyId: string;
          secretAccessKey: string;
          sessionToken?: string;
          $source?: Record<string, unknown>;
        };
        rememberSecrets(identity.accessKeyId, identity.secretAccessKey, identity.sessionToken);
        target.credentials = credentialKind(identity.$source);
      }
      return work(client);
    });
    return { ...ok(value), target };
  } catch (error) {
    return { ...failed(describeFailure(error)), target };
  }
}

export interface SendOptions {
  timeouts: Timeouts;
  debug?: DebugLog;
  /** A write that must not be repeated once it may have reached AWS (see retry-safety.ts). */
  once?: boolean;
}

/**
 * What an operation answered, shaped as botocore parses it (model order, unknown members dropped),
 * every secret the service issued withheld, and its request id.
 */
export interface Answer {
  value: Record<string, unknown>;
  requestId?: string;
  /** Where the answer held secrets, and what its tokens said; absent when it held none. */
  withheld?: Withheld;
}

async function send(client: CognitoIdentityClient, operation: Operation, request: object, options: SendOptions): Promise<Answer> {
  const command = new (commandOf(operation))(request);
  if (options.once) noBlindRetries(command.middlewareStack);
  if (options.debug) logTraffic(command.middlewareStack, options.debug, operation);
  const { $metadata, ...answer } = (await client.send(
    command as Parameters<CognitoIdentityClient["send"]>[0],
    sendOptions(options.timeouts),
  )) as { $metadata: { requestId?: string } };
  if (!operation.outputShapeName) return { value: {}, requestId: $metadata.requestId };
  const { value, withheld } = withholdSecrets(
    asShape(answer, operation.outputShapeName) as Record<string, unknown>,
    operation.outputShapeName,
  );
  return { value, requestId: $metadata.requestId, ...(withheld.paths.length && { withheld }) };
}

/** One request of `operation`. */
export function callOperation(
  operation: Operation,
  request: object,
  connection: Connection,
  target: Target,
  options: SendOptions,
): Promise<CallOutcome<Answer>> {
  return withClient(connection, target, (client) => send(client, operation, request, options));
}

/**
 * Pages through a paginated operation as the AWS CLI's paginator does: `next` gets each page and
 * says whether to go on. Every request is sent through the same client.
 */
export function callPages(
  operation: Operation,
  firstRequest: Record<string, unknown>,
  connection: Connection,
  target: Target,
  options: SendOptions,
  next: (page: Answer, request: Record<string, unknown>) => Record<string, unknown> | undefined,
): Promise<CallOutcome<Answer[]>> {
  return withClient(connection, target, async (client) => {
    const pages: Answer[] = [];
    for (let request: Record<string, unknown> | undefined = firstRequest; request;) {
      const page = await send(client, operation, request, options);
      pages.push(page);
      request = next(page, request);
    }
    return pages;
  });
}
