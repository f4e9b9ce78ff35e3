import { describe, expect, it } from 'vitest';
import { bucketingV1 } from './bucketing-v1.js';
import { murmur3 } from './murmur3.js';

/** flagd ≤ 0.14's formula, written out independently: signed hash, |h| / (2^31 - 1) * 100. */
function goBucket(key: string): number {
  const signed = murmur3(key) > 0x7fffffff ? murmur3(key) - 2 ** 32 : murmur3(key);
  return (Math.abs(signed) / 2147483647) * 100;
}

describe('bucketingV1', () => {
  it('chooses by the signed-hash percentage against accumulated shares', () => {
    for (let i = 0; i < 3000; i++) {
      const key = `flag-k${i}`;
      const bucket = goBucket(key);
      const expected = bucket < 10 ? 'live' : bucket < 10 + 30 ? 'shadow' : 'off';
      expect(bucketingV1.choose(key, [['live', 10], ['shadow', 30], ['off', 60]])).toBe(expected);
    }
  });

  it('agrees between an env percentage and a file split of the same share', () => {
    for (let i = 0; i < 2000; i++) {
      const key = `flag-u${i}`;
      expect(bucketingV1.inPercent(key, 25)).toBe(bucketingV1.choose(key, [['on', 25], ['off', 75]]) === 'on');
    }
  });

  it('differs from v2 for some ids, which is why the version must match the fleet', () => {
    let differ = 0;
    for (let i = 0; i < 2000; i++) if (bucketingV1.inPercent(`f${i}`, 10) !== (murmur3(`f${i}`) / 2 ** 32 < 0.1)) differ++;
    expect(differ).toBeGreaterThan(50);
  });

  it('takes string variants only and truncates weights as the Go evaluator does', () => {
    expect(bucketingV1.choose('x', [[true, 1]])).toBeNull();
    expect(bucketingV1.choose('x', [['a', 100.9]])).toBe('a');
    expect(bucketingV1.choose('x', [['a', 'heavy']])).toBe('a');
  });
});
