/** A refusal with a status code and a short, stable body: never exception text, never a stack. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get body(): { error: string; message: string } {
    return { error: this.code, message: this.message };
  }
}
