import { describe, expect, it } from 'vitest';
import { countAbove } from './count-above.js';
import { histogramQuantile } from './histogram-quantile.js';
import { nativeHistogramBuckets } from './native-histogram-buckets.js';
import type { PrometheusNativeBucket } from './query-prometheus.js';

/** Schema-5 buckets from index `from` to `to`, `perBucket` each. */
function schema5(from: number, to: number, perBucket: number): PrometheusNativeBucket[] {
  const buckets: PrometheusNativeBucket[] = [];
  for (let i = from; i <= to; i++) buckets.push({ boundaryRule: 0, lower: 2 ** ((i - 1) / 32), upper: 2 ** (i / 32), count: perBucket });
  return buckets;
}

describe(nativeHistogramBuckets.name, () => {
  it('gives cumulative buckets by upper boundary, from the lowest lower boundary to the top of the range and +Inf', () => {
    const buckets = nativeHistogramBuckets({ count: 6, sum: 1, buckets: [...schema5(-3, -1, 2)].reverse() });
    expect(buckets).toEqual([
      { le: 2 ** (-4 / 32), count: 0 },
      { le: 2 ** (-3 / 32), count: 2 },
      { le: 2 ** (-2 / 32), count: 4 },
      { le: 2 ** (-1 / 32), count: 6 },
      { le: 4096, count: 6 },
      { le: Infinity, count: 6 },
    ]);
  });

  it('keeps the lower boundary of a bucket after a run of empty ones: a quantile is interpolated inside its own bucket, as Prometheus does', () => {
    // 94 calls just above 0.5 s, then 6 just below 1 s; the buckets between are empty and PromQL leaves them out.
    const [slow] = schema5(0, 0, 6);
    const buckets = nativeHistogramBuckets({ count: 100, sum: 53, buckets: [...schema5(-31, -31, 94), slow!] });
    expect(buckets).toContainEqual({ le: slow!.lower, count: 94 });
    const p95 = histogramQuantile(0.95, buckets)!;
    expect(p95).toBeGreaterThan(slow!.lower);
    expect(p95).toBeLessThanOrEqual(slow!.upper);
  });

  it('counts a negative extrapolated count as 0, and an empty histogram as one +Inf bucket above the top', () => {
    expect(nativeHistogramBuckets({ count: 0, sum: 0, buckets: [] })).toEqual([{ le: 4096, count: 0 }, { le: Infinity, count: 0 }]);
    expect(nativeHistogramBuckets({ count: 1, sum: 0, buckets: [{ boundaryRule: 0, lower: 1, upper: 2, count: -0.2 }] }).at(-1)).toEqual({ le: Infinity, count: 0 });
  });

  it('lets the latency check round a threshold up by at most 2.2 %', () => {
    // Calls spread from about 10 ms to 1 s.
    const buckets = nativeHistogramBuckets({ count: 213, sum: 1, buckets: schema5(-212, 0, 1) });
    for (const threshold of [0.0123, 0.05, 0.0999, 0.31]) {
      const above = countAbove(buckets, threshold)!;
      expect(above.bound / threshold).toBeGreaterThanOrEqual(1);
      expect(above.bound / threshold).toBeLessThan(2 ** (1 / 32));
    }
  });
});
