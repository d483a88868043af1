/**
 * The libraries only some calls need: YAML, for the AWS CLI v2's --output yaml and
 * --cli-input-yaml, and JMESPath, for --query. Each is imported by the first call that needs it
 * rather than with every call's code, of which they would be two thirds. The code that uses them
 * stays synchronous: a call awaits `load…()` once it knows it needs one (src/call/prepare.ts; a
 * YAML input document's parser, src/cli/input-document.ts, loads YAML itself), and that code then
 * takes the module from `loaded…()`.
 */
import type * as Yaml from "./yaml-library.js";
import type * as Jmespath from "@jmespath-community/jmespath";

let yaml: typeof Yaml | undefined;
let jmespath: typeof Jmespath | undefined;

export async function loadYaml(): Promise<typeof Yaml> {
  return (yaml ??= await import("./yaml-library.js"));
}

export async function loadJmespath(): Promise<typeof Jmespath> {
  return (jmespath ??= await import("@jmespath-community/jmespath"));
}

export function loadedYaml(): typeof Yaml {
  return yaml ?? notLoaded("YAML", "loadYaml");
}

export function loadedJmespath(): typeof Jmespath {
  return jmespath ?? notLoaded("JMESPath", "loadJmespath");
}

function notLoaded(library: string, loader: string): never {
  throw new Error(`internal error: ${library} was used before ${loader}() loaded it`);
}
