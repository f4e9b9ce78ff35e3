import { CutoverError } from '@cutover/core';

/** Redis did not answer and the lock's policy is `reject`: the call should fail rather than run unlocked. */
export class LockUnavailableError extends CutoverError {
  /** A stable code, for callers and metrics. */
  declare readonly code: 'LOCK_UNAVAILABLE';

  constructor(key: string, options?: { cause?: unknown }) {
    super('LOCK_UNAVAILABLE', `item lock for "${key}" is unavailable (Redis did not answer)`, options);
  }
}
