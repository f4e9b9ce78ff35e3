import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSplits, readSplit } from './find-splits.js';
import type { SplitBucket } from './find-splits.js';
import { fractionalArgs, writeSplit } from './write-split.js';

const canary: SplitBucket[] = [{ variant: 'live', weight: 25 }, { variant: 'shadow', weight: 75 }];

describe(writeSplit.name, () => {
  it('makes the split the targeting of a flag without one', () => {
    expect(writeSplit(undefined, undefined, canary)).toEqual({ fractional: [['live', 25], ['shadow', 75]] });
  });

  it('replaces the buckets only, keeping the bucketing expression, the rules around and the input', () => {
    const targeting = { if: [{ in: [{ var: 'chatId' }, ['a']] }, 'live', { fractional: [{ cat: [{ var: 'chatId' }] }, ['live', 10], ['shadow', 90]] }] };
    const before = structuredClone(targeting);
    expect(writeSplit(targeting, findSplits(targeting)[0], canary)).toEqual({
      if: [{ in: [{ var: 'chatId' }, ['a']] }, 'live', { fractional: [{ cat: [{ var: 'chatId' }] }, ['live', 25], ['shadow', 75]] }],
    });
    expect(targeting).toEqual(before);
  });
});

// Targeting trees with `fractional` splits anywhere among ordinary rules.
const variant = fc.string({ minLength: 1, maxLength: 8 });
const buckets = fc.array(fc.record({ variant, weight: fc.nat(100) }), { maxLength: 4 });
const bucketBy = fc.option(fc.oneof(fc.string(), fc.record({ var: fc.string({ maxLength: 5 }) })), { nil: undefined });
const { targeting } = fc.letrec((tie) => ({
  targeting: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.tuple(buckets, bucketBy).map(([b, by]) => ({ fractional: fractionalArgs(b, by) })),
    fc.array(tie('targeting'), { maxLength: 3 }).map((args) => ({ if: args })),
    fc.array(tie('targeting'), { maxLength: 3 }),
  ),
}));

describe('split round trip', () => {
  it('reads back what the writer wrote', () => {
    fc.assert(
      fc.property(buckets, bucketBy, (written, by) => {
        expect(readSplit(fractionalArgs(written, by))).toEqual(by === undefined ? { buckets: written } : { bucketBy: by, buckets: written });
      }),
    );
  });

  it('changes the buckets of the split written and nothing else', () => {
    fc.assert(
      fc.property(targeting, fc.nat(), buckets, (tree, pick, written) => {
        const splits = findSplits(tree);
        fc.pre(splits.length > 0);
        const chosen = pick % splits.length;
        const after = findSplits(writeSplit(tree, splits[chosen], written));
        expect(after).toEqual(splits.map((split, i) => (i === chosen ? { ...split, buckets: written } : split)));
      }),
    );
  });
});
