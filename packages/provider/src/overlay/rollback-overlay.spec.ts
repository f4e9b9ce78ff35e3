import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProviderEvents } from '@openfeature/server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CutoverProvider } from '../cutover-provider.js';
import { parseFlagFile } from '../flags/parse-flag-file.js';
import { createFlagDir } from '../testing/flag-dir.js';
import type { FlagDir } from '../testing/flag-dir.js';
import { RollbackError, RollbackOverlay } from './rollback-overlay.js';

const migration = (group: string) => ({
  state: 'ENABLED',
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  defaultVariant: 'live',
  targeting: { fractional: [['live', 50], ['shadow', 50]] },
  metadata: { kind: 'migration', rollbackVariant: 'off', group },
});

let dir: FlagDir;
let files: string[];
let overlayPath: string;
beforeEach(async () => {
  dir = await createFlagDir();
  files = [await dir.write('a.flagd.json', { planner: migration('clambake'), sync: migration('clambake'), food: migration('nutribot'), kill: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' } })];
  overlayPath = join(dir.path, 'rollbacks.flagd.json');
});
afterEach(() => dir.remove());

describe(RollbackOverlay.name, () => {
  it('writes a valid flagd overlay that serves the rollback variant without targeting', async () => {
    const overlay = new RollbackOverlay({ path: overlayPath, files });
    const entries = await overlay.rollback({ flag: 'planner' }, { reason: 'error rate 12% > 5%', by: 'guard', at: new Date('2026-01-02T03:04:05Z') });
    expect(entries).toEqual([{ flagKey: 'planner', variant: 'off', reason: 'error rate 12% > 5%', at: '2026-01-02T03:04:05.000Z', by: 'guard' }]);
    const text = await readFile(overlayPath, 'utf8');
    const set = parseFlagFile(text, overlayPath);
    expect(set.flags.get('planner')!.evaluate({ targetingKey: 'anyone' })).toMatchObject({ value: 'off', reason: 'STATIC' });
    expect(await overlay.list()).toEqual(entries);
  });

  it('rolls back a group or every migration, never a flag that is not a migration', async () => {
    const overlay = new RollbackOverlay({ path: overlayPath, files });
    expect((await overlay.rollback({ group: 'clambake' }, { reason: 'r', by: 'cli' })).map((e) => e.flagKey)).toEqual(['planner', 'sync']);
    expect((await overlay.rollback({ all: true }, { reason: 'r', by: 'cli' })).map((e) => e.flagKey)).toEqual(['planner', 'sync', 'food']);
    await expect(overlay.rollback({ flag: 'kill' }, { reason: 'r', by: 'cli' })).rejects.toThrow(RollbackError);
    await expect(overlay.rollback({ flag: 'ghost' }, { reason: 'r', by: 'cli' })).rejects.toThrow(/none of the flag files/);
  });

  it('keeps every entry when several writers roll back at once', async () => {
    const keys = ['planner', 'sync', 'food'];
    await Promise.all(keys.map((flag) => new RollbackOverlay({ path: overlayPath, files }).rollback({ flag }, { reason: 'r', by: flag })));
    expect((await new RollbackOverlay({ path: overlayPath, files }).list()).map((e) => e.flagKey).sort()).toEqual([...keys].sort());
  });

  it('clears a rollback by scope', async () => {
    const overlay = new RollbackOverlay({ path: overlayPath, files });
    await overlay.rollback({ all: true }, { reason: 'r', by: 'cli' });
    expect(await overlay.clear({ group: 'nutribot' })).toEqual(['food']);
    expect((await overlay.list()).map((e) => e.flagKey)).toEqual(['planner', 'sync']);
  });

  it('rolls back a running provider that watches the overlay', async () => {
    const provider = new CutoverProvider({ files, rollbackOverlay: overlayPath, env: {}, watchDebounceMs: 5 });
    await provider.initialize();
    try {
      expect(provider.evaluate('string', 'planner', 'x', { targetingKey: 'u1' })).toMatchObject({ flagMetadata: { source: 'file' } });
      const changed = new Promise<void>((resolve) => provider.events.addHandler(ProviderEvents.ConfigurationChanged, () => resolve()));
      await new RollbackOverlay({ path: overlayPath, files }).rollback({ flag: 'planner' }, { reason: 'latency', by: 'guard' });
      await changed;
      expect(provider.evaluate('string', 'planner', 'x', { targetingKey: 'u1' })).toMatchObject({ value: 'off', flagMetadata: { source: 'rollback', rollbackReason: 'latency' } });
      expect(provider.getRollbacks()).toEqual(['planner']);
    } finally {
      await provider.onClose();
    }
  });
});
