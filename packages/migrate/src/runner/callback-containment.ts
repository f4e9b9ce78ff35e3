import { LogThrottle } from '@cutover/core';
import type { Logger } from '@cutover/core';

/** The user callbacks the runner contains: none of them can reach the caller. */
export type CallbackKind = 'compare' | 'compareErrors' | 'ignore' | 'clean' | 'redact' | 'snapshot' | 'listener' | 'store' | 'itemId' | 'simulateWrite';

// Listeners may be async (their promise is not awaited); every other callback
// must answer synchronously, so a promise from one of them is a failure.
const MAY_BE_ASYNC: ReadonlySet<CallbackKind> = new Set(['listener']);

/** Counts and logs throws of user callbacks, and returns a fallback instead of the throw. */
export class CallbackContainment {
  private readonly failures = new LogThrottle<CallbackKind>();

  constructor(
    private readonly logger: Logger,
    private readonly label: string,
  ) {}

  /**
   * Runs `fn`; when it throws, counts and logs the throw and returns `fallback`.
   * A promise returned by a callback that must be synchronous is a failure too;
   * any promise's rejection is caught, so it can never be an unhandled rejection.
   */
  run<T>(kind: CallbackKind, fn: () => T, fallback: T): T {
    try {
      const value = fn();
      if (!isThenable(value)) return value;
      if (MAY_BE_ASYNC.has(kind)) {
        Promise.resolve(value).catch((error: unknown) => this.failed(kind, error));
        return value;
      }
      Promise.resolve(value).catch(() => undefined);
      throw new TypeError(`${kind} returned a Promise; ${kind} callbacks must be synchronous`);
    } catch (error) {
      this.failed(kind, error);
      return fallback;
    }
  }

  /** Records a failure of `kind` that was caught elsewhere (a rejected promise). */
  failed(kind: CallbackKind, error: unknown): void {
    const { count, log } = this.failures.record(kind);
    if (log === 'full') this.logger.error(`${this.label}: ${kind} callback threw (contained)`, error);
    else if (log === 'summary') this.logger.error(`${this.label}: ${kind} callback has thrown ${count} times (contained)`);
  }

  /** Failures so far, per kind (kinds that never failed are absent). */
  snapshot(): Partial<Record<CallbackKind, number>> {
    return Object.fromEntries(this.failures.counts());
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
