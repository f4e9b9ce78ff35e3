import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidOptionError } from '@cutover/core';
import { FLAG, quietLogger } from '../testing/migration-harness.js';
import { stageFlag } from '../testing/stage-client.js';
import { Migration } from './migration.js';
import type { MigrationOptions } from './migration-config.js';
import type { RunContext } from './run-context.js';

afterEach(() => vi.unstubAllEnvs());

async function planner(stage: string, options: MigrationOptions, simulate = true) {
  const flag = await stageFlag(FLAG, stage);
  const runs: string[] = [];
  const read = (path: string) => (issue: number, run: RunContext) => {
    runs.push(`read ${path}:${run.readonly ? 'ro' : 'rw'}`);
    return { issue };
  };
  const write = (path: string) => (issue: number) => {
    runs.push(`write ${path}`);
    return `${path} commented on #${issue}`;
  };
  const logger = quietLogger();
  const migration = new Migration<number, { issue: number }, number, string>({
    flagKey: FLAG,
    client: flag.client,
    read: { legacy: read('legacy'), candidate: read('candidate') },
    write: { legacy: write('legacy'), candidate: write('candidate') },
    ...(simulate && { simulateWrite: (issue: number) => `simulated comment on #${issue}` }),
    logger,
    options,
  });
  return { migration, runs, logger };
}

describe(Migration.name, () => {
  describe('read-only mode', () => {
    it.each(['off', 'shadow', 'live', 'complete'])('at %s runs no write and answers with the simulation, counted', async (stage) => {
      const { migration, runs, logger } = await planner(stage, { readOnly: true });
      await expect(migration.write(7)).resolves.toBe('simulated comment on #7');
      await migration.write(8);
      expect(runs).toEqual([]);
      expect(migration.stats().simulatedWrites).toBe(2);
      expect(logger.info).toHaveBeenCalledTimes(1);
    });

    it('resolves a write without a simulation with undefined', async () => {
      const { migration, runs } = await planner('dualwrite', { readOnly: true }, false);
      await expect(migration.write(7)).resolves.toBeUndefined();
      expect(runs).toEqual([]);
    });

    it('runs every read, the one the caller gets included, with readonly: true', async () => {
      const { migration, runs } = await planner('live', { readOnly: true });
      await migration.read(1);
      await vi.waitFor(() => expect(runs).toHaveLength(2));
      expect(runs.sort()).toEqual(['read candidate:ro', 'read legacy:ro']);
    });

    it('is off by default: the caller’s read is read-write and writes run', async () => {
      const { migration, runs } = await planner('live', {});
      await migration.read(1);
      await expect(migration.write(2)).resolves.toBe('candidate commented on #2');
      expect(runs).toContain('read candidate:rw');
    });

    it("follows the team's own environment variable, read when the migration is made", async () => {
      vi.stubEnv('CLAMBAKE_READONLY', '1');
      const on = await planner('live', { readOnly: { env: 'CLAMBAKE_READONLY' } });
      await expect(on.migration.write(3)).resolves.toBe('simulated comment on #3');
      vi.stubEnv('CLAMBAKE_READONLY', 'false');
      const off = await planner('live', { readOnly: { env: 'CLAMBAKE_READONLY' } });
      await expect(off.migration.write(3)).resolves.toBe('candidate commented on #3');
    });

    it('refuses an environment value that is not a boolean, naming the variable', async () => {
      vi.stubEnv('CLAMBAKE_READONLY', 'maybe');
      await expect(planner('live', { readOnly: { env: 'CLAMBAKE_READONLY' } })).rejects.toThrow(InvalidOptionError);
      await expect(planner('live', { readOnly: { env: 'CLAMBAKE_READONLY' } })).rejects.toThrow(/CLAMBAKE_READONLY.*"maybe"/);
    });

    it('follows a boolean flag per call, and stays read-only when the flag cannot be evaluated', async () => {
      const provider = new InMemoryProvider({
        [FLAG]: { variants: { live: 'live' }, defaultVariant: 'live', disabled: false },
        'clambake-readonly': { variants: { on: true, off: false }, defaultVariant: 'on', disabled: false },
      });
      await OpenFeature.setProviderAndWait('read-only-switch', provider);
      const client = OpenFeature.getClient('read-only-switch');
      const logger = quietLogger();
      const writes: number[] = [];
      const make = (flag: string) =>
        new Migration<number, number, number, string>({
          flagKey: FLAG,
          client,
          read: { legacy: (n) => n, candidate: (n) => n },
          write: { legacy: (n) => String(writes.push(n)), candidate: (n) => String(writes.push(n)) },
          simulateWrite: () => 'simulated',
          logger,
          options: { readOnly: { flag } },
        });
      const migration = make('clambake-readonly');
      await expect(migration.write(1)).resolves.toBe('simulated');
      provider.putConfiguration({
        [FLAG]: { variants: { live: 'live' }, defaultVariant: 'live', disabled: false },
        'clambake-readonly': { variants: { on: true, off: false }, defaultVariant: 'off', disabled: false },
      });
      await expect(migration.write(2)).resolves.toBe('1');
      await expect(make('clambake-readonyl').write(3)).resolves.toBe('simulated');
      expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/"clambake-readonyl" could not be evaluated \(FLAG_NOT_FOUND\); running read-only/));
      // live writes both paths; only the call the switch let through wrote.
      expect(writes).toEqual([2, 2]);
    });
  });
});
