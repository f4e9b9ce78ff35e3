import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAIRED_LATENCY_RATIO_BUCKETS } from '../conventions.js';
import { PairedLatencyRatios, pairedLatencyRatio } from './paired-latency-ratios.js';

const bucketOf = (ratio: number): number => {
  const index = PAIRED_LATENCY_RATIO_BUCKETS.findIndex((le) => ratio <= le);
  return index === -1 ? PAIRED_LATENCY_RATIO_BUCKETS.length : index;
};

describe(PairedLatencyRatios.name, () => {
  it('counts candidate over legacy duration in the bucket whose bound is the first at or above it', () => {
    const ratios = new PairedLatencyRatios({ feature_flag_key: 'search' });
    ratios.observe(10, 12);
    ratios.observe(10, 12.01);
    ratios.observe(20, 10);
    expect(ratios.bucketCounts[bucketOf(1.2)]).toBe(1);
    expect(ratios.bucketCounts[bucketOf(1.25)]).toBe(1);
    expect(ratios.bucketCounts[bucketOf(0.5)]).toBe(1);
    expect(ratios.cells.counts.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('skips impossible durations', () => {
    const ratios = new PairedLatencyRatios({ feature_flag_key: 'search' });
    for (const [legacy, candidate] of [[-1, 2], [1, Number.NaN], [Infinity, 1]] as const) ratios.observe(legacy, candidate);
    expect(ratios.bucketCounts.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('never counts sub-millisecond work as slower: the ratio divides by at least the tolerance', () => {
    const ratios = new PairedLatencyRatios({ feature_flag_key: 'search' });
    // 40 µs against 20 µs, and a tie at 0: both well below every limit.
    ratios.observe(0.02, 0.04);
    ratios.observe(0, 0);
    expect(ratios.bucketCounts[0]).toBe(2);
    // Slower by more than the tolerance counts in full: 3 ms against a legacy of 0.
    ratios.observe(0, 3);
    expect(ratios.bucketCounts[bucketOf(3)]).toBe(1);
    // A candidate far slower than a 0 ms legacy lands in +Inf with the exported sum finite.
    ratios.observe(0, 1e9);
    expect(ratios.bucketCounts.at(-1)).toBe(1);
    expect(Number.isFinite(ratios.cells.sum)).toBe(true);
  });
});

describe(pairedLatencyRatio.name, () => {
  const duration = fc.oneof(
    fc.double({ min: 0, max: 5, noNaN: true }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.constantFrom(0, -0, 5e-324, 1, 1e308, Number.NaN, Infinity, -1),
  );
  const limit = fc.oneof(fc.double({ min: 1, max: 2000, noNaN: true }), fc.constantFrom(...PAIRED_LATENCY_RATIO_BUCKETS.filter((le) => le >= 1)));

  it('counts at most one of a pair and its swap above any limit r >= 1, so under A/A at most half the ratios are above r in expectation', () => {
    fc.assert(
      fc.property(duration, duration, limit, (legacy, candidate, r) => {
        const above = (a: number, b: number) => ((pairedLatencyRatio(a, b) ?? 0) > r ? 1 : 0);
        expect(above(legacy, candidate) + above(candidate, legacy)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 5000 },
    );
  });

  it('counts a pair above r >= 1 only when the candidate was slower, by r times and by more than the tolerance; the ratio is finite and not negative', () => {
    fc.assert(
      fc.property(duration, duration, limit, (legacy, candidate, r) => {
        const ratio = pairedLatencyRatio(legacy, candidate);
        if (ratio === undefined) return;
        expect(ratio).toBeGreaterThanOrEqual(0);
        expect(ratio).toBeLessThan(Infinity);
        if (ratio > r) expect(candidate).toBeGreaterThan(Math.max(legacy, 1));
      }),
      { numRuns: 5000 },
    );
  });
});
