import type { FlagDefinition } from '@cutover/provider';
import { describe, expect, it } from 'vitest';
import { rolloutEntry } from '../overlay/rollout-entry.js';
import { withSplit } from '../overlay/with-split.js';
import { resolveRolloutFlag } from './rollout-flag.js';

const migration = (extra: Partial<FlagDefinition> = {}): FlagDefinition => ({
  state: 'ENABLED',
  variants: { off: 'off', shadow: 'shadow', live: 'live', complete: 'complete' },
  defaultVariant: 'shadow',
  metadata: { kind: 'migration', rollbackVariant: 'off' },
  ...extra,
});
const definitions = (flag: FlagDefinition) => new Map([['f', flag]]);

describe(resolveRolloutFlag.name, () => {
  it('keeps git\'s default as the baseline and takes the next stage as the target', () => {
    expect(resolveRolloutFlag(definitions(migration()), 'f')).toMatchObject({ baseline: 'shadow', target: 'live' });
  });

  it('takes the canary of an existing split, or the stage or variant asked for', () => {
    const split = migration({ targeting: { fractional: [['complete', 10], ['shadow', 90]] } });
    expect(resolveRolloutFlag(definitions(split), 'f').target).toBe('complete');
    expect(resolveRolloutFlag(definitions(migration()), 'f', 'complete').target).toBe('complete');
  });

  it('refuses what it cannot roll out, naming why', () => {
    expect(() => resolveRolloutFlag(new Map(), 'f')).toThrow(/none of the flag files/);
    expect(() => resolveRolloutFlag(definitions(migration()), 'f', 'off')).toThrow(/going back is a rollback/);
    expect(() => resolveRolloutFlag(definitions(migration({ metadata: {} })), 'f')).toThrow(/not a migration flag/);
    expect(() => resolveRolloutFlag(definitions(migration({ targeting: { if: [{ $ref: 'beta' }, 'live', { fractional: [['live', 5], ['shadow', 95]] }] } })), 'f')).toThrow(/\$ref/);
    expect(() => resolveRolloutFlag(definitions(migration({ targeting: { if: [{ '==': [1, 1] }, 'live', 'shadow'] } })), 'f')).toThrow(/no fractional split/);
  });
});

describe(withSplit.name, () => {
  it('edits the only split inside rules and keeps its bucketing expression and the rules', () => {
    const targeting = { if: [{ in: [{ var: 'chatId' }, ['a']] }, 'live', { fractional: [{ cat: [{ var: 'chatId' }] }, ['live', 10], ['shadow', 90]] }] };
    expect(withSplit(targeting, { target: 'live', baseline: 'shadow', percent: 25 })).toEqual({
      if: [{ in: [{ var: 'chatId' }, ['a']] }, 'live', { fractional: [{ cat: [{ var: 'chatId' }] }, ['live', 25], ['shadow', 75]] }],
    });
  });

  it('makes the split the targeting of a flag without one, canary first', () => {
    expect(withSplit(undefined, { target: 'live', baseline: 'shadow', percent: 10 })).toEqual({ fractional: [['live', 10], ['shadow', 90]] });
  });
});

describe(rolloutEntry.name, () => {
  it('copies the flag from git, marks it as the controller\'s and never as a rollback', () => {
    const entry = rolloutEntry(migration(), { target: 'live', baseline: 'shadow', percent: 50 }, { runId: 'r', step: 2, startedAt: 't' });
    expect(entry).toMatchObject({ defaultVariant: 'shadow', variants: migration().variants, targeting: { fractional: [['live', 50], ['shadow', 50]] } });
    expect(entry.metadata).toEqual({ kind: 'migration', rollbackVariant: 'off', rolloutBy: 'controller', rolloutRunId: 'r', rolloutStep: 2, rolloutPercent: 50, rolloutStartedAt: 't' });
  });
});
