import { describe, expect, it } from 'vitest';
import { histogramQuantile } from './histogram-quantile.js';

const buckets = [
  { le: 0.1, count: 50 },
  { le: 0.2, count: 90 },
  { le: 0.5, count: 100 },
  { le: Infinity, count: 100 },
];

describe(histogramQuantile.name, () => {
  it('interpolates linearly inside the bucket, as histogram_quantile does', () => {
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.15);
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.35);
  });

  it('assumes a lower bound of 0 for the first bucket', () => {
    expect(histogramQuantile(0.25, buckets)).toBeCloseTo(0.05);
  });

  it('answers the highest finite bound when the quantile falls in +Inf', () => {
    expect(histogramQuantile(0.95, [{ le: 0.1, count: 10 }, { le: Infinity, count: 100 }])).toBe(0.1);
  });

  it('is null for an empty histogram', () => {
    expect(histogramQuantile(0.95, [{ le: Infinity, count: 0 }])).toBeNull();
  });
});
