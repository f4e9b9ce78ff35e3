import type { FlagDefinition } from '@cutover/provider';
import { describe, expect, it } from 'vitest';
import { overlayDrift } from './overlay-drift.js';

const git: FlagDefinition = {
  state: 'ENABLED',
  variants: { off: 'off', live: 'live' },
  defaultVariant: 'live',
  metadata: { kind: 'migration', rollbackVariant: 'off' },
};
const entry = (changes: Partial<FlagDefinition> = {}): FlagDefinition => ({
  ...git,
  defaultVariant: 'off',
  metadata: { ...git.metadata, rolledBack: true },
  ...changes,
});

describe(overlayDrift.name, () => {
  it('finds nothing when the overlay entry matches git', () => {
    expect(overlayDrift(new Map([['f', git]]), { f: entry() })).toEqual([]);
  });

  it('reports an entry for a flag no file defines', () => {
    expect(overlayDrift(new Map(), { f: entry() }).map((d) => d.kind)).toEqual(['orphaned']);
  });

  it('reports changed variants and a changed rollback variant', () => {
    const moved: FlagDefinition = { ...git, variants: { off: 'off', shadow: 'shadow', live: 'live' }, metadata: { kind: 'migration', rollbackVariant: 'shadow' } };
    expect(overlayDrift(new Map([['f', moved]]), { f: entry() }).map((d) => d.kind)).toEqual(['variants-differ', 'rollback-variant-differs']);
  });

  it('reports an entry that is not a rollback', () => {
    expect(overlayDrift(new Map([['f', git]]), { f: entry({ metadata: git.metadata! }) }).map((d) => d.kind)).toEqual(['not-rolled-back']);
  });
});
