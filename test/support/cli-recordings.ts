/**
 * What the AWS CLI v1 recordings (test/fixtures/cli/<command>/, from scripts/record-cli-fixtures.mjs)
 * say, for the tests that hold the tools to them: each command's recorded outputs, the answer its
 * recorder gave by default, the issued secrets the answers carry and how the server shows them,
 * and where the server departs from the CLI (timestamps the AWS SDK parses).
 */
import { readFileSync } from "node:fs";
import { model, operationOf, xformName, type Operation, type OperationName } from "../../src/operation/model.js";
import { withheldNotice } from "../../src/operation/secrets.js";
import type { Answer } from "./recorder.js";

export interface RecordedOutput {
  name: string;
  response: Record<string, unknown> | null;
  rawBody?: string;
  requestArgs: string[];
  json: string;
  text: string;
  table: string;
  queries?: { query: string; output: "json" | "text" | "table"; stdout: string; exitCode?: number }[];
}

/** Where a command's fixtures are: create's sit directly in test/fixtures/cli. */
export function fixtureDir(operation: Operation): string {
  return operation.name === "CreateIdentityPool" ? "test/fixtures/cli" : `test/fixtures/cli/${operation.command}`;
}

export function recordedOutputs(name: OperationName): RecordedOutput[] {
  return JSON.parse(readFileSync(`${fixtureDir(operationOf(name))}/outputs.json`, "utf8")) as RecordedOutput[];
}

/** A command's recording spec (scripts/cli-fixture-cases/<command>.mjs): its recorder answered each request as `respond` does. */
interface Spec {
  respond(body: unknown, index: number): string | { status?: number; body: string };
}
const specs: Record<string, Spec> = Object.fromEntries(
  await Promise.all(
    Object.keys(model.operations).map(async (name) => {
      const module = (await import(`../../scripts/cli-fixture-cases/${xformName(name)}.mjs`)) as { default: Spec };
      return [name, module.default] as const;
    }),
  ),
);

/** What a command's recorder answered a request by default (the README of the fixtures says it in words). */
export function defaultAnswer(target: string | undefined, body: unknown): ReturnType<Answer> {
  const answer = specs[String(target).split(".")[1]!]!.respond(body ?? null, 0);
  return typeof answer === "string" ? { raw: answer } : { status: answer.status, raw: answer.body };
}

/** A recorded output's answer, as the recorder sent it. */
export function cannedAnswer(o: RecordedOutput): ReturnType<Answer> {
  return o.rawBody !== undefined ? { raw: o.rawBody } : { body: o.response };
}

const commonModule = "../../scripts/cli-fixture-cases/common.mjs";
/** The recordings' shared values: the fake secrets their answers carry, and their notice for a withheld one. */
export const fixtureValues = (await import(commonModule)) as Record<string, string>;
const issuedSecrets = ["FIXTURE_SECRET_KEY", "FIXTURE_SESSION_TOKEN", "FIXTURE_TOKEN", "FIXTURE_TOKEN_AUTH"].map(
  (name) => fixtureValues[name]!,
);
export const issuedSecretPattern = new RegExp(issuedSecrets.join("|").replace(/[+/.]/g, "\\$&"));

/** The CLI's text with each issued secret as the server shows it: withheld. */
export function withheld(stdout: string): string {
  return issuedSecrets.reduce((text, secret) => text.split(secret).join(withheldNotice), stdout);
}

/** The twin the CLI rendered with the secrets as the server shows them, for an output that holds any (common.mjs withheldTwins). */
export function shownAs(o: RecordedOutput, outputs: readonly RecordedOutput[]): RecordedOutput {
  return outputs.find((twin) => twin.name === `${o.name} (secrets withheld)`) ?? o;
}

/**
 * Where the tool departs from the CLI v1, for timestamps, which the AWS SDK parses into
 * milliseconds and the CLI prints as they came: whole seconds written as a float (1700000000.0,
 * 1.7e9) print as 1700000000, digits past the millisecond are cut, and a string of digits prints
 * as the number. An ISO 8601 string (AWS sends numbers) makes the SDK refuse the whole answer,
 * which the tool reports as a failed call.
 */
export function timestampDeparture(o: RecordedOutput): "seconds" | "refused" | undefined {
  if (/ISO 8601 string|one identity per spelling/.test(o.name)) return "refused";
  if (/string of digits/.test(o.name) || (/on the wire/.test(o.name) && !/trailing zero/.test(o.name))) return "seconds";
  return undefined;
}

/** The CLI's text with each timestamp as the SDK parsed it (tables aside: their widths follow the digits). */
export function asTheSdkParsesThem(stdout: string): string {
  return stdout
    .replace(/"(\d{10}(?:\.\d+)?)"/g, "$1")
    .replace(/\b(\d{10})\.0\b/g, "$1")
    .replace(/\b(\d{10}\.\d{3})\d+/g, "$1");
}
