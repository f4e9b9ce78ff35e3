import type { HistogramBucket } from '@cutover/hooks';
import { NATIVE_TOP_SECONDS } from '@cutover/hooks';
import type { PrometheusNativeHistogram } from './query-prometheus.js';

/**
 * A native histogram from PromQL as cumulative buckets, the shape the latency
 * check reads: each bucket's upper boundary as `le` (the zero bucket's is the
 * zero threshold), preceded by its lower boundary at the count below it
 * wherever empty buckets lie between (PromQL lists occupied buckets only), so
 * a quantile is interpolated inside its own bucket as Prometheus's
 * `histogram_quantile` does, never across the gap; then the top of the
 * exposition's range (so every threshold up to it has a bound to count at)
 * and `+Inf`. Fractional counts from `increase()` are kept; negative ones
 * count as 0.
 */
export function nativeHistogramBuckets(histogram: PrometheusNativeHistogram): HistogramBucket[] {
  const occupied = histogram.buckets.filter((b) => Number.isFinite(b.upper) && Number.isFinite(b.count)).sort((a, b) => a.upper - b.upper);
  const buckets: HistogramBucket[] = [];
  let cumulative = 0;
  for (const bucket of occupied) {
    if (bucket.lower > (buckets.at(-1)?.le ?? 0)) buckets.push({ le: bucket.lower, count: cumulative });
    cumulative += Math.max(0, bucket.count);
    buckets.push({ le: bucket.upper, count: cumulative });
  }
  if ((buckets.at(-1)?.le ?? 0) < NATIVE_TOP_SECONDS) buckets.push({ le: NATIVE_TOP_SECONDS, count: cumulative });
  buckets.push({ le: Infinity, count: cumulative });
  return buckets;
}
