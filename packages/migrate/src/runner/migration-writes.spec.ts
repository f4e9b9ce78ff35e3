import { describe, expect, it } from 'vitest';
import { FLAG, quietLogger, same } from '../testing/migration-harness.js';
import type { Result } from '../testing/migration-harness.js';
import { stageFlag } from '../testing/stage-client.js';
import { Migration } from './migration.js';
import type { RunContext } from './run-context.js';

describe(Migration.name, () => {
  describe('writes', () => {
    async function writer(stage: string, fail: { legacy?: boolean; candidate?: boolean } = {}) {
      const flag = await stageFlag(FLAG, stage);
      const order: string[] = [];
      const write = (path: 'legacy' | 'candidate') => async (value: string, run: RunContext) => {
        order.push(`${path}:${run.readonly ? 'ro' : 'rw'}`);
        if (fail[path]) throw new Error(`${path} write failed`);
        return `${path}:${value}`;
      };
      const migration = new Migration<number, Result, string, string>({
        flagKey: FLAG,
        client: flag.client,
        read: same,
        write: { legacy: write('legacy'), candidate: write('candidate') },
        logger: quietLogger(),
      });
      return { migration, order };
    }

    it.each([
      ['off', ['legacy:rw'], 'legacy:x'],
      ['dualwrite', ['legacy:rw', 'candidate:rw'], 'legacy:x'],
      ['shadow', ['legacy:rw', 'candidate:rw'], 'legacy:x'],
      ['live', ['candidate:rw', 'legacy:rw'], 'candidate:x'],
      ['rampdown', ['candidate:rw', 'legacy:rw'], 'candidate:x'],
      ['complete', ['candidate:rw'], 'candidate:x'],
    ])('at %s writes %j in that order and returns the authoritative outcome', async (stage, expected, result) => {
      const { migration, order } = await writer(stage);
      await expect(migration.write('x')).resolves.toBe(result);
      expect(order).toEqual(expected);
    });

    it('skips the other write when the authoritative write fails, and rejects with its error', async () => {
      const { migration, order } = await writer('dualwrite', { legacy: true });
      await expect(migration.write('x')).rejects.toThrow('legacy write failed');
      expect(order).toEqual(['legacy:rw']);
    });

    it('returns the authoritative outcome when the other write fails, and counts it', async () => {
      const { migration } = await writer('live', { legacy: true });
      await expect(migration.write('x')).resolves.toBe('candidate:x');
      expect(migration.stats().secondaryWriteFailures).toBe(1);
    });
  });
});
