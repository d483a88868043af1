/** The CLI's formatter failed (it exits 255 with `message` on stderr after printing `partialOutput`). */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly partialOutput: string,
  ) {
    super(message);
    this.name = "RenderError";
  }
}
