import type { CallbackKind } from './callback-containment.js';

/** Counters of a `Migration`, for operators and tests. */
export interface MigrationStats {
  /** Evaluations that returned a value that is not a stage (run as `off`). */
  readonly unknownStages: number;
  /** Calls whose non-authoritative run was skipped because `maxInFlight` runs were in flight. */
  readonly inFlightSkips: number;
  /** `live` calls answered by legacy because the candidate failed (`fallbackToLegacy`). */
  readonly fallbacks: number;
  /** Non-authoritative writes that failed or timed out (the caller still got the authoritative outcome). */
  readonly secondaryWriteFailures: number;
  /** Calls that ran only the authoritative path because the item lock could not make its lease exclusive. */
  readonly lockUnavailable: number;
  /** Non-authoritative runs in flight now. */
  readonly inFlight: number;
  /** Contained throws of user callbacks, per kind. */
  readonly callbackFailures: Partial<Record<CallbackKind, number>>;
  /** Paths learned as noise. */
  readonly noisyPaths: readonly string[];
}
