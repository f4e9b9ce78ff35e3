import type { CallbackKind } from './callback-containment.js';

/**
 * Why a compared call left no record: the store rejected it (the comparison
 * event was still published), or a fault of the runner itself (logged).
 */
export type ComparisonDropReason = 'store-rejected' | 'runner-fault';

/** Counters of a `Migration`, for operators and tests. */
export interface MigrationStats {
  /** Evaluations that returned a value that is not a stage (run as `off`). */
  readonly unknownStages: number;
  /** Evaluations of a flag key that no layer defines (a typo in `flagKey`; run as `off`). */
  readonly flagNotFound: number;
  /** Calls whose non-authoritative run was skipped because `maxInFlight` runs were in flight. */
  readonly inFlightSkips: number;
  /** Reads answered by legacy because the candidate failed (`fallbackToLegacy`: `live`, `rampdown`, `complete`). */
  readonly fallbacks: number;
  /** Non-authoritative writes that failed or timed out (the caller still got the authoritative outcome). */
  readonly secondaryWriteFailures: number;
  /** Calls that ran only the authoritative path because the item lock could not make its lease exclusive. */
  readonly lockUnavailable: number;
  /** Writes answered by `simulateWrite` in read-only mode: no write implementation ran. */
  readonly simulatedWrites: number;
  /** Compared calls whose values were larger than `maxComparedBytes`: recorded as comparison errors without running the comparator. */
  readonly overBudgetComparisons: number;
  /** Non-authoritative runs in flight now. */
  readonly inFlight: number;
  /**
   * Non-authoritative runs that timed out and have not settled since. Their
   * in-flight slots were freed at the timeout; a number that keeps growing
   * means an implementation that ignores its abort signal.
   */
  readonly abandonedRuns: number;
  /** Compared calls that left no record, per reason (reasons that never happened are absent). */
  readonly droppedComparisons: Partial<Record<ComparisonDropReason, number>>;
  /** Contained throws of user callbacks, per kind. */
  readonly callbackFailures: Partial<Record<CallbackKind, number>>;
  /** Paths learned as noise. */
  readonly noisyPaths: readonly string[];
}
