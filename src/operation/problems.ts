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

/** At most this many characters of a value are quoted in a problem: a 10 MB value is named, not sent back. */
const quotedLength = 80;

/** A value as a problem shows it: JSON-quoted, long values cut, so no message grows with its input. */
export function quote(value: string, limit = quotedLength): string {
  return JSON.stringify(excerpt(value, limit));
}

/** The start of a text, at most `limit` characters (code points; `...` marks a cut). Looks at no more of it than that. */
export function excerpt(text: string, limit = quotedLength): string {
  if (text.length <= limit) return text;
  const kept: string[] = [];
  for (const ch of text) {
    if (kept.length === limit) return `${kept.slice(0, limit - 3).join("")}...`;
    kept.push(ch);
  }
  return text;
}

export function formatProblem(p: Problem): string {
  return `${p.field}: ${p.message} (rule: ${p.rule})`;
}
