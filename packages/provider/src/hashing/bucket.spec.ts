import { describe, expect, it } from 'vitest';
import { bucketFor, bucketOf, inPercent } from './bucket.js';
import { murmur3 } from './murmur3.js';

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

describe(inPercent.name, () => {
  it('puts an id in the canary exactly when a first fractional variant of that weight would take it', () => {
    for (let i = 0; i < 2000; i++) {
      const key = `user-${i}`;
      const inFile = bucketFor(`flag${key}`, 100) < 10;
      const inFileTenths = bucketFor(`flag${key}`, 10) < 1;
      expect(inPercent('flag', key, 10)).toBe(inFile);
      expect(inFileTenths).toBe(inFile);
    }
  });

  it('keeps two decimals of a percentage', () => {
    const hash = murmur3('flagid');
    const share = hash / 2 ** 32;
    expect(inPercent('flag', 'id', Math.ceil(share * 10000 + 1) / 100)).toBe(true);
    expect(inPercent('flag', 'id', Math.floor(share * 10000) / 100)).toBe(false);
  });

  it('never includes anyone at 0 % and includes everyone at 100 %', () => {
    for (let i = 0; i < 500; i++) {
      expect(inPercent('f', `k${i}`, 0)).toBe(false);
      expect(inPercent('f', `k${i}`, 100)).toBe(true);
    }
  });
});
