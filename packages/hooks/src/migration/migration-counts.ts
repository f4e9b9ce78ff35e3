import { PAIRED_LATENCY_RATIO_BUCKETS } from '../conventions.js';
import type { NativeCounts } from '../native/native-durations.js';
import type { HistogramBucket } from './histogram-bucket.js';
import type { ComparisonResult, PairOutcome } from './migration-series.js';
import type { MigrationSeries } from './migration-series.js';
import type { OutcomeTotals } from './outcome-series.js';
import { COMPARISON_RESULT_ORDER, PAIR_OUTCOME_ORDER } from './migration-series.js';
import type { CallOutcome, PathSeries } from './path-series.js';
import { CALL_OUTCOME_ORDER } from './path-series.js';

/** Calls of one path by outcome, and their durations as a cumulative histogram. */
export interface PathCounts {
  /** Calls by outcome (`success`, `error`, `timeout`, `rejected`). */
  readonly outcomes: Readonly<Record<CallOutcome, number>>;
  /** Cumulative buckets by ascending `le`, ending with `le: Infinity`; empty when nothing is known. */
  readonly buckets: readonly HistogramBucket[];
  /** Calls whose outcome went to the caller; absent where the source does not know. */
  readonly served?: number;
  /** Business outcomes reported through the Tracking API; absent where the source does not know. */
  readonly reported?: Readonly<OutcomeTotals>;
  /**
   * The durations in this process's native histogram buckets (2.2 % apart),
   * non-cumulative; absent when the counts come from PromQL, which gives
   * {@link precise} instead.
   */
  readonly native?: NativeCounts;
  /**
   * The durations in cumulative buckets a few percent apart from a source
   * that has them (a fleet's Prometheus native histograms), ending with
   * `le: Infinity`; the guard prefers them, or {@link native}, to `buckets`.
   */
  readonly precise?: readonly HistogramBucket[];
}

/**
 * The raw counts of one migration, as its counters hold them (since the
 * process started) or as a difference of two readings (over a window).
 */
export interface MigrationCounts {
  readonly legacy: PathCounts;
  readonly candidate: PathCounts;
  /** Comparisons by result (`match`, `mismatch`, `ignored`, `error`). */
  readonly comparisons: Readonly<Record<ComparisonResult, number>>;
  /** Compared requests by how the pair of paths ended; absent when nothing counts pairs. */
  readonly pairs?: Readonly<Record<PairOutcome, number>>;
  /**
   * Candidate over legacy duration of the compared requests on which both
   * paths succeeded, cumulative buckets by ascending `le` ending with
   * `le: Infinity` (bounds {@link PAIRED_LATENCY_RATIO_BUCKETS}); absent when nothing records them.
   */
  readonly pairedLatencyRatio?: readonly HistogramBucket[];
  /** Calls by the stage served (`off`, `shadow`, `live`…), only the stages served; absent when unknown. */
  readonly stages?: Readonly<Record<string, number>>;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts of a migration nothing has been recorded for. */
export function emptyCounts(): MigrationCounts {
  const path = { outcomes: zeros(CALL_OUTCOME_ORDER), buckets: [], served: 0, reported: { success: 0, failure: 0 } };
  return { legacy: path, candidate: path, comparisons: zeros(COMPARISON_RESULT_ORDER) };
}

/** Reads a migration's counters now. */
export function countsOf(series: MigrationSeries, bounds: ArrayLike<number>): MigrationCounts {
  return {
    legacy: { ...pathCounts(series.legacy, bounds), reported: totalsOf(series.outcomes.totals.legacy) },
    candidate: { ...pathCounts(series.candidate, bounds), reported: totalsOf(series.outcomes.totals.candidate) },
    comparisons: Object.fromEntries(COMPARISON_RESULT_ORDER.map((r, i) => [r, series.comparisons[i]!.value])) as Record<ComparisonResult, number>,
    pairs: Object.fromEntries(PAIR_OUTCOME_ORDER.map((p, i) => [p, series.pairs[i]!.value])) as Record<PairOutcome, number>,
    pairedLatencyRatio: cumulative(series.pairedLatencyRatios.bucketCounts, PAIRED_LATENCY_RATIO_BUCKETS),
    stages: series.stageCalls(),
  };
}

/** What happened between two readings of the same counters: `later − earlier`, per count. */
export function subtractCounts(later: MigrationCounts, earlier: MigrationCounts): MigrationCounts {
  const buckets = (a: readonly HistogramBucket[], b: readonly HistogramBucket[] | undefined): HistogramBucket[] =>
    a.map((bucket, i) => ({ le: bucket.le, count: bucket.count - (b?.[i]?.count ?? 0) }));
  const path = (a: PathCounts, b: PathCounts): PathCounts => ({
    outcomes: Object.fromEntries(CALL_OUTCOME_ORDER.map((o) => [o, a.outcomes[o] - b.outcomes[o]])) as Record<CallOutcome, number>,
    buckets: buckets(a.buckets, b.buckets),
    ...(a.served === undefined ? {} : { served: a.served - (b.served ?? 0) }),
    ...(a.reported === undefined
      ? {}
      : { reported: { success: a.reported.success - (b.reported?.success ?? 0), failure: a.reported.failure - (b.reported?.failure ?? 0) } }),
    ...(a.native ? { native: { zeroCount: a.native.zeroCount - (b.native?.zeroCount ?? 0), counts: Float64Array.from(a.native.counts, (count, i) => count - (b.native?.counts[i] ?? 0)) } } : {}),
  });
  const difference = <K extends string>(x: Readonly<Record<K, number>> | undefined, y: Readonly<Record<K, number>> | undefined): Record<K, number> | undefined =>
    x && (Object.fromEntries(Object.entries<number>(x).map(([k, v]) => [k, v - (y?.[k as K] ?? 0)])) as Record<K, number>);
  const pairs = difference(later.pairs, earlier.pairs);
  const stages = difference(later.stages, earlier.stages);
  return {
    legacy: path(later.legacy, earlier.legacy),
    candidate: path(later.candidate, earlier.candidate),
    comparisons: Object.fromEntries(
      COMPARISON_RESULT_ORDER.map((r) => [r, later.comparisons[r] - earlier.comparisons[r]]),
    ) as Record<ComparisonResult, number>,
    ...(pairs ? { pairs } : {}),
    ...(later.pairedLatencyRatio ? { pairedLatencyRatio: buckets(later.pairedLatencyRatio, earlier.pairedLatencyRatio) } : {}),
    ...(stages ? { stages } : {}),
  };
}

function totalsOf({ success, failure }: OutcomeTotals): OutcomeTotals {
  return { success, failure };
}

// Non-cumulative counts per bound (the last slot `+Inf`) as Prometheus's cumulative buckets.
function cumulative(counts: ArrayLike<number>, bounds: ArrayLike<number>): HistogramBucket[] {
  const buckets: HistogramBucket[] = [];
  let running = 0;
  for (let i = 0; i < bounds.length; i++) {
    running += counts[i]!;
    buckets.push({ le: bounds[i]!, count: running });
  }
  buckets.push({ le: Infinity, count: running + counts[bounds.length]! });
  return buckets;
}

function pathCounts(series: PathSeries, bounds: ArrayLike<number>): PathCounts {
  return {
    outcomes: Object.fromEntries(CALL_OUTCOME_ORDER.map((o, i) => [o, series.calls[i]!.value])) as Record<CallOutcome, number>,
    buckets: cumulative(series.bucketCounts, bounds),
    served: series.served.value,
    native: { zeroCount: series.native.zeroCount, counts: series.native.counts.slice() },
  };
}
