import { describe, expect, it, vi } from 'vitest';
import { gate, setup } from '../testing/migration-harness.js';
import type { Result } from '../testing/migration-harness.js';
import { Migration } from './migration.js';

const after = (ms: number, value: Result): Promise<Result> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe(Migration.name, () => {
  describe("read preference 'fastest'", () => {
    it.each(['shadow', 'live'])('at %s answers with the first success and compares both once the slower arrives', async (stage) => {
      const slow = gate();
      const { migration, sink } = await setup(stage, {
        legacy: async (n) => {
          await slow.promise;
          return { items: n };
        },
        candidate: (n) => after(5, { items: n }),
      }, { options: { readPreference: 'fastest' } });
      await expect(migration.read(3)).resolves.toEqual({ items: 3 });
      expect(sink.records).toHaveLength(0);
      await new Promise((resolve) => setTimeout(resolve, 40));
      slow.open();
      await vi.waitFor(() => expect(sink.records).toHaveLength(1));
      const [record] = sink.records;
      expect(record).toMatchObject({ outcome: 'match', legacy: { status: 'ok' }, candidate: { status: 'ok' } });
      // Each path keeps its own duration: the slow one is not cut to the answer's.
      expect(record!.legacy.durationMs).toBeGreaterThanOrEqual(35);
      expect(record!.candidate.durationMs).toBeLessThan(record!.legacy.durationMs);
    });

    it('answers with the other path when the first to finish fails, and with the stage’s error when both fail', async () => {
      const failing = await setup('live', { legacy: (n) => after(10, { items: n }), candidate: () => Promise.reject(new Error('candidate down')) }, { options: { readPreference: 'fastest' } });
      await expect(failing.migration.read(4)).resolves.toEqual({ items: 4 });
      await vi.waitFor(() => expect(failing.sink.records[0]).toMatchObject({ outcome: 'mismatch', candidate: { status: 'error' } }));
      const both = await setup('live', { legacy: () => Promise.reject(new Error('legacy down')), candidate: () => Promise.reject(new Error('candidate down')) }, { options: { readPreference: 'fastest' } });
      await expect(both.migration.read(4)).rejects.toThrow('candidate down');
    });

    it('leaves stages that run one path alone', async () => {
      const { migration, paths } = await setup('complete', { legacy: () => ({ items: -1 }), candidate: (n) => ({ items: n }) }, { options: { readPreference: 'fastest' } });
      await expect(migration.read(2)).resolves.toEqual({ items: 2 });
      expect(paths().map((p) => p.path)).toEqual(['candidate']);
    });
  });
});
