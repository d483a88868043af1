/**
 * What the AWS CLI prints on stdout for a (queried) response, byte for byte: v1's
 * `--output json|text|table` (tables as with `--color off` or, given `{ color: true }`,
 * `--color on`; the rules follow awscli's formatter.py, text.py and table.py) and v2's
 * `yaml|yaml-stream|off`; one module each under render/. Where the CLI's own formatters crash on a
 * value, renderOutput throws RenderError.
 */

import { renderJson } from "./render/json.js";
import { renderTable } from "./render/table.js";
import { renderText } from "./render/text.js";
import { renderYaml, renderYamlStream } from "./render/yaml.js";

export { RenderError } from "./render/error.js";

export type OutputFormat = "json" | "text" | "table" | "yaml" | "yaml-stream" | "off";

export interface RenderOptions {
  /**
   * `--color on`: table cells and indentation bars in ANSI colours, as the CLI prints them even
   * when stdout is not a terminal. Off (`--color off`, and `auto` without a terminal) by default.
   * JSON and text output never change.
   */
  color?: boolean;
}

export function renderOutput(value: unknown, format: OutputFormat, title: string, options: RenderOptions = {}): string {
  switch (format) {
    case "json":
      return renderJson(value);
    case "text":
      return renderText(value);
    case "table":
      return renderTable(value, title, options.color === true);
    case "yaml":
      return renderYaml(value);
    case "yaml-stream":
      return renderYamlStream([value]);
    case "off":
      return "";
  }
}
