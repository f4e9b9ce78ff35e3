import { readFile } from 'node:fs/promises';
import { CutoverProvider, parseFlagFile } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';
import { ProviderEvents } from '@openfeature/server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectRollbackTargets } from '../scope/select-rollback-targets.js';
import type { RollbackScope } from '../scope/rollback-scope.js';
import { rollbackWorkspace } from '../testing/rollback-workspace.js';
import type { RollbackWorkspace } from '../testing/rollback-workspace.js';
import { RollbackOverlay } from './rollback-overlay.js';

const migration = (group: string) => ({
  state: 'ENABLED',
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  defaultVariant: 'live',
  targeting: { fractional: [['live', 50], ['shadow', 50]] },
  metadata: { kind: 'migration', rollbackVariant: 'off', group },
});

let ws: RollbackWorkspace;
let files: string[];
let definitions: Map<string, FlagDefinition>;
const targets = (scope: RollbackScope) => selectRollbackTargets(definitions, scope).targets;

beforeEach(async () => {
  ws = await rollbackWorkspace();
  files = [await ws.write('a.flagd.json', { planner: migration('clambake'), sync: migration('clambake'), food: migration('nutribot'), kill: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' } })];
  definitions = new Map([...parseFlagFile(await readFile(files[0]!, 'utf8'), files[0]!).flags].map(([key, flag]) => [key, flag.definition]));
});
afterEach(() => ws.remove());

describe(RollbackOverlay.name, () => {
  it('writes a valid flagd overlay that serves the rollback variant without targeting', async () => {
    const overlay = new RollbackOverlay(ws.overlay);
    const entries = await overlay.write(targets({ flag: 'planner' }), { reason: 'error rate 12% > 5%', by: 'guard', at: new Date('2026-01-02T03:04:05Z') });
    expect(entries).toEqual([{ flagKey: 'planner', variant: 'off', reason: 'error rate 12% > 5%', at: '2026-01-02T03:04:05.000Z', by: 'guard' }]);
    const text = await readFile(ws.overlay, 'utf8');
    const set = parseFlagFile(text, ws.overlay);
    expect(set.flags.get('planner')!.evaluate({ targetingKey: 'anyone' })).toMatchObject({ value: 'off', reason: 'STATIC' });
    expect(await overlay.list()).toEqual(entries);
  });

  it('keeps every entry when several writers roll back at once', async () => {
    const keys = ['planner', 'sync', 'food'];
    await Promise.all(keys.map((flag) => new RollbackOverlay(ws.overlay).write(targets({ flag }), { reason: 'r', by: flag })));
    expect((await new RollbackOverlay(ws.overlay).list()).map((e) => e.flagKey).sort()).toEqual([...keys].sort());
  });

  it('clears a rollback by scope, a group matched on the files or, for a flag no longer in them, on its entry', async () => {
    const overlay = new RollbackOverlay(ws.overlay);
    await overlay.write(targets({ all: true }), { reason: 'r', by: 'cli' });
    expect(await overlay.clear({ group: 'nutribot' }, definitions)).toEqual(['food']);
    expect((await overlay.list()).map((e) => e.flagKey)).toEqual(['planner', 'sync']);
    expect(await overlay.clear({ group: 'clambake' })).toEqual(['planner', 'sync']);
  });

  it('rolls back a running provider that watches the overlay', async () => {
    const provider = new CutoverProvider({ files, rollbackOverlay: ws.overlay, env: {}, watchDebounceMs: 5 });
    await provider.initialize();
    try {
      expect(provider.evaluate('string', 'planner', 'x', { targetingKey: 'u1' })).toMatchObject({ flagMetadata: { source: 'file' } });
      const changed = new Promise<void>((resolve) => provider.events.addHandler(ProviderEvents.ConfigurationChanged, () => resolve()));
      await new RollbackOverlay(ws.overlay).write(targets({ flag: 'planner' }), { reason: 'latency', by: 'guard' });
      await changed;
      expect(provider.evaluate('string', 'planner', 'x', { targetingKey: 'u1' })).toMatchObject({ value: 'off', flagMetadata: { source: 'rollback', rollbackReason: 'latency' } });
      expect(provider.getRollbacks()).toEqual(['planner']);
    } finally {
      await provider.onClose();
    }
  });
});
