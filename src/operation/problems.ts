/** One thing wrong with the input: which field, which rule, and what is wrong with the value. */
export interface Problem {
  /** Where the problem is, as a path in the request: `CognitoIdentityProviders[0].ClientId`, or an option name such as `cliArgs`. */
  field: string;
  /** The rule that was broken, short: `maxLength 128`, `pattern [\w._-]+`, `required`, `unknown key`, `shorthand syntax`. */
  rule: string;
  /** What is wrong with the value, in words a person can act on. Never the contents of a file. */
  message: string;
}

/** Thrown by input-side code when it can go no further; carries every problem found so far. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "InputError";
  }
}

export function formatProblem(p: Problem): string {
  return `${p.field}: ${p.message} (rule: ${p.rule})`;
}
