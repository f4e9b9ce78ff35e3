import type { HistogramBucket } from '@cutover/hooks';
import type { LatencyHistogram } from './guard-snapshot.js';

/**
 * The histogram's buckets sorted by bound, counts made non-negative and
 * cumulative (running maximum, as Prometheus's `histogram_quantile` does for
 * series extrapolated one by one), ending with a `+Inf` bucket.
 */
export function sanitizeBuckets(histogram: LatencyHistogram): HistogramBucket[] {
  const given = histogram.buckets;
  // Exporters emit buckets in order already; sort only when they do not.
  const inOrder = given.every((b, i) => !Number.isNaN(b.le) && (i === 0 || (given[i - 1]?.le ?? -Infinity) <= b.le));
  const sorted = inOrder ? given : given.filter((b) => !Number.isNaN(b.le)).sort((a, b) => a.le - b.le);
  const buckets: HistogramBucket[] = [];
  let running = 0;
  for (const { le, count } of sorted) {
    running = Math.max(running, Number.isFinite(count) ? count : 0);
    const last = buckets.at(-1);
    if (last?.le === le) buckets[buckets.length - 1] = { le, count: running };
    else buckets.push({ le, count: running });
  }
  if (buckets.at(-1)?.le !== Infinity) buckets.push({ le: Infinity, count: running });
  return buckets;
}
