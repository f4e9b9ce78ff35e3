import type { Logger } from '../logger.js';

/** The user callbacks the runner contains: none of them can reach the caller. */
export type CallbackKind = 'compare' | 'compareErrors' | 'ignore' | 'clean' | 'redact' | 'snapshot' | 'listener' | 'store';

// The first failures of each kind are logged in full; after that one line per
// thousand, so a broken comparator cannot flood the log at request rate.
const LOGGED_IN_FULL = 10;
const LOG_EVERY = 1000;

/** Counts and logs throws of user callbacks, and returns a fallback instead of the throw. */
export class CallbackContainment {
  private readonly counts = new Map<CallbackKind, number>();

  constructor(
    private readonly logger: Logger,
    private readonly label: string,
  ) {}

  /** Runs `fn`; when it throws, counts and logs the throw and returns `fallback`. */
  run<T>(kind: CallbackKind, fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (error) {
      this.failed(kind, error);
      return fallback;
    }
  }

  /** Records a failure of `kind` that was caught elsewhere (a rejected promise). */
  failed(kind: CallbackKind, error: unknown): void {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count <= LOGGED_IN_FULL) {
      this.logger.error(`${this.label}: ${kind} callback threw (contained)`, error);
    } else if (count % LOG_EVERY === 0) {
      this.logger.error(`${this.label}: ${kind} callback has thrown ${count} times (contained)`);
    }
  }

  /** Failures so far, per kind (kinds that never failed are absent). */
  snapshot(): Partial<Record<CallbackKind, number>> {
    return Object.fromEntries(this.counts);
  }
}
