import { describe, expect, it } from 'vitest';
import { Migration } from './migration.js';
import type { MigrationEvent } from './migration-events.js';
import { stageFlag } from '../testing/stage-client.js';

const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined };

describe('Migration fallback to legacy at full cutover', () => {
  for (const stage of ['rampdown', 'complete'] as const) {
    describe(stage, () => {
      it('answers a call the candidate fails with legacy, counted and announced', async () => {
        const flag = await stageFlag(`full-${stage}`, stage);
        const events: MigrationEvent[] = [];
        const migration = new Migration<number, number>({
          flagKey: `full-${stage}`,
          client: flag.client,
          read: { legacy: (n) => n * 2, candidate: (n) => (n % 2 === 0 ? Promise.reject(new Error('candidate bug')) : n * 2) },
          listeners: [(event) => events.push(event)],
          logger: quiet,
          options: { fallbackToLegacy: true },
        });
        await expect(migration.read(2)).resolves.toBe(4);
        await expect(migration.read(3)).resolves.toBe(6);
        expect(migration.stats().fallbacks).toBe(1);
        expect(events.filter((e) => e.type === 'fallback')).toEqual([{ type: 'fallback', flagKey: `full-${stage}`, stage, operation: 'read', cause: 'error' }]);
        // Both the candidate's failure and legacy's answer count, each as what the caller was served.
        const paths = events.flatMap((e) => (e.type === 'path' ? [`${e.path} ${e.outcome} ${e.authoritative}`] : []));
        expect(paths).toEqual(['candidate error true', 'legacy ok true', 'candidate ok true']);
      });

      it('answers with legacy when the candidate hangs past its timeout, and aborts the candidate', async () => {
        const flag = await stageFlag(`hang-${stage}`, stage);
        let aborted = false;
        const migration = new Migration<number, number>({
          flagKey: `hang-${stage}`,
          client: flag.client,
          read: {
            legacy: (n) => n * 2,
            candidate: (_n, run) =>
              new Promise<number>(() => {
                run.signal.addEventListener('abort', () => (aborted = true));
              }),
          },
          logger: quiet,
          options: { fallbackToLegacy: true, candidateTimeoutMs: 20 },
        });
        await expect(migration.read(21)).resolves.toBe(42);
        expect(aborted).toBe(true);
      });

      it("gives the caller the candidate's failure without fallbackToLegacy", async () => {
        const flag = await stageFlag(`plain-${stage}`, stage);
        const migration = new Migration<number, number>({
          flagKey: `plain-${stage}`,
          client: flag.client,
          read: { legacy: (n) => n, candidate: () => Promise.reject(new Error('candidate bug')) },
          logger: quiet,
        });
        await expect(migration.read(1)).rejects.toThrow('candidate bug');
        expect(migration.stats().fallbacks).toBe(0);
      });
    });
  }
});
