import { SKIP_REASONS } from '@cutover/migrate';
import { CALL_OUTCOMES, MIGRATION_LABELS } from '../conventions.js';
import { CounterCell } from '../metrics/counter-cell.js';
import { DurationCells } from '../metrics/duration-cells.js';
import { NativeDurations } from '../native/native-durations.js';

/** A value of the `outcome` label. */
export type CallOutcome = (typeof CALL_OUTCOMES)[keyof typeof CALL_OUTCOMES];

/** The outcomes in a fixed order: the index of a cell in {@link PathSeries.calls}. */
export const CALL_OUTCOME_ORDER: readonly CallOutcome[] = Object.freeze(Object.values(CALL_OUTCOMES));

/**
 * The calls of one path (legacy or candidate) of one migration, as plain
 * numbers: a counter cell per outcome, created at 0 so Prometheus sees every
 * series from the first scrape, and non-cumulative duration buckets.
 */
export class PathSeries {
  /** One cell per outcome, in {@link CALL_OUTCOME_ORDER}. */
  readonly calls: readonly CounterCell[];
  /** Calls whose outcome went to the caller (the authoritative run, a fallback included). */
  readonly served: CounterCell;
  /** Runs the stage called for that did not happen, one cell per reason in `SKIP_REASONS` order. */
  readonly skipped: readonly CounterCell[];
  /** Non-cumulative bucket counts since the series was created, as the local guard reads them; the last slot is `+Inf`. */
  readonly bucketCounts: Float64Array;
  /** Call durations since the last scrape, for the exported histogram. */
  readonly durations: DurationCells;
  /** Call durations since the series was created, in native histogram buckets: the local guard's precise latency and the protobuf exposition. */
  readonly native = new NativeDurations();

  /**
   * @param labels flag key and path labels
   * @param bounds histogram upper bounds, in seconds, increasing
   */
  constructor(
    readonly labels: Readonly<Record<string, string>>,
    bounds: Float64Array,
  ) {
    this.calls = CALL_OUTCOME_ORDER.map((outcome) => new CounterCell({ ...labels, [MIGRATION_LABELS.outcome]: outcome }));
    this.served = new CounterCell(labels);
    this.skipped = SKIP_REASONS.map((reason) => new CounterCell({ ...labels, [MIGRATION_LABELS.reason]: reason }));
    this.bucketCounts = new Float64Array(bounds.length + 1);
    this.durations = new DurationCells(labels, bounds);
  }

  /** Records one call's duration, in seconds; an impossible one (NaN, negative, infinite) is not timed, since one would poison every later sum and scrape. */
  observe(seconds: number): void {
    if (!(seconds >= 0 && seconds < Infinity)) return;
    this.bucketCounts[this.durations.observe(seconds)]!++;
    this.native.observe(seconds);
  }
}
