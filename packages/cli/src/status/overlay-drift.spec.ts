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

describe('overlayDrift of a phase rollback', () => {
  const phase: FlagDefinition = {
    state: 'ENABLED',
    variants: { legacy: 'legacy', phase1: 'phase1', phase2: 'phase2' },
    defaultVariant: 'phase2',
    metadata: { kind: 'phase', rollbackPhase: 'phase1', 'phase.legacy': 'f=off', 'phase.phase1': 'f=live', 'phase.phase2': 'f=live' },
  };

  it('finds nothing when the phase flag serves its rollback phase and a member the stage it declares', () => {
    const phaseEntry: FlagDefinition = { ...phase, defaultVariant: 'phase1', metadata: { ...phase.metadata, rolledBack: true } };
    expect(overlayDrift(new Map([['f', git], ['p', phase]]), { p: phaseEntry, f: entry({ defaultVariant: 'live' }) })).toEqual([]);
  });

  it('still reports a member serving a variant neither its rollback variant nor its phase names', () => {
    const other: FlagDefinition = { ...git, variants: { off: 'off', shadow: 'shadow', live: 'live' } };
    expect(overlayDrift(new Map([['f', other], ['p', phase]]), { f: { ...entry({ defaultVariant: 'shadow' }), variants: other.variants } }).map((d) => d.kind)).toEqual(['rollback-variant-differs']);
  });
});
