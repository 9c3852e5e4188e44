/** A fault the request made (404 for what is not there, 400 for what cannot be read), with a message naming it. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}
