import { describe, expect, it } from 'vitest';
import { groupOf, isMigrationFlag, rollbackVariantOf } from './migration-metadata.js';

const migration = { metadata: { kind: 'migration', rollbackVariant: 'off', group: 'bots' } };

describe(isMigrationFlag.name, () => {
  it('is true only for metadata.kind "migration"', () => {
    expect(isMigrationFlag(migration)).toBe(true);
    expect(isMigrationFlag({ metadata: { kind: 'release' } })).toBe(false);
    expect(isMigrationFlag({})).toBe(false);
  });
});

describe(rollbackVariantOf.name, () => {
  it('reads metadata.rollbackVariant when it is a name', () => {
    expect(rollbackVariantOf(migration)).toBe('off');
    expect(rollbackVariantOf({ metadata: { rollbackVariant: 3 } })).toBeUndefined();
  });
});

describe(groupOf.name, () => {
  it('reads metadata.group when it is a name', () => {
    expect(groupOf(migration)).toBe('bots');
    expect(groupOf({})).toBeUndefined();
  });
});
