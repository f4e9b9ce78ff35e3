import type { HistogramBucket } from './histogram-bucket.js';

// DDSketch's logarithmic mapping at 1 % relative accuracy: bins γ = 1.01 / 0.99
// apart from 10 µs to about 1000 s, in one dense array (924 slots, 7 KB per path).
const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
const MIN_SECONDS = 1e-5;
// Bounds 0 … BINS: the last bound is at least 1000 s; slot BINS + 1 holds everything above.
const BINS = Math.ceil(Math.log(1000 / MIN_SECONDS) / LOG_GAMMA);

/**
 * Upper bound, in seconds, of each bin of a {@link LatencySketch}: bin i holds
 * durations in (bound[i − 1], bound[i]]; bin 0 everything up to 10 µs; the
 * last slot (index {@link LATENCY_SKETCH_BOUNDS}.length) everything above.
 */
export const LATENCY_SKETCH_BOUNDS: Float64Array = Float64Array.from({ length: BINS + 1 }, (_, i) => MIN_SECONDS * GAMMA ** i);

/**
 * Call durations of one path as a log-bucketed sketch (DDSketch's mapping, as
 * the comparison store's p95 uses): every duration lands in a bin at most 2 %
 * wide, so a quantile or a count above a threshold is known within 2 %, where
 * the exported Prometheus buckets (×1.2 apart) blur 20 %. Plain counts with
 * fixed bins, so two readings subtract into a window as the counters do.
 */
export class LatencySketch {
  /** Durations per bin, non-cumulative; the last slot is above the largest bound. */
  readonly counts = new Float64Array(BINS + 2);

  /** Records one duration, in seconds: one logarithm and one increment. */
  observe(seconds: number): void {
    let bin = seconds > MIN_SECONDS ? Math.min(BINS + 1, Math.ceil(Math.log(seconds / MIN_SECONDS) / LOG_GAMMA)) : 0;
    // The logarithm's rounding may miss by one bin right at a bound; the bounds decide.
    if (bin <= BINS && seconds > LATENCY_SKETCH_BOUNDS[bin]!) bin++;
    else if (bin > 0 && seconds <= LATENCY_SKETCH_BOUNDS[bin - 1]!) bin--;
    this.counts[bin]!++;
  }
}

/**
 * A sketch's counts (or a difference of two readings) as cumulative
 * Prometheus-style buckets, trimmed to the bins that hold calls and ending
 * with `le: Infinity`; a single `+Inf` bucket of 0 when empty.
 */
export function sketchBuckets(counts: ArrayLike<number>): HistogramBucket[] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i]! > 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return [{ le: Infinity, count: 0 }];
  const buckets: HistogramBucket[] = [];
  let cumulative = 0;
  // One empty bin before the first keeps the lower edge of the first occupied bin known.
  if (first > 0) buckets.push({ le: LATENCY_SKETCH_BOUNDS[first - 1]!, count: 0 });
  for (let i = first; i <= Math.min(last, BINS); i++) {
    cumulative += Math.max(0, counts[i]!);
    buckets.push({ le: LATENCY_SKETCH_BOUNDS[i]!, count: cumulative });
  }
  // The range's top bound after the last occupied bin: every threshold up to 1000 s then has a bound to count at.
  if (last < BINS) buckets.push({ le: LATENCY_SKETCH_BOUNDS[BINS]!, count: cumulative });
  buckets.push({ le: Infinity, count: cumulative + (last > BINS ? Math.max(0, counts[last]!) : 0) });
  return buckets;
}
