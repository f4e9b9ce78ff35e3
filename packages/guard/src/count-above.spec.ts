import { describe, expect, it } from 'vitest';
import { countAbove } from './count-above.js';

const buckets = [
  { le: 0.1, count: 60 },
  { le: 0.15, count: 80 },
  { le: 0.25, count: 95 },
  { le: Infinity, count: 100 },
];

describe(countAbove.name, () => {
  it('counts from the smallest bound at or above the threshold, never below it', () => {
    expect(countAbove(buckets, 0.12)).toEqual({ bound: 0.15, count: 20 });
    expect(countAbove(buckets, 0.2)).toEqual({ bound: 0.25, count: 5 });
  });

  it('takes a bound the threshold overshoots only by floating-point error', () => {
    expect(countAbove(buckets, 1.5 * 0.1)).toEqual({ bound: 0.15, count: 20 });
  });

  it('is null when no finite bound reaches the threshold', () => {
    expect(countAbove(buckets, 0.3)).toBeNull();
  });
});
