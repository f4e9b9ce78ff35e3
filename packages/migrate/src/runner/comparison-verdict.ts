import type { Difference } from '@cutover/comparators';
import type { ComparisonFailure, ComparisonOutcome } from '../comparison-outcome.js';

/** How one comparison came out, after noise cancellation and ignorers. */
export interface ComparisonVerdict {
  readonly outcome: ComparisonOutcome;
  /** Why the outcome is `error`. */
  readonly failure?: ComparisonFailure;
  /** True when a mismatch was turned into a match by an `ignore` callback. */
  readonly ignored: boolean;
  /** Differences that count (noise removed). */
  readonly differences: readonly Difference[];
  /** Paths of differences excluded as noise (legacy disagreed with itself there). */
  readonly noisy: readonly string[];
}
