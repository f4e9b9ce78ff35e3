import { describe, expect, it } from 'vitest';
import { bucketFor } from '../hashing/bucket.js';
import { bucketingV2 } from '../hashing/bucketing-v2.js';
import { evaluationScratch } from './evaluation-scratch.js';
import { fractionalWith } from './fractional.js';

const fractional = fractionalWith(bucketingV2);

const split = [
  ['live', 10],
  ['off', 90],
];

describe('fractional (v2 bucketing)', () => {
  it('buckets flag key + targeting key over the total weight, first variant first', () => {
    for (let i = 0; i < 300; i++) {
      const key = `chat-${i}`;
      const expected = bucketFor(`flag${key}`, 100) < 10 ? 'live' : 'off';
      expect(fractional(['flag', ...split], { targetingKey: key })).toBe(expected);
    }
  });

  it('buckets a custom bucketing string as it is, without the flag key', () => {
    const expected = bucketFor('tenant-7', 100) < 10 ? 'live' : 'off';
    expect(fractional(['flag', 'tenant-7', ...split], {})).toBe(expected);
  });

  it('falls back to the targeting key when the bucketing expression is null, as the flagd server does', () => {
    expect(fractional(['flag', null, ...split], { targetingKey: 'id-1' })).toBe(fractional(['flag', ...split], { targetingKey: 'id-1' }));
  });

  it('weights an entry without a weight as 1 and a negative weight as 0', () => {
    expect(fractional(['flag', ['a'], ['b', -5]], { targetingKey: 'x' })).toBe('a');
  });

  it('returns null and reports a missing targeting key instead of choosing at random', () => {
    evaluationScratch.reset();
    expect(fractional(['flag', ...split], {})).toBeNull();
    expect(evaluationScratch.targetingKeyMissing).toBe(true);
  });

  it('chooses among buckets whose variant or weight a rule computed, and with a single bucket', () => {
    expect(fractional(['flag', ['only']], { targetingKey: 'x' })).toBe('only');
    expect(fractional(['flag', [false, 0], [true, 100]], { targetingKey: 'x' })).toBe(true);
    expect(fractional(['flag', [null, 1]], { targetingKey: 'x' })).toBeNull();
  });

  it('returns null for malformed buckets and for a zero total weight', () => {
    expect(fractional(['flag', ['a', 1.5]], { targetingKey: 'x' })).toBeNull();
    expect(fractional(['flag', 'not-a-bucket', 'x'], { targetingKey: 'x' })).toBeNull();
    expect(fractional(['flag', ['a', 0], ['b', 0]], { targetingKey: 'x' })).toBeNull();
    expect(fractional(['flag', ['a', 2147483647], ['b', 1]], { targetingKey: 'x' })).toBeNull();
  });

  it('records that a split chose the variant', () => {
    evaluationScratch.reset();
    fractional(['flag', ...split], { targetingKey: 'x' });
    expect(evaluationScratch.split).toBe(true);
  });
});
