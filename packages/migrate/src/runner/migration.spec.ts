import type { Comparison } from '@cutover/comparators';
import { describe, expect, it, vi } from 'vitest';
import { ItemLockedError } from '../migration-error.js';
import { FLAG, fieldComparator, gate, quietLogger, same, setup } from '../testing/migration-harness.js';
import type { Result } from '../testing/migration-harness.js';
import { stageFlag } from '../testing/stage-client.js';
import { InMemoryLock } from './in-memory-lock.js';
import { Migration } from './migration.js';
import type { MigrationEvent } from './migration-events.js';
import type { Implementations } from './migration-init.js';
import type { RunContext } from './run-context.js';

describe(Migration.name, () => {
  describe('off', () => {
    it('runs legacy only', async () => {
      const candidate = vi.fn((n: number) => ({ items: n }));
      const { migration, paths } = await setup('off', { legacy: (n) => ({ items: n * 2 }), candidate });
      await expect(migration.read(2)).resolves.toEqual({ items: 4 });
      expect(candidate).not.toHaveBeenCalled();
      expect(paths().map((e) => [e.path, e.outcome])).toEqual([['legacy', 'ok']]);
    });

    it("returns legacy's error to the caller", async () => {
      const { migration } = await setup('off', { legacy: () => Promise.reject(new Error('legacy down')), candidate: same.candidate });
      await expect(migration.read(1)).rejects.toThrow('legacy down');
    });
  });

  describe('complete', () => {
    it('runs the candidate only', async () => {
      const legacy = vi.fn((n: number) => ({ items: n }));
      const { migration } = await setup('complete', { legacy, candidate: (n) => ({ items: n + 1 }) });
      await expect(migration.read(1)).resolves.toEqual({ items: 2 });
      expect(legacy).not.toHaveBeenCalled();
    });
  });

  describe('unknown stage', () => {
    it('runs as off, counts it and reports it once', async () => {
      const candidate = vi.fn((n: number) => ({ items: n }));
      const { migration, events, logger } = await setup('sideways', { legacy: (n) => ({ items: n }), candidate });
      await migration.read(1);
      await migration.read(2);
      expect(candidate).not.toHaveBeenCalled();
      expect(migration.stats().unknownStages).toBe(2);
      expect(logger.error).toHaveBeenCalledTimes(1);
      expect(events.find((e) => e.type === 'stage')).toMatchObject({ stage: 'off', raw: 'sideways', known: false });
    });

    it('logs at error level with the value and how a boolean flag gets a stage', async () => {
      const { migration, logger } = await setup('true', same);
      await migration.read(1);
      expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/served "true", which is not a stage.*running as "off".*stages: \{ "search-migration": \{ true: "live", false: "off" \} \}/));
    });
  });

  describe('flag not found', () => {
    it('runs as off, counts it and logs the provider\'s message once at error level', async () => {
      const candidate = vi.fn((n: number) => ({ items: n }));
      const { migration, logger, events } = await setup('live', { legacy: (n) => ({ items: n }), candidate }, { flagKey: 'search-migraton' });
      await migration.read(1);
      await migration.read(2);
      expect(candidate).not.toHaveBeenCalled();
      expect(migration.stats()).toMatchObject({ flagNotFound: 2, unknownStages: 0 });
      expect(logger.error).toHaveBeenCalledTimes(1);
      expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/^migration "search-migraton": no flag of this key exists: .*running as "off"/));
      expect(events.find((e) => e.type === 'stage')).toMatchObject({ stage: 'off', known: true, errorCode: 'FLAG_NOT_FOUND' });
    });
  });

  describe('shadow', () => {
    it("returns legacy's result as soon as legacy finishes, before the candidate does", async () => {
      const candidateDone = gate();
      const { migration, comparisons } = await setup('shadow', {
        legacy: (n) => ({ items: n }),
        candidate: async (n) => {
          await candidateDone.promise;
          return { items: n };
        },
      });
      await expect(migration.read(3)).resolves.toEqual({ items: 3 });
      expect(comparisons()).toHaveLength(0);
      candidateDone.open();
      await vi.waitFor(() => expect(comparisons()).toHaveLength(1));
      expect(comparisons()[0]?.outcome).toBe('match');
    });

    it("returns legacy's error, and the candidate's errors never reach the caller", async () => {
      const { migration, comparisons } = await setup('shadow', { legacy: () => ({ items: 1 }), candidate: () => Promise.reject(new Error('candidate bug')) });
      await expect(migration.read(1)).resolves.toEqual({ items: 1 });
      await vi.waitFor(() => expect(comparisons()[0]?.outcome).toBe('mismatch'));
      const failing = await setup('shadow', { legacy: () => Promise.reject(new Error('legacy down')), candidate: same.candidate });
      await expect(failing.migration.read(1)).rejects.toThrow('legacy down');
    });

    it('runs the candidate read-only with an abort signal, and legacy as the authoritative run', async () => {
      const runs: RunContext[] = [];
      const { migration, comparisons } = await setup('shadow', {
        legacy: (n, run) => (runs.push(run), { items: n }),
        candidate: (n, run) => (runs.push(run), { items: n }),
      });
      await migration.read(1);
      await vi.waitFor(() => expect(comparisons()).toHaveLength(1));
      expect(runs.map((r) => [r.path, r.readonly, r.stage])).toEqual([
        ['legacy', false, 'shadow'],
        ['candidate', true, 'shadow'],
      ]);
      expect(runs[1]?.signal).toBeInstanceOf(AbortSignal);
    });

    it('records a mismatch with its differences, values and input', async () => {
      const { migration, sink } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate: (n) => ({ items: n + 1 }) }, { compare: fieldComparator });
      await migration.read(5);
      await vi.waitFor(() => expect(sink.records).toHaveLength(1));
      expect(sink.records[0]).toMatchObject({
        flagKey: FLAG,
        stage: 'shadow',
        outcome: 'mismatch',
        input: 5,
        legacy: { status: 'ok', value: { items: 5 } },
        candidate: { status: 'ok', value: { items: 6 } },
        differences: [{ path: '$.items', legacy: 5, candidate: 6 }],
      });
    });

    it('keeps matches small: no values and no input', async () => {
      const { migration, sink } = await setup('shadow', same);
      await migration.read(5);
      await vi.waitFor(() => expect(sink.records).toHaveLength(1));
      expect(sink.records[0]).not.toHaveProperty('input');
      expect(sink.records[0]?.legacy).not.toHaveProperty('value');
    });

    it('stops waiting for a candidate beyond candidateTimeoutMs, aborts its signal and records a timeout', async () => {
      let signal: AbortSignal | undefined;
      const { migration, sink, paths } = await setup(
        'shadow',
        { legacy: (n) => ({ items: n }), candidate: (_n, run) => ((signal = run.signal), new Promise<Result>(() => undefined)) },
        { options: { candidateTimeoutMs: 20 } },
      );
      await migration.read(1);
      await vi.waitFor(() => expect(sink.records).toHaveLength(1));
      expect(signal?.aborted).toBe(true);
      expect(sink.records[0]).toMatchObject({ outcome: 'mismatch', candidate: { status: 'timeout' } });
      expect(paths().find((e) => e.path === 'candidate')?.outcome).toBe('timeout');
    });

    it('skips the candidate beyond maxInFlight and counts it', async () => {
      const hold = gate();
      const candidate = vi.fn(async (n: number) => (await hold.promise, { items: n }));
      const { migration, paths } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate }, { options: { maxInFlight: 2 } });
      for (let i = 0; i < 5; i++) await migration.read(i);
      await vi.waitFor(() => expect(candidate).toHaveBeenCalledTimes(2));
      expect(migration.stats()).toMatchObject({ inFlightSkips: 3, inFlight: 2 });
      expect(paths().filter((e) => e.skipReason === 'in-flight-limit')).toHaveLength(3);
      hold.open();
      await vi.waitFor(() => expect(migration.stats().inFlight).toBe(0));
    });

    it('runs the candidate on the sampled fraction only', async () => {
      const candidate = vi.fn((n: number) => ({ items: n }));
      const { migration, paths } = await setup('shadow', { legacy: (n) => ({ items: n }), candidate }, { options: { sampleRatio: 0 } });
      await migration.read(1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(candidate).not.toHaveBeenCalled();
      expect(paths().find((e) => e.path === 'candidate')).toMatchObject({ outcome: 'skipped', skipReason: 'unsampled' });
    });

    it('reports a throwing comparator as a comparison error, counted, never to the caller', async () => {
      const compare = (): Comparison => {
        throw new Error('comparator bug');
      };
      const { migration, comparisons } = await setup('shadow', same, { compare });
      await expect(migration.read(1)).resolves.toEqual({ items: 1 });
      await vi.waitFor(() => expect(comparisons()[0]?.outcome).toBe('error'));
      expect(migration.stats().callbackFailures.compare).toBe(1);
    });

    it('contains throwing listeners, ignorers, cleaners and stores', async () => {
      const boom = (): never => {
        throw new Error('callback bug');
      };
      const flag = await stageFlag(FLAG, 'shadow');
      const seen: MigrationEvent[] = [];
      const migration = new Migration<number, Result>({
        flagKey: FLAG,
        client: flag.client,
        read: { legacy: (n) => ({ items: n }), candidate: (n) => ({ items: n + 1 }) },
        listeners: [boom, (e) => seen.push(e)],
        ignore: [boom],
        clean: boom,
        store: { record: () => Promise.reject(new Error('disk full')) },
        logger: quietLogger(),
      });
      await expect(migration.read(1)).resolves.toEqual({ items: 1 });
      await vi.waitFor(() => expect(migration.stats().callbackFailures.store).toBe(1));
      expect(migration.stats().callbackFailures).toMatchObject({ ignore: 1, clean: 2 });
      expect(migration.stats().callbackFailures.listener).toBeGreaterThan(2);
      expect(seen.some((e) => e.type === 'comparison')).toBe(true);
    });

    it('counts a mismatch an ignorer accepts as a match flagged ignored', async () => {
      const { migration, comparisons } = await setup('shadow', { legacy: () => ({ items: 1 }), candidate: () => ({ items: 2 }) }, { ignore: [() => true] });
      await migration.read(1);
      await vi.waitFor(() => expect(comparisons()).toHaveLength(1));
      expect(comparisons()[0]).toMatchObject({ outcome: 'match', ignored: true });
    });

    it('compares two errors with compareErrors', async () => {
      const fail = (message: string) => () => Promise.reject(new Error(message));
      const { migration, comparisons } = await setup('shadow', { legacy: fail('not found'), candidate: fail('not found') });
      await expect(migration.read(1)).rejects.toThrow('not found');
      await vi.waitFor(() => expect(comparisons()[0]?.outcome).toBe('match'));
    });
  });

  describe('live', () => {
    it("returns the candidate's result and compares it with legacy", async () => {
      const { migration, comparisons } = await setup('live', { legacy: (n) => ({ items: n }), candidate: (n) => ({ items: n + 1 }) });
      await expect(migration.read(1)).resolves.toEqual({ items: 2 });
      await vi.waitFor(() => expect(comparisons()[0]?.outcome).toBe('mismatch'));
    });

    it("returns the candidate's error without fallbackToLegacy", async () => {
      const { migration } = await setup('live', { legacy: same.legacy, candidate: () => Promise.reject(new Error('candidate bug')) });
      await expect(migration.read(1)).rejects.toThrow('candidate bug');
    });

    it("returns legacy's result on a candidate error or timeout with fallbackToLegacy, and counts it", async () => {
      const { migration, events } = await setup(
        'live',
        { legacy: (n) => ({ items: n }), candidate: (n) => (n === 1 ? Promise.reject(new Error('candidate bug')) : new Promise<Result>(() => undefined)) },
        { options: { fallbackToLegacy: true, candidateTimeoutMs: 20 } },
      );
      await expect(migration.read(1)).resolves.toEqual({ items: 1 });
      await expect(migration.read(2)).resolves.toEqual({ items: 2 });
      expect(migration.stats().fallbacks).toBe(2);
      expect(events.filter((e) => e.type === 'fallback').map((e) => e.type === 'fallback' && e.cause)).toEqual(['error', 'timeout']);
    });
  });

  describe('noise cancellation', () => {
    const noisy: Implementations<number, Result> = { legacy: (n) => ({ items: n, at: Math.random() }), candidate: (n) => ({ items: n, at: Math.random() }) };

    it('excludes fields where legacy disagrees with itself and reports them as noisy', async () => {
      const { migration, comparisons } = await setup('shadow', noisy, { compare: fieldComparator, options: { noiseRatio: 1 } });
      await migration.read(1);
      await vi.waitFor(() => expect(comparisons()).toHaveLength(1));
      expect(comparisons()[0]).toMatchObject({ outcome: 'match', noisy: ['$.at'], differences: [] });
      expect(migration.stats().noisyPaths).toEqual(['$.at']);
    });

    it('still reports real differences beside the noise', async () => {
      const { migration, comparisons } = await setup('shadow', { ...noisy, candidate: (n) => ({ items: n + 1, at: 0 }) }, { compare: fieldComparator, options: { noiseRatio: 1 } });
      await migration.read(1);
      await vi.waitFor(() => expect(comparisons()).toHaveLength(1));
      expect(comparisons()[0]).toMatchObject({ outcome: 'mismatch', noisy: ['$.at'], differences: [{ path: '$.items' }] });
    });

    it('counts noise as a mismatch without the second legacy run', async () => {
      const { migration, comparisons } = await setup('shadow', noisy, { compare: fieldComparator });
      await migration.read(1);
      await vi.waitFor(() => expect(comparisons()[0]?.outcome).toBe('mismatch'));
    });
  });

  describe('item lock', () => {
    it('refuses a second call on an item while the first holds it, and frees it afterwards', async () => {
      const flag = await stageFlag(FLAG, 'off');
      const hold = gate();
      const lock = new InMemoryLock();
      const migration = new Migration<number, Result>({
        flagKey: FLAG,
        client: flag.client,
        read: { legacy: async (n) => (n === 7 && (await hold.promise), { items: n }), candidate: same.candidate },
        lock: { lock, key: (n) => String(n) },
      });
      const first = migration.read(7);
      await vi.waitFor(() => expect(lock.isHeld(`${FLAG}:7`)).toBe(true));
      await expect(migration.read(7)).rejects.toBeInstanceOf(ItemLockedError);
      await expect(migration.read(8)).resolves.toEqual({ items: 8 });
      hold.open();
      await expect(first).resolves.toEqual({ items: 7 });
      await expect(migration.read(7)).resolves.toEqual({ items: 7 });
    });
  });

  describe('canary', () => {
    it("evaluates the stage with the caller's context, so a targeting key picks the path", async () => {
      const flag = await stageFlag(FLAG, 'off', (context) => (context.targetingKey === 'chat-1' ? 'complete' : 'off'));
      const migration = new Migration<number, Result>({ flagKey: FLAG, client: flag.client, read: { legacy: () => ({ items: 0 }), candidate: () => ({ items: 1 }) } });
      await expect(migration.read(0, { targetingKey: 'chat-1' })).resolves.toEqual({ items: 1 });
      await expect(migration.read(0, { targetingKey: 'chat-2' })).resolves.toEqual({ items: 0 });
    });
  });
});
