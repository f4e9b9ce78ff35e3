import { describe, expect, it } from 'vitest';
import { bucketOf } from './bucket.js';

describe(bucketOf.name, () => {
  it('maps the hash range onto [0, totalWeight) as (hash * weight) >> 32', () => {
    expect(bucketOf(0, 100)).toBe(0);
    expect(bucketOf(0xffffffff, 100)).toBe(99);
    expect(bucketOf(0x80000000, 100)).toBe(50);
    expect(bucketOf(429496729, 10)).toBe(0);
    expect(bucketOf(429496730, 10)).toBe(1);
  });

  it('gives the exact integer result for weights too large for a double product', () => {
    for (const hash of [1, 12345, 0x7fffffff, 0xfffffffe]) {
      const weight = 2147483647;
      expect(bucketOf(hash, weight)).toBe(Number((BigInt(hash) * BigInt(weight)) >> 32n));
    }
  });
});
