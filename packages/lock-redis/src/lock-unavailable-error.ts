/** Redis did not answer and the lock's policy is `reject`: the call should fail rather than run unlocked. */
export class LockUnavailableError extends Error {
  /** A stable code, for callers and metrics. */
  readonly code = 'LOCK_UNAVAILABLE';

  constructor(key: string, options?: { cause?: unknown }) {
    super(`item lock for "${key}" is unavailable (Redis did not answer)`, options);
    this.name = new.target.name;
  }
}
