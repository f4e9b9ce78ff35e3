import { describe, expect, it, vi } from 'vitest';
import { InMemoryLock } from './in-memory-lock.js';
import type { AcquireOptions, Lock, LockLease } from './lock.js';
import { Migration } from './migration.js';
import type { MigrationEvent, PathEvent } from './migration-events.js';
import type { RunContext } from './run-context.js';
import { stageFlag } from '../testing/stage-client.js';

const FLAG = 'issue-processing';

/** A lock that hands out one fixed lease, to see what the runner does with its fields. */
class FixedLeaseLock implements Lock {
  released = 0;
  constructor(private readonly fields: Pick<LockLease, 'fencingToken' | 'exclusive'>) {}

  async acquire(key: string, _options: AcquireOptions): Promise<LockLease> {
    return { key, ...this.fields, release: async () => void this.released++ };
  }
}

async function setup(stage: string, lock: Lock) {
  const flag = await stageFlag(FLAG, stage);
  const runs: Array<Pick<RunContext, 'path' | 'operation' | 'readonly' | 'fencingToken'>> = [];
  const record = (run: RunContext): void => void runs.push({ path: run.path, operation: run.operation, readonly: run.readonly, fencingToken: run.fencingToken });
  const events: MigrationEvent[] = [];
  const migration = new Migration<number, number, number, void>({
    flagKey: FLAG,
    client: flag.client,
    read: { legacy: (n, run) => (record(run), n), candidate: (n, run) => (record(run), n) },
    write: { legacy: (_n, run) => record(run), candidate: (_n, run) => record(run) },
    lock: { lock, key: String },
    listeners: [(e) => events.push(e)],
    logger: { warn: vi.fn(), error: vi.fn() },
  });
  const skips = (): PathEvent[] => events.filter((e): e is PathEvent => e.type === 'path' && e.outcome === 'skipped');
  return { migration, runs, skips };
}

describe('Migration item lock lease', () => {
  describe('fencing token', () => {
    it('hands the lease token to the authoritative run of a read', async () => {
      const { migration, runs } = await setup('shadow', new FixedLeaseLock({ fencingToken: 41 }));
      await migration.read(1);
      await vi.waitFor(() => expect(runs).toHaveLength(2));
      expect(runs).toContainEqual({ path: 'legacy', operation: 'read', readonly: false, fencingToken: 41 });
    });

    it('hands it to the candidate when it answers (live)', async () => {
      const { migration, runs } = await setup('live', new FixedLeaseLock({ fencingToken: 7 }));
      await migration.read(1);
      expect(runs).toContainEqual({ path: 'candidate', operation: 'read', readonly: false, fencingToken: 7 });
    });

    it('hands it to both writes of dualwrite', async () => {
      const { migration, runs } = await setup('dualwrite', new FixedLeaseLock({ fencingToken: 9 }));
      await migration.write(1);
      expect(runs).toEqual([
        { path: 'legacy', operation: 'write', readonly: false, fencingToken: 9 },
        { path: 'candidate', operation: 'write', readonly: false, fencingToken: 9 },
      ]);
    });

    it('hands the growing tokens of InMemoryLock to successive calls', async () => {
      const { migration, runs } = await setup('off', new InMemoryLock());
      await migration.read(1);
      await migration.read(1);
      const [first, second] = runs.map((r) => r.fencingToken ?? 0);
      expect(second).toBeGreaterThan(first ?? Infinity);
    });
  });

  describe('a lease that is not exclusive', () => {
    it('runs only the authoritative read, and counts and reports the skipped path', async () => {
      const lock = new FixedLeaseLock({ exclusive: false });
      const { migration, runs, skips } = await setup('shadow', lock);
      await expect(migration.read(5)).resolves.toBe(5);
      await new Promise((resolve) => setImmediate(resolve));
      expect(runs.map((r) => r.path)).toEqual(['legacy']);
      expect(skips()).toMatchObject([{ path: 'candidate', skipReason: 'lock-unavailable' }]);
      expect(migration.stats().lockUnavailable).toBe(1);
      expect(lock.released).toBe(1);
    });

    it('writes through the authoritative path only', async () => {
      const { migration, runs, skips } = await setup('rampdown', new FixedLeaseLock({ exclusive: false }));
      await migration.write(5);
      expect(runs.map((r) => r.path)).toEqual(['candidate']);
      expect(skips()).toMatchObject([{ path: 'legacy', operation: 'write', skipReason: 'lock-unavailable' }]);
    });

    it('changes nothing when the stage runs one path anyway', async () => {
      const { migration, skips } = await setup('complete', new FixedLeaseLock({ exclusive: false }));
      await migration.read(5);
      expect(skips()).toEqual([]);
      expect(migration.stats().lockUnavailable).toBe(0);
    });
  });
});
