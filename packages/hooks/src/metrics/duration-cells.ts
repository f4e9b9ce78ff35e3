import type { Histogram } from 'prom-client';
import { zeroOnce } from './register-metric.js';

/**
 * One histogram series kept as plain numbers on the hot path: the durations
 * observed since the last scrape, counted and summed per bucket. prom-client's
 * own `observe(labels, v)` hashes the label set on each call, which alone
 * costs more than the overhead budget of a flag evaluation; here a call adds
 * to a typed array, and the scrape hands the durations to prom-client.
 */
export class DurationCells {
  /** Durations per bucket since the last scrape, non-cumulative; the last slot is `+Inf`. */
  readonly counts: Float64Array;
  /** Their sum per bucket, in seconds. */
  readonly sums: Float64Array;
  private declared = false;

  /**
   * @param labels the series' label set (without `le`), built once
   * @param bounds histogram upper bounds, in seconds, increasing
   */
  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly bounds: Float64Array,
  ) {
    this.counts = new Float64Array(bounds.length + 1);
    this.sums = new Float64Array(bounds.length + 1);
  }

  /** Records one duration, in seconds; returns the index of its bucket. */
  observe(seconds: number): number {
    // Binary search for the first bound ≥ seconds (Prometheus buckets are inclusive).
    const bounds = this.bounds;
    let low = 0;
    let high = bounds.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (seconds > bounds[mid]!) low = mid + 1;
      else high = mid;
    }
    this.counts[low]!++;
    this.sums[low]! += seconds;
    return low;
  }

  /** Sum of the durations since the last scrape, in seconds. */
  get sum(): number {
    return this.sums.reduce((total, sum) => total + sum, 0);
  }

  /**
   * Hands the durations since the last scrape to a histogram with the same
   * bounds, then forgets them. Each bucket's durations are observed at their
   * mean, which lies in the bucket: bucket counts and the count are exact,
   * the sum is exact up to rounding. Costs one `observe` per duration.
   */
  drainInto(histogram: Histogram): void {
    if (!this.declared) {
      zeroOnce(histogram, this.labels);
      this.declared = true;
    }
    const { counts, sums, bounds, labels } = this;
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i]!;
      if (count === 0) continue;
      const value = withinBucket(sums[i]! / count, bounds[i - 1] ?? -Infinity, bounds[i] ?? Infinity);
      for (let n = 0; n < count; n++) histogram.observe(labels, value);
    }
    this.reset();
  }

  /** Forgets the durations since the last scrape. */
  reset(): void {
    this.counts.fill(0);
    this.sums.fill(0);
  }
}

// A mean rounded past its bucket's edges is pulled back inside (lower, upper].
function withinBucket(mean: number, lower: number, upper: number): number {
  const above = mean > lower ? mean : lower + Math.max(Math.abs(lower) * Number.EPSILON, Number.MIN_VALUE);
  return Math.min(above, upper);
}
