/**
 * Where a call goes and how: the call's options, then the operator's flags, then the AWS
 * environment (the AWS CLI's precedence), bounded by what the operator allows. Pure but for
 * reading a CA bundle through the operator's file policy.
 */
import { readFileSync } from "node:fs";
import type { ServerConfig } from "../config.js";
import type { CliOptions } from "../operation/arguments.js";
import type { Problem } from "../operation/problems.js";
import { excerpt, InputError, quote } from "../operation/problems.js";
import { failed, ok, type Connection, type Result, type Timeouts } from "../operation/types.js";
import type { FileReader } from "../cli/parse-command-line.js";
import { isLoopbackHost } from "../net/loopback.js";
import { defaultTimeoutSeconds } from "./defaults.js";
import { sandboxDefaultRegion } from "../sandbox/defaults.js";
import { regionFormat } from "../operation/region.js";

function refused(field: string, message: string, flag: string): Problem {
  return { field, rule: "operator policy", message: `${message}; the server's operator can allow it with ${flag}` };
}

function allows(list: string[] | "*" | undefined, value: string, whenUnset: boolean): boolean {
  if (list === undefined) return whenUnset;
  return list === "*" || list.includes(value);
}

/** --allow-regions, checked on the call's region and again on the one finally resolved (a profile may name it). */
export function regionPolicyProblem(config: ServerConfig, region: string | undefined): Problem | undefined {
  if (region === undefined || allows(config.allowRegions, region, true)) return undefined;
  return refused(
    "region",
    `region ${region} is not allowed by this server (allowed: ${[config.allowRegions].flat().join(", ")})`,
    `--allow-regions ${region}`,
  );
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The operator's credentials go only where the operator sends calls: AWS itself, the endpoint
 * of --endpoint-url or the AWS environment, or an origin listed in --allow-endpoints ("*" lets a
 * call name any endpoint, not receive the credentials). Any other endpoint a call names gets
 * placeholder credentials, so a listener on a loopback port never sees a real signature or token.
 */
function operatorChoseEndpoint(config: ServerConfig, url: URL, env: NodeJS.ProcessEnv): boolean {
  const operatorEndpoint = originOf(config.endpointUrl ?? env.AWS_ENDPOINT_URL_COGNITO_IDENTITY ?? env.AWS_ENDPOINT_URL);
  return url.origin === operatorEndpoint || (Array.isArray(config.allowEndpoints) && config.allowEndpoints.includes(url.origin));
}

export function resolveConnection(
  config: ServerConfig,
  options: CliOptions,
  readFile: FileReader,
  env: NodeJS.ProcessEnv = process.env,
): Result<{ connection: Connection; timeouts: Timeouts }, Problem[]> {
  const problems: Problem[] = [];

  if (options.region !== undefined) {
    if (!regionFormat.test(options.region))
      problems.push({ field: "region", rule: "region format", message: `${quote(options.region)} is not a region name such as us-east-1` });
    else {
      const refusal = regionPolicyProblem(config, options.region);
      if (refusal) problems.push(refusal);
    }
  }

  const defaultProfile = config.profile ?? env.AWS_PROFILE;
  if (
    options.profile !== undefined &&
    options.profile !== (defaultProfile ?? "default") &&
    !allows(config.allowProfiles, options.profile, false)
  )
    problems.push(
      refused("profile", `profile ${quote(options.profile)} is not allowed by this server`, `--allow-profiles ${excerpt(options.profile)}`),
    );

  let placeholderCredentials = false;
  if (config.sandbox && options.endpointUrl !== undefined)
    problems.push({
      field: "endpointUrl",
      rule: "sandbox",
      message: "this server runs in sandbox mode: every call goes to its local emulator; restart it without --sandbox to reach AWS",
    });
  else if (options.endpointUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.endpointUrl);
    } catch {
      problems.push({ field: "endpointUrl", rule: "URL", message: `${quote(options.endpointUrl)} is not a URL` });
    }
    if (url && url.protocol !== "http:" && url.protocol !== "https:")
      problems.push({ field: "endpointUrl", rule: "URL", message: `must use http or https, not ${url.protocol}` });
    else if (url && !isLoopbackHost(url.hostname) && !allows(config.allowEndpoints, url.origin, false))
      problems.push(refused("endpointUrl", `endpoint ${url.origin} is not on this machine's loopback`, `--allow-endpoints ${url.origin}`));
    else if (url) placeholderCredentials = !operatorChoseEndpoint(config, url, env);
  }

  if (options.noVerifySsl && !config.allowNoVerifySsl)
    problems.push(refused("noVerifySsl", "skipping TLS verification is not allowed by this server", "--allow-no-verify-ssl"));
  if (options.noSignRequest && !config.allowNoSignRequest)
    problems.push(refused("noSignRequest", "unsigned requests are not allowed by this server", "--allow-no-sign-request"));

  let ca: string | undefined;
  try {
    if (options.caBundle !== undefined) ca = readFile(`file://${options.caBundle}`);
    else {
      const operatorBundle = config.caBundle ?? env.AWS_CA_BUNDLE;
      if (operatorBundle) ca = readFileSync(operatorBundle, "utf8");
    }
  } catch (error) {
    if (error instanceof InputError) problems.push(...error.problems.map((p) => ({ ...p, field: "caBundle" })));
    else
      problems.push({
        field: "caBundle",
        rule: "readable file",
        message: `the operator's CA bundle could not be read: ${(error as Error).message}`,
      });
  }

  if (problems.length) return failed(problems);
  const connection: Connection = {
    // The sandbox needs no configuration at all, so it falls back to a region of its own.
    region:
      options.region ?? config.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? (config.sandbox ? sandboxDefaultRegion : undefined),
    sandbox: config.sandbox,
    profile: options.profile ?? defaultProfile,
    endpointUrl: options.endpointUrl ?? config.endpointUrl,
    ca,
    noVerifySsl: options.noVerifySsl,
    noSignRequest: options.noSignRequest,
    placeholderCredentials: placeholderCredentials || undefined,
    maxAttempts: config.maxAttempts,
    retryMode: config.retryMode,
  };
  for (const key of Object.keys(connection) as (keyof Connection)[]) if (connection[key] === undefined) delete connection[key];
  const timeouts = {
    readSeconds: options.cliReadTimeout ?? defaultTimeoutSeconds,
    connectSeconds: options.cliConnectTimeout ?? defaultTimeoutSeconds,
  };
  return ok({ connection, timeouts });
}
