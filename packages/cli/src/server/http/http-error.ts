import { CutoverError } from '@cutover/core';

/** A request the dashboard refuses or cannot serve: the status to answer with and a stable code. */
export class HttpError extends CutoverError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
