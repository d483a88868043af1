/** An error the sandbox answers as Cognito Identity would: `{"__type": type, "message": message}` with `status`. */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}
