import type { GuardVerdict } from '@cutover/guard';

/**
 * The guard's analysis as the controller uses it: one growing window per
 * step, judged by `evaluateGuard` whenever the controller looks (the guard's
 * tests are anytime-valid, so looking often costs no false alarms).
 */
export interface RolloutAnalysis {
  /** What is read, for progress output. */
  readonly description: string;
  /**
   * Starts the window at `at` (ms since the epoch): the moment the step's
   * split took effect, possibly before a restart of the controller. A source
   * that cannot look back (a process-local registry) starts it now.
   */
  startWindow(at: number): void;
  /** The verdict over the window so far. Rejects when the counts cannot be read. */
  evaluate(): Promise<GuardVerdict>;
}
