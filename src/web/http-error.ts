/**
 * An answer the code gives on purpose, with a message for the user that is shown whatever the status: 404 for what
 * is not there, 400 for what cannot be read, 503 for what the server cannot do just now (the PDF). A `cause` is for
 * the log, never the page.
 */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
  }
}
