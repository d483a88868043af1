/** Reading a tools/call result, from the SDK's Client or from a raw JSON-RPC line. */

/** Every text item of a result's content, joined by newlines ("" when there is no content). */
export function resultText(result: { content?: unknown } | undefined): string {
  return ((result?.content as { text?: string }[] | undefined) ?? []).map((c) => c.text ?? "").join("\n");
}
