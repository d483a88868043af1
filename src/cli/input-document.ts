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
import { isJsonObject } from "../operation/json-object.js";
import { loadYaml } from "../operation/libraries.js";
import { readOptions } from "../operation/yaml-resolver.js";
import type { Document as YamlDocument } from "yaml";

type Yaml = Awaited<ReturnType<typeof loadYaml>>;

/** `file`: the file the text was read from, if it was. */
export type InputDocument = Result<{ text: string; document: Record<string, unknown>; file?: string }, Problem[]>;

/** v2 loads YAML with ruamel's safe loader: YAML 1.2, its scalars resolved as src/operation/yaml-resolver.ts says. */
export type DocumentFormat = "json" | "yaml";

/** `field` names the input in problems: `cliInputJson`, or `cliArgs --cli-input-json`. */
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
  const parsed = format === "yaml" ? await parseYamlDocument(text, file) : parseJsonDocument(text, file);
  if (!parsed.ok) return failed([{ field, ...parsed.error }]);
  const document = parsed.value;
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

type Parsed = Result<unknown, { rule: string; message: string }>;

function parseJsonDocument(text: string, file: string | undefined): Parsed {
  try {
    return ok(parseJson(text));
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const message =
      file === undefined ? `the value is not valid JSON: ${error.message}` : `${file} is not valid JSON: ${error.withoutText}`;
    return failed({ rule: "JSON syntax", message });
  }
}

/** The most nodes aliases may expand to: a small text must not grow without limit. */
const maxAliasCount = 100;

/** YAML as the CLI v2 reads it: ruamel's safe loader, one document, YAML 1.2. */
async function parseYamlDocument(text: string, file: string | undefined): Promise<Parsed> {
  const yaml = await loadYaml();
  const subject = file ?? "the value";
  const document = yaml.parseDocument(text, readOptions);
  const [error] = document.errors;
  if (error?.code === "MULTIPLE_DOCS")
    return failed({ rule: "YAML syntax", message: `${subject} holds more than one YAML document; the CLI v2 takes one` });
  if (error) {
    // A file's text is not quoted: its position is.
    const at = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : "";
    return failed({
      rule: "YAML syntax",
      message: file === undefined ? `the value is not valid YAML: ${error.message}` : `${file} is not valid YAML: ${error.code}${at}`,
    });
  }
  const refusal = refusedByRuamel(yaml, document);
  if (refusal) return failed({ rule: refusal.rule, message: `${subject} ${refusal.message}` });
  try {
    return ok(document.toJS({ maxAliasCount }));
  } catch (tooMany) {
    if (!(tooMany instanceof ReferenceError)) throw tooMany;
    return failed({ rule: "YAML aliases", message: `${subject} has aliases that expand past ${maxAliasCount} nodes` });
  }
}

/**
 * What ruamel's safe loader, or botocore after it, refuses in a parsed document; nothing is
 * quoted, since the text may come from a file.
 * - ruamel keeps a key's type (a number, a date, null, a list), which botocore refuses, since
 *   every key these operations take is a string; the yaml package would make it text instead.
 * - A plain `<<` or `=` is a merge marker or the string "=" only as a key; elsewhere ruamel has no
 *   constructor for it. What a `<<` key merges must be a mapping or a list of mappings.
 * - An alias must name an anchor defined before it, and not the node it stands inside (a
 *   structure without end).
 * - A tag other than YAML's own (`!Ref`): the safe loader has no constructor for it, where the yaml
 *   package would read the node as untagged.
 */
function refusedByRuamel(yaml: Yaml, document: YamlDocument): { rule: string; message: string } | undefined {
  let refusal: { rule: string; message: string } | undefined;
  const foreignTag = (node: { tag?: string }) => {
    if (node.tag === undefined || node.tag.startsWith("tag:yaml.org,2002:")) return false;
    refusal = { rule: "YAML tags", message: "has a tag the CLI v2 cannot construct: its safe loader knows only YAML's own tags" };
    return true;
  };
  yaml.visit(document, {
    Collection(_, node) {
      return foreignTag(node) ? yaml.visit.BREAK : undefined;
    },
    Pair(_, pair) {
      const key = pair.key;
      // The merge marker, `<<` read as a key (the parser's merge option).
      if (yaml.isScalar(key) && typeof key.value === "symbol") {
        const sources = yaml.isSeq(pair.value) ? pair.value.items : [pair.value];
        const isMapping = (node: unknown) => yaml.isMap(yaml.isAlias(node) ? node.resolve(document) : node);
        if (sources.every(isMapping)) return undefined;
        refusal = { rule: "YAML merge", message: "has a << that merges something other than a mapping or a list of mappings" };
        return yaml.visit.BREAK;
      }
      if (yaml.isScalar(key) && typeof key.value === "string") return undefined;
      refusal = { rule: "key type", message: `has a mapping key that is ${keyKind(yaml, key)}: every key must be a string` };
      return yaml.visit.BREAK;
    },
    Scalar(key, node) {
      if (foreignTag(node)) return yaml.visit.BREAK;
      if (key === "key" || node.type !== "PLAIN" || (node.value !== "<<" && node.value !== "=")) return undefined;
      const tag = node.value === "=" ? "value" : "merge";
      refusal = {
        rule: "YAML syntax",
        message: `has a plain ${node.value} that is not a key: could not determine a constructor for the tag 'tag:yaml.org,2002:${tag}'`,
      };
      return yaml.visit.BREAK;
    },
    Alias(_, node, path) {
      const target = node.resolve(document);
      if (target === undefined) refusal = { rule: "YAML aliases", message: "has an alias to an anchor not defined before it" };
      else if (path.includes(target as never))
        refusal = { rule: "YAML aliases", message: "has an alias inside the node it refers to: a structure without end" };
      return refusal ? yaml.visit.BREAK : undefined;
    },
  });
  return refusal;
}

function keyKind(yaml: Yaml, key: unknown): string {
  if (!yaml.isScalar(key)) return "a list or a mapping";
  if (key.value === null) return "null";
  if (key.value instanceof Date) return "a date";
  return `a ${typeof key.value}`;
}
