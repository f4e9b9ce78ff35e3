import { describe, expect, it } from 'vitest';
import { sanitizeBuckets } from './sanitize-buckets.js';

describe(sanitizeBuckets.name, () => {
  it('sorts by bound and ends with +Inf', () => {
    expect(sanitizeBuckets({ buckets: [{ le: 0.2, count: 9 }, { le: 0.1, count: 4 }] })).toEqual([
      { le: 0.1, count: 4 },
      { le: 0.2, count: 9 },
      { le: Infinity, count: 9 },
    ]);
  });

  it('makes counts cumulative and non-negative, as extrapolated PromQL series may not be', () => {
    const repaired = sanitizeBuckets({
      buckets: [{ le: 0.1, count: -1 }, { le: 0.2, count: 10.4 }, { le: 0.5, count: 10.1 }, { le: Infinity, count: Number.NaN }],
    });
    expect(repaired.map((b) => b.count)).toEqual([0, 10.4, 10.4, 10.4]);
  });
});
