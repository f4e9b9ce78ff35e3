import type { ComparisonOutcome } from '../comparison-outcome.js';
import type { ObservationStatus } from '../observation-status.js';

/** What a summary reads of one path of a comparison. */
export interface SummaryPath {
  readonly status: ObservationStatus;
  readonly durationMs: number;
}

/**
 * What a summary reads of one comparison. A stored record is one, and so is
 * the runner's result of a call, so a summary of records read back from disk
 * and one of results in memory count alike.
 */
export interface SummaryEntry {
  readonly outcome: ComparisonOutcome;
  /** True when an `ignore` callback turned a mismatch into a match. */
  readonly ignored?: boolean;
  /** The item the comparison was about, when known. */
  readonly itemId?: string;
  readonly legacy: SummaryPath;
  readonly candidate: SummaryPath;
  readonly differences: readonly { readonly path: string }[];
}
