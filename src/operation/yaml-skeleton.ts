/**
 * `--generate-cli-skeleton yaml-input`, as the AWS CLI v2 prints it (generatecliskeleton.py): the
 * input skeleton in model order, each structure member with an end-of-line comment: [REQUIRED],
 * the first sentence of its documentation (get_shape_doc_overview), and an enum's values.
 * ruamel puts two spaces before a comment when the member before it has none (the first member),
 * one otherwise. Map placeholders ({KeyName: …}) carry no comments.
 */
import { scalar as yamlScalar } from "./render/yaml.js";
import { model, shape, type Operation } from "./model.js";

function comment(structureName: string, member: string, required: boolean, shapeName: string): string {
  const s = shape(shapeName);
  const parts = [
    required ? "[REQUIRED]" : "",
    model.docOverviews[`${structureName}.${member}`] ?? "",
    s.type === "string" && s.enum ? `Valid values are: ${s.enum.join(", ")}.` : "",
  ].filter(Boolean);
  return parts.length ? `# ${parts.join(" ")}` : "";
}

function scalar(shapeName: string): string | undefined {
  const s = shape(shapeName);
  if (s.type === "string") return s.enum ? yamlScalar(s.enum[0]!, 0, "", false) : "''";
  if (s.type === "boolean") return "true";
  if (s.type === "integer") return "0";
  return undefined;
}

/** Lines of a mapping's entries at `indent`; `first` prefixes the first line (a list item's dash). */
function entries(
  members: [string, string, string][],
  indent: string,
  first: string,
  structureName: string | undefined,
  required: readonly string[],
): string[] {
  const lines: string[] = [];
  let previousCommented = false;
  members.forEach(([key, shapeName], i) => {
    const prefix = i === 0 ? first : indent;
    const note = structureName ? comment(structureName, key, required.includes(key), shapeName) : "";
    const gap = note ? (previousCommented ? " " : "  ") : "";
    previousCommented = note !== "";
    const value = scalar(shapeName);
    if (value !== undefined) lines.push(`${prefix}${key}: ${value}${gap}${note}`);
    else {
      lines.push(`${prefix}${key}:${note ? `${gap}${note}` : ""}`);
      lines.push(...collection(shapeName, indent));
    }
  });
  return lines;
}

/** A collection's lines under a key at `indent`: maps and structures indented 2, lists' dashes at the key's column. */
function collection(shapeName: string, indent: string): string[] {
  const s = shape(shapeName);
  if (s.type === "map") return entries([["KeyName", s.value.shape, ""]], `${indent}  `, `${indent}  `, undefined, []);
  if (s.type === "structure") return structureLines(shapeName, `${indent}  `, `${indent}  `);
  if (s.type === "list") {
    const item = shape(s.member.shape);
    const value = scalar(s.member.shape);
    if (value !== undefined) return [`${indent}- ${value}`];
    if (item.type === "structure") return structureLines(s.member.shape, `${indent}  `, `${indent}- `);
    return [`${indent}-`, ...collection(s.member.shape, `${indent}  `)];
  }
  return [];
}

function structureLines(shapeName: string, indent: string, first: string): string[] {
  const s = shape(shapeName);
  if (s.type !== "structure") return [];
  const members = Object.entries(s.members).map(([k, ref]) => [k, ref.shape, ""] as [string, string, string]);
  return entries(members, indent, first, shapeName, s.required ?? []);
}

export function yamlInputSkeleton(operation: Operation): string {
  return structureLines(operation.inputShapeName, "", "").join("\n") + "\n";
}
