import { describe, expect, it } from 'vitest';
import { bucketFor } from './bucket.js';
import { bucketingV2 } from './bucketing-v2.js';
import { murmur3 } from './murmur3.js';

describe('bucketingV2', () => {
  it('puts an id in the canary exactly when a first fractional variant of that weight would take it', () => {
    for (let i = 0; i < 2000; i++) {
      const key = `flaguser-${i}`;
      const inFile = bucketingV2.choose(key, [['live', 10], ['off', 90]]) === 'live';
      expect(bucketingV2.inPercent(key, 10)).toBe(inFile);
      expect(bucketFor(key, 10) < 1).toBe(inFile);
    }
  });

  it('keeps two decimals of a percentage', () => {
    const share = murmur3('flagid') / 2 ** 32;
    expect(bucketingV2.inPercent('flagid', Math.ceil(share * 10000 + 1) / 100)).toBe(true);
    expect(bucketingV2.inPercent('flagid', Math.floor(share * 10000) / 100)).toBe(false);
  });

  it('never includes anyone at 0 % and includes everyone at 100 %', () => {
    for (let i = 0; i < 500; i++) {
      expect(bucketingV2.inPercent(`fk${i}`, 0)).toBe(false);
      expect(bucketingV2.inPercent(`fk${i}`, 100)).toBe(true);
    }
  });

  it('ignores what follows the weight and counts a null weight as 1, as flagd does', () => {
    for (let i = 0; i < 200; i++) {
      const key = `flagid-${i}`;
      const plain = bucketingV2.choose(key, [['a', 1], ['b', 1]]);
      expect(bucketingV2.choose(key, [['a', 1, 'ignored'], ['b', null]])).toBe(plain);
    }
    expect(bucketingV2.choose('x', [['a', '1']])).toBeNull();
  });

  it('accepts non-string variants and rejects fractional weights', () => {
    expect([true, false]).toContain(bucketingV2.choose('x', [[true, 1], [false, 1]]));
    expect(bucketingV2.choose('x', [['a', 0.5], ['b', 1]])).toBeNull();
  });
});
