import type { FlagDefinition } from '@cutover/provider';
import { describe, expect, it } from 'vitest';
import { inRollbackScope } from './in-rollback-scope.js';
import { describeScope, parseRollbackScope } from './rollback-scope.js';
import { selectRollbackTargets } from './select-rollback-targets.js';

const member = (defaultVariant: string): FlagDefinition => ({
  state: 'ENABLED',
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  defaultVariant,
  metadata: { kind: 'migration', rollbackVariant: 'off' },
});
const definitions = new Map<string, FlagDefinition>([
  ['planner', member('live')],
  ['bundler', member('shadow')],
  ['other', member('live')],
  ['phase', {
    state: 'ENABLED',
    variants: { legacy: 'legacy', phase1: 'phase1', phase2: 'phase2' },
    defaultVariant: 'phase2',
    metadata: { kind: 'phase', rollbackPhase: 'phase1', 'phase.legacy': 'planner=off, bundler=off', 'phase.phase1': 'planner=live, bundler=off', 'phase.phase2': 'planner=live, bundler=shadow' },
  }],
]);

describe('a rollback of a phase', () => {
  it('is spelled phase:<flag>, or names the phase flag itself', () => {
    expect(parseRollbackScope('phase:phase')).toEqual({ phase: 'phase' });
    expect(describeScope({ phase: 'phase' })).toBe('phase:phase');
  });

  it('serves the rollback phase on the phase flag and the stage it declares on each member', () => {
    const expected = [
      { flagKey: 'phase', variant: 'phase1', value: 'phase1' },
      { flagKey: 'planner', variant: 'live', value: 'live' },
      { flagKey: 'bundler', variant: 'off', value: 'off' },
    ];
    expect(selectRollbackTargets(definitions, { phase: 'phase' }).targets).toMatchObject(expected);
    expect(selectRollbackTargets(definitions, { flag: 'phase' }).targets).toMatchObject(expected);
  });

  it('covers the phase flag and its members only, for clearing too', () => {
    const lookup = (key: string) => definitions.get(key);
    expect([...definitions.keys()].filter((key) => inRollbackScope({ phase: 'phase' }, key, lookup))).toEqual(['planner', 'bundler', 'phase']);
    expect(inRollbackScope({ flag: 'planner' }, 'bundler', lookup)).toBe(false);
  });

  it('returns every phase flag to its rollback phase when everything is rolled back', () => {
    expect(selectRollbackTargets(definitions, { all: true }).targets.map((t) => `${t.flagKey}=${t.variant}`)).toEqual(['planner=off', 'bundler=off', 'other=off', 'phase=phase1']);
  });

  it('names what it cannot roll back', () => {
    expect(selectRollbackTargets(definitions, { phase: 'planner' }).problems).toEqual(['flag "planner" is not a phase flag (metadata.kind = "phase")']);
    expect(selectRollbackTargets(definitions, { phase: 'ghost' }).problems).toEqual(['phase flag "ghost" is in none of the flag files']);
  });
});
