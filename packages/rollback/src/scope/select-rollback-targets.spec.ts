import type { FlagDefinition } from '@cutover/provider';
import { describe, expect, it } from 'vitest';
import { selectRollbackTargets } from './select-rollback-targets.js';

const migration = (group: string, rollbackVariant = 'off'): FlagDefinition => ({
  state: 'ENABLED',
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  defaultVariant: 'live',
  metadata: { kind: 'migration', rollbackVariant, group },
});

const definitions = new Map<string, FlagDefinition>([
  ['planner', migration('clambake')],
  ['sync', migration('clambake')],
  ['food', migration('nutribot')],
  ['kill', { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' }],
  ['odd', migration('odd', 'nowhere')],
]);
const keys = (scope: Parameters<typeof selectRollbackTargets>[1]) => selectRollbackTargets(definitions, scope).targets.map((t) => t.flagKey);

describe(selectRollbackTargets.name, () => {
  it('rolls back a group or every migration, never a flag that is not a migration', () => {
    expect(keys({ group: 'clambake' })).toEqual(['planner', 'sync']);
    expect(keys({ all: true })).toEqual(['planner', 'sync', 'food']);
    expect(selectRollbackTargets(definitions, { flag: 'kill' })).toEqual({ targets: [], problems: [] });
    expect(selectRollbackTargets(definitions, { flag: 'ghost' }).problems).toEqual([expect.stringMatching(/none of the flag files/)]);
  });

  it('gives each target the value of its rollback variant, and names a flag whose rollback variant is unusable', () => {
    expect(selectRollbackTargets(definitions, { flag: 'food' }).targets[0]).toMatchObject({ flagKey: 'food', variant: 'off', value: 'off' });
    expect(selectRollbackTargets(definitions, { all: true }).problems).toEqual(['flag "odd" has no usable metadata.rollbackVariant']);
  });
});
