import { describe, expect, it } from 'vitest';
import { cohortBucketing, cohortOf } from './cohort-bucketing.js';
import { findSplits } from './find-splits.js';
import { writeSplit } from './write-split.js';

describe(cohortBucketing.name, () => {
  it('seeds the hash with the cohort instead of the flag key, as flagd\'s fractional reads it', () => {
    expect(cohortBucketing('mspbyte-tenants')).toEqual({ cat: ['mspbyte-tenants', { var: 'targetingKey' }] });
  });

  it('reads back the cohort it wrote, and nothing from other bucketing expressions', () => {
    expect(cohortOf(cohortBucketing('tenants'))).toBe('tenants');
    expect(cohortOf({ cat: [{ var: '$flagd.flagKey' }, { var: 'issueNumber' }] })).toBeUndefined();
    expect(cohortOf({ cat: ['tenants', { var: 'tenantId' }] })).toBeUndefined();
    expect(cohortOf(undefined)).toBeUndefined();
  });

  it('survives a split being read and written again with new weights', () => {
    const targeting = writeSplit(undefined, undefined, [{ variant: 'live', weight: 10 }, { variant: 'off', weight: 90 }], { bucketBy: cohortBucketing('tenants') });
    expect(targeting).toEqual({ fractional: [{ cat: ['tenants', { var: 'targetingKey' }] }, ['live', 10], ['off', 90]] });
    const [split] = findSplits(targeting);
    expect(cohortOf(split!.bucketBy)).toBe('tenants');
    const grown = writeSplit(targeting, split, [{ variant: 'live', weight: 50 }, { variant: 'off', weight: 50 }]);
    expect(grown).toEqual({ fractional: [{ cat: ['tenants', { var: 'targetingKey' }] }, ['live', 50], ['off', 50]] });
  });
});
