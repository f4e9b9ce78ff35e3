import { CALL_OUTCOMES, MIGRATION_LABELS } from '../conventions.js';
import { CounterCell } from '../metrics/counter-cell.js';
import type { HistogramSeries } from '../metrics/duration-histogram.js';

/** A value of the `outcome` label. */
export type CallOutcome = (typeof CALL_OUTCOMES)[keyof typeof CALL_OUTCOMES];

/** The outcomes in a fixed order: the index of a cell in {@link PathSeries.calls}. */
export const CALL_OUTCOME_ORDER: readonly CallOutcome[] = Object.freeze(Object.values(CALL_OUTCOMES));

/**
 * The calls of one path (legacy or candidate) of one migration, as plain
 * numbers: a counter cell per outcome, created at 0 so Prometheus sees every
 * series from the first scrape, and non-cumulative duration buckets.
 */
export class PathSeries implements HistogramSeries {
  /** One cell per outcome, in {@link CALL_OUTCOME_ORDER}. */
  readonly calls: readonly CounterCell[];
  /** Non-cumulative bucket counts; the last slot is `+Inf`. */
  readonly bucketCounts: Float64Array;
  /** Sum of observed durations, in seconds. */
  durationSum = 0;

  /**
   * @param labels flag key and path labels
   * @param bounds histogram upper bounds, in seconds, increasing
   */
  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly bounds: Float64Array,
  ) {
    this.calls = CALL_OUTCOME_ORDER.map((outcome) => new CounterCell({ ...labels, [MIGRATION_LABELS.outcome]: outcome }));
    this.bucketCounts = new Float64Array(bounds.length + 1);
  }

  /** Records one call's duration, in seconds. */
  observe(seconds: number): void {
    // Binary search for the first bound ≥ seconds (Prometheus buckets are inclusive).
    const bounds = this.bounds;
    let low = 0;
    let high = bounds.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (seconds > bounds[mid]!) low = mid + 1;
      else high = mid;
    }
    this.bucketCounts[low]!++;
    this.durationSum += seconds;
  }

  /** Forgets recorded durations (`registry.resetMetrics()`). */
  resetDurations(): void {
    this.bucketCounts.fill(0);
    this.durationSum = 0;
  }
}
