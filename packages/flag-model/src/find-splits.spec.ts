import { describe, expect, it } from 'vitest';
import { bucketIndex, findSplits, readSplit } from './find-splits.js';

describe(readSplit.name, () => {
  it('reads buckets, a bucket without a weight weighing 1', () => {
    expect(readSplit([['live', 10], ['shadow']])).toEqual({ buckets: [{ variant: 'live', weight: 10 }, { variant: 'shadow', weight: 1 }] });
  });

  it('takes a first argument that is not a bucket as the bucketing expression', () => {
    const bucketBy = { cat: [{ var: 'chatId' }] };
    expect(readSplit([bucketBy, ['live', 5], ['shadow', 95]])).toEqual({ bucketBy, buckets: [{ variant: 'live', weight: 5 }, { variant: 'shadow', weight: 95 }] });
  });
});

describe('readSplit of computed buckets (flagd 0.15 and later)', () => {
  it('keeps a variant computed by a rule as its rule, a null variant as null, and a computed weight as NaN', () => {
    const rule = { if: [{ '==': [{ var: 'tier' }, 'gold'] }, 'live', 'shadow'] };
    expect(readSplit([[rule, 50], [null, 25], ['off', { var: 'w' }]]).buckets).toEqual([
      { variant: '', weight: 50, variantRule: rule },
      { variant: '', weight: 25, variantRule: null },
      { variant: 'off', weight: Number.NaN },
    ]);
  });
});

describe('readSplit of hostile buckets', () => {
  it('reads a weight that is an object as computed (NaN), even one whose String() would throw', () => {
    const weight = JSON.parse('{"toString": {}, "valueOf": {}}') as unknown;
    expect(readSplit([['live', weight], ['off', 90]]).buckets.map((b) => b.weight)).toEqual([NaN, 90]);
  });
});

describe(findSplits.name, () => {
  it('finds a top-level split', () => {
    expect(findSplits({ fractional: [['live', 10], ['shadow', 90]] })).toEqual([
      { path: ['fractional'], topLevel: true, buckets: [{ variant: 'live', weight: 10 }, { variant: 'shadow', weight: 90 }] },
    ]);
  });

  it('finds splits inside rules, depth first, with their paths', () => {
    const targeting = { if: [{ '==': [{ var: 'beta' }, true] }, { fractional: [['live', 50], ['shadow', 50]] }, { fractional: [{ var: 'org' }, ['shadow', 1]] }] };
    const splits = findSplits(targeting);
    expect(splits.map((split) => split.path)).toEqual([['if', 1, 'fractional'], ['if', 2, 'fractional']]);
    expect(splits.map((split) => split.topLevel)).toEqual([false, false]);
    expect(splits[1]!.bucketBy).toEqual({ var: 'org' });
  });

  it('finds none in a targeting without fractional, and does not follow $ref', () => {
    expect(findSplits(undefined)).toEqual([]);
    expect(findSplits({ if: [{ $ref: 'beta' }, 'live', 'shadow'] })).toEqual([]);
  });
});

describe(bucketIndex.name, () => {
  it('counts the bucketing expression before the buckets', () => {
    const [plain] = findSplits({ fractional: [['live', 10], ['shadow', 90]] });
    const [keyed] = findSplits({ if: [true, { fractional: [{ var: 'org' }, ['live', 10], ['shadow', 90]] }] });
    expect(bucketIndex(plain!, 1)).toBe(1);
    expect(bucketIndex(keyed!, 1)).toBe(2);
  });
});
