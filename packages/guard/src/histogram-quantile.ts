import type { HistogramBucket } from '@cutover/hooks';

/**
 * The q-quantile of sanitized cumulative buckets with Prometheus's
 * `histogram_quantile` semantics (linear interpolation inside the bucket, the
 * highest finite bound when the quantile falls in `+Inf`), so the guard's
 * figures agree with the dashboards. Null when the histogram is empty.
 */
export function histogramQuantile(q: number, buckets: readonly HistogramBucket[]): number | null {
  const total = buckets.at(-1)?.count ?? 0;
  if (!(total > 0)) return null;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const { le, count } of buckets) {
    if (count >= rank) {
      if (le === Infinity) return lowerBound;
      if (le <= 0) return le;
      return lowerBound + ((le - lowerBound) * (rank - lowerCount)) / (count - lowerCount);
    }
    lowerBound = le;
    lowerCount = count;
  }
  return lowerBound;
}
