import { describe, expect, it, vi } from 'vitest';
import { setup } from '../testing/migration-harness.js';
import type { Result } from '../testing/migration-harness.js';
import { Migration } from './migration.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(Migration.name, () => {
  describe('in-flight limit', () => {
    it('frees the slot of a candidate that never settles at the candidate timeout, and counts and reports it', async () => {
      const candidate = vi.fn(() => new Promise<Result>(() => undefined));
      const { migration, sink, logger } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate }, { options: { maxInFlight: 2, candidateTimeoutMs: 20 } });
      for (let i = 0; i < 6; i++) {
        await migration.read(i);
        await sleep(40);
      }
      await vi.waitFor(() => expect(sink.records).toHaveLength(6));
      expect(candidate).toHaveBeenCalledTimes(6);
      expect(sink.records.every((r) => r.candidate.status === 'timeout')).toBe(true);
      expect(migration.stats()).toMatchObject({ inFlight: 0, inFlightSkips: 0, abandonedRuns: 6 });
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('not settled'));
    });

    it('stops counting an abandoned run once it settles', async () => {
      let finish = (): void => undefined;
      const candidate = () => new Promise<Result>((resolve) => (finish = () => resolve({ items: 0 })));
      const { migration, sink } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate }, { options: { candidateTimeoutMs: 20 } });
      await migration.read(1);
      await vi.waitFor(() => expect(sink.records).toHaveLength(1));
      expect(migration.stats().abandonedRuns).toBe(1);
      finish();
      await vi.waitFor(() => expect(migration.stats().abandonedRuns).toBe(0));
    });

    it('reports skips beyond maxInFlight in the log, not only in the counters', async () => {
      const candidate = vi.fn(() => new Promise<Result>(() => undefined));
      const { migration, logger } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate }, { options: { maxInFlight: 1 } });
      await migration.read(1);
      await migration.read(2);
      await vi.waitFor(() => expect(migration.stats().inFlightSkips).toBe(1));
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('maxInFlight'));
    });
  });
});
