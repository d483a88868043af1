/**
 * --output yaml and yaml-stream, as the AWS CLI v2 prints them: ruamel.yaml's safe dumper with
 * default_flow_style False (formatter.py). Its defaults: keys sorted, 2-space indent, list dashes
 * at their key's column, width 80, Unicode written as is, single quotes where plain would misread.
 */
import { stringify } from "yaml";

const options = {
  sortMapEntries: true,
  indentSeq: false,
  singleQuote: true,
  blockQuote: false,
  lineWidth: 80,
  minContentWidth: 0,
  // ruamel's YAML 1.2 resolver also reads dates as timestamps: such strings are quoted.
  customTags: ["timestamp" as const],
};

export function renderYaml(value: unknown): string {
  return stringify(value, options);
}

/** yaml-stream: each page a list item, so a reader can start on the first page. */
export function renderYamlStream(pages: readonly unknown[]): string {
  return pages.map((page) => stringify([page], options)).join("");
}
