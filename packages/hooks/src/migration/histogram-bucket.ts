/**
 * One bucket of a Prometheus histogram: how many observations were at most `le`
 * (cumulative, as Prometheus and prom-client expose them).
 */
export interface HistogramBucket {
  /** Upper bound of the bucket (seconds for durations, a plain number for ratios); the last bucket is `Infinity` (`+Inf`). */
  readonly le: number;
  /** Observations at most `le`; cumulative, so it never decreases as `le` grows. */
  readonly count: number;
}
