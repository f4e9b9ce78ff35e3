import { CutoverError } from '@cutover/core';

/** A call that did not answer within its deadline. */
export class DeadlineExceededError extends CutoverError {
  declare readonly code: 'DEADLINE_EXCEEDED';
  constructor(readonly deadlineMs: number) {
    super('DEADLINE_EXCEEDED', `no answer within ${deadlineMs} ms`);
  }
}

/**
 * Settles like `promise`, or rejects with {@link DeadlineExceededError} after
 * `deadlineMs`. The late call is not cancelled, only no longer awaited.
 */
export function withDeadline<T>(promise: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(deadlineMs)), deadlineMs);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
