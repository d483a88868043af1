/**
 * Where a call goes, resolved and checked in one place: the connection (endpoint, credentials,
 * signing) under the operator's limits, its timeouts, and the target the AWS SDK really uses,
 * whose region is checked again (it may come from a profile's config, which the call's own check
 * could not see). Operations the AWS CLI sends unsigned go unsigned.
 */
import type { CallToolResult } from "@modelcontextprotocol/server";
import type { CliOptions } from "../operation/arguments.js";
import type { Operation } from "../operation/model.js";
import { failureResult, problemsResult } from "../operation/result.js";
import type { Connection, Target, Timeouts } from "../operation/types.js";
import type { FileReader } from "../cli/files.js";
import { resolveTarget } from "../aws/calls.js";
import { regionPolicyProblem, resolveConnection } from "../aws/connection.js";
import type { ServerConfig } from "../config.js";

export interface Route {
  connection: Connection;
  timeouts: Timeouts;
  target: Target;
}

/** The call's route, or the result that says why it has none (problems, or a target that cannot be resolved). */
export async function routeOf(
  operation: Operation,
  config: ServerConfig,
  options: CliOptions,
  readFile: FileReader,
): Promise<{ ok: true; route: Route } | { ok: false; result: CallToolResult }> {
  const resolved = resolveConnection(config, options, readFile);
  if (!resolved.ok) return { ok: false, result: problemsResult(resolved.error) };
  const { timeouts } = resolved.value;
  // As the AWS CLI sends them (botocore's authtype "none"): no credentials are loaded or sent.
  const connection = operation.unsigned ? { ...resolved.value.connection, noSignRequest: true } : resolved.value.connection;
  const target = await resolveTarget(operation, connection);
  if (!target.ok) return { ok: false, result: failureResult(operation, target.error, target.target) };
  const regionRefused = regionPolicyProblem(config, target.value.region);
  if (regionRefused) return { ok: false, result: problemsResult([regionRefused]) };
  return { ok: true, route: { connection, timeouts, target: target.value } };
}
