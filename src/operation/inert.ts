/**
 * Values a call supplied, written into a question for the user or a plan: quoted and escaped, so
 * they cannot pass for a line of their own or reorder the text around them.
 */

/**
 * Controls (C0, DEL, C1), line and paragraph separators and bidi controls: characters that can
 * start a line of their own or reorder the text after them, and that JSON.stringify leaves as they are.
 */
const lineOrOrderCharacters = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/gu;

/** text with those characters written as \uXXXX escapes. */
export function inert(text: string): string {
  return text.replace(lineOrOrderCharacters, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value the call supplied, quoted and escaped: it cannot pass itself off as a line of the prompt or reorder it. */
export function q(value: unknown): string {
  return inert(JSON.stringify(value) ?? "null");
}
