import { describe, expect, it } from 'vitest';
import { histogramQuantile } from './histogram-quantile.js';
import { quantileUpperBound } from './quantile-upper-bound.js';

// 10 000 calls spread evenly over 1 … 2 s in 1 % bins.
const buckets = [...Array.from({ length: 101 }, (_, i) => ({ le: 1 + i / 100, count: i * 100 })), { le: Infinity, count: 10_000 }];

describe(quantileUpperBound.name, () => {
  it('lies above the measured quantile, by the little a large sample leaves', () => {
    const measured = histogramQuantile(0.95, buckets)!;
    const bound = quantileUpperBound(0.95, buckets, 0.005)!;
    expect(bound).toBeGreaterThan(measured);
    expect(bound).toBeLessThan(measured * 1.02);
  });

  it('is wider on fewer calls, and null when no finite bound can be proven', () => {
    const few = buckets.map((b) => ({ le: b.le, count: b.count / 10 }));
    expect(quantileUpperBound(0.95, few, 0.005)).toBeGreaterThan(quantileUpperBound(0.95, buckets, 0.005)!);
    expect(quantileUpperBound(0.95, [{ le: 1, count: 10 }, { le: Infinity, count: 20 }], 0.005)).toBeNull();
    expect(quantileUpperBound(0.95, [{ le: Infinity, count: 0 }], 0.005)).toBeNull();
  });
});
