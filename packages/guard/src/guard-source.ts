import type { GuardSnapshot } from './guard-snapshot.js';

/**
 * Where a guard reads one migration's counts: over one growing window that
 * starts when the guard starts and again when the flag's stage or split
 * changes. `LocalRegistrySource` reads this process, `PrometheusSource` a fleet.
 */
export interface GuardSource {
  /** What the source reads, for logs, e.g. `prometheus http://… flag "x"`. */
  readonly description: string;
  /** Starts a new window now; later snapshots count from here. */
  startWindow(): void;
  /** The counts since the window started. Rejects when the source cannot be read. */
  snapshot(): Promise<GuardSnapshot>;
}
