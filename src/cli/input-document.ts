/**
 * A --cli-input-json (or v2's --cli-input-yaml) value: read from its file when it names one
 * (under the operator's file policy), parsed as the CLI parses it, and required to be an object.
 */
import type { Problem } from "../operation/problems.js";
import { InputError } from "../operation/problems.js";
import { failed, ok, type Result } from "../operation/types.js";
import { isFileUri, type FileReader } from "./files.js";
import { JsonSyntaxError, parseJson } from "./json-text.js";
import { describeValue } from "./type-check.js";
import { isJsonObject } from "../json-object.js";
import { loadYaml } from "../operation/libraries.js";
import { readOptions } from "../operation/yaml-resolver.js";

/** `file`: the file the text was read from, if it was. */
export type InputDocument = Result<{ text: string; document: Record<string, unknown>; file?: string }, Problem[]>;

/** `field` names the input in problems: `cliInputJson`, or `cliArgs --cli-input-json`. */
/** v2 loads YAML with ruamel's safe loader: YAML 1.2, its scalars resolved as src/operation/yaml-resolver.ts says. */
export type DocumentFormat = "json" | "yaml";

export async function readInputDocument(
  value: string,
  readFile: FileReader,
  field: string,
  format: DocumentFormat = "json",
): Promise<InputDocument> {
  let text = value;
  if (isFileUri(value)) {
    try {
      text = readFile(value);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return failed(error.problems.map((p) => ({ ...p, field })));
    }
  }
  return parseInputDocument(text, field, isFileUri(value) ? value : undefined, format);
}

/**
 * A document already read (a file:// value resolved): parsed, and required to be an object.
 * `file` names the file it was read from: problems then quote nothing of it.
 */
export async function parseInputDocument(
  text: string,
  field: string,
  file?: string,
  format: DocumentFormat = "json",
): Promise<InputDocument> {
  const yaml = format === "yaml" ? await loadYaml() : undefined;
  let document: unknown;
  try {
    document = yaml ? yaml.parse(text, readOptions) : parseJson(text);
  } catch (error) {
    if (yaml && error instanceof yaml.YAMLError) {
      const message = file === undefined ? `the value is not valid YAML: ${error.message}` : `${file} is not valid YAML: ${error.code}`;
      return failed([{ field, rule: "YAML syntax", message }]);
    }
    if (!(error instanceof JsonSyntaxError)) throw error;
    const message =
      file === undefined ? `the value is not valid JSON: ${error.message}` : `${file} is not valid JSON: ${error.withoutText}`;
    return failed([{ field, rule: "JSON syntax", message }]);
  }
  if (!isJsonObject(document)) {
    const shape = format === "yaml" ? "a YAML mapping" : "a JSON object";
    return failed([
      {
        field,
        rule: "type object",
        message: `must be ${shape} whose keys are the operation's parameters, got ${describeValue(document, file)}`,
      },
    ]);
  }
  return ok({ text, document, file });
}
