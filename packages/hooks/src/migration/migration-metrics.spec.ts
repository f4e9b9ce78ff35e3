import { Migration } from '@cutover/migrate';
import type { PathEvent } from '@cutover/migrate';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIGRATION_METRICS } from '../conventions.js';
import { InvalidOptionError } from '@cutover/core';
import { createMigrationFlags, memoryLogger, migrationFlag } from '../testing/migration-flags.js';
import type { MigrationFlags } from '../testing/migration-flags.js';
import { MigrationMetrics } from './migration-metrics.js';

const FLAG = 'search';
let flags: MigrationFlags;

afterEach(async () => {
  await flags?.remove();
});

/** The value of one series in the registry's JSON, matching every given label. */
async function value(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const values = (await registry.getMetricsAsJSON()).flatMap((m) => m.values.map((v) => ({ ...v, name: 'metricName' in v && typeof v.metricName === 'string' ? v.metricName : m.name })));
  return values.find((v) => v.name === name && Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l))?.value;
}

async function shadowMigration(candidate: (n: number) => number | Promise<number>) {
  flags = await createMigrationFlags({ [FLAG]: migrationFlag('shadow') });
  const { client } = await flags.connect();
  const registry = new Registry();
  const metrics = new MigrationMetrics({ registry });
  const migration = new Migration<number, number>({ flagKey: FLAG, client, read: { legacy: (n) => n, candidate }, logger: memoryLogger() });
  metrics.attach(migration);
  return { registry, metrics, migration };
}

describe(MigrationMetrics.name, () => {
  describe('runner events', () => {
    it('counts the runs that did not happen by path and reason: a lock that cannot make its lease exclusive shows as lock-unavailable', async () => {
      flags = await createMigrationFlags({ [FLAG]: migrationFlag('shadow') });
      const { client } = await flags.connect();
      const registry = new Registry();
      const metrics = new MigrationMetrics({ registry });
      // As RedisItemLock answers while Redis is down under the fail-open policy: a lease, not exclusive.
      const lock = { acquire: async (key: string) => ({ key, exclusive: false, release: async () => {} }) };
      const migration = new Migration<number, number>({ flagKey: FLAG, client, read: { legacy: (n) => n, candidate: (n) => n }, lock: { lock, key: String }, logger: memoryLogger() });
      metrics.attach(migration);
      for (let n = 1; n <= 3; n++) await migration.read(n);
      const skipped = (path: string, reason: string) => value(registry, MIGRATION_METRICS.skipped, { feature_flag_key: FLAG, path, reason });
      expect(await skipped('candidate', 'lock-unavailable')).toBe(3);
      expect(await skipped('candidate', 'unsampled')).toBe(0);
      expect(await skipped('legacy', 'lock-unavailable')).toBe(0);
      expect(migration.stats().lockUnavailable).toBe(3);
    });

    it('counts calls per path and outcome, durations per path, comparisons by result and the stage served', async () => {
      const { registry, migration } = await shadowMigration((n) => {
        if (n % 4 === 0) throw new Error('candidate bug');
        return n % 3 === 0 ? n + 1 : n;
      });
      for (let n = 1; n <= 12; n++) await migration.read(n);
      const calls = (path: string, outcome: string) => value(registry, MIGRATION_METRICS.calls, { feature_flag_key: FLAG, path, outcome });
      // The candidate runs off the caller's path: wait for its twelve runs, however loaded the machine.
      await vi.waitFor(async () => expect(((await calls('candidate', 'success')) ?? 0) + ((await calls('candidate', 'error')) ?? 0)).toBe(12), { timeout: 5000 });
      expect(await calls('legacy', 'success')).toBe(12);
      expect(await calls('candidate', 'success')).toBe(9);
      expect(await calls('candidate', 'error')).toBe(3);
      expect(await calls('candidate', 'timeout')).toBe(0);
      expect(await value(registry, `${MIGRATION_METRICS.duration}_count`, { feature_flag_key: FLAG, path: 'candidate' })).toBe(12);
      // 3, 6, 9 mismatch (12 threw: an error on one side only is a mismatch too).
      const comparisons = (result: string) => value(registry, MIGRATION_METRICS.comparisons, { feature_flag_key: FLAG, result });
      expect((await comparisons('match'))! + (await comparisons('mismatch'))!).toBe(12);
      expect(await comparisons('mismatch')).toBeGreaterThanOrEqual(3);
      expect(await value(registry, MIGRATION_METRICS.stage, { feature_flag_key: FLAG, stage: 'shadow' })).toBe(1);
    });

    it('creates every rollback counter at 0 when a migration is attached, so the first rollback is an increase', async () => {
      const { registry } = await shadowMigration((n) => n);
      const exposition = await registry.metrics();
      expect(exposition).toContain(`${MIGRATION_METRICS.rollbacks}{feature_flag_key="${FLAG}",reason="error_rate",status="completed"} 0`);
      expect(exposition).toContain(`${MIGRATION_METRICS.rollbacks}{feature_flag_key="${FLAG}",reason="manual",status="failed"} 0`);
      expect(exposition).toContain(`${MIGRATION_METRICS.calls}{feature_flag_key="${FLAG}",path="candidate",outcome="timeout"} 0`);
    });

    it('counts a run shed by the in-flight bound as rejected, and other skips not at all', () => {
      const metrics = new MigrationMetrics({ registry: new Registry() });
      const skip = (skipReason: PathEvent['skipReason']): PathEvent => ({
        type: 'path', flagKey: FLAG, operation: 'read', stage: 'shadow', path: 'candidate', authoritative: false, outcome: 'skipped', durationMs: 0, skipReason,
      });
      metrics.observe(skip('in-flight-limit'));
      metrics.observe(skip('unsampled'));
      expect(metrics.counts(FLAG).candidate.outcomes).toEqual({ success: 0, error: 0, timeout: 0, rejected: 1 });
    });
  });

  describe('containment', () => {
    it('never lets a failing update reach the caller; counts and logs it', () => {
      const logger = memoryLogger();
      const metrics = new MigrationMetrics({ registry: new Registry(), logger });
      const broken: PathEvent = {
        type: 'path', flagKey: FLAG, operation: 'read', stage: 'shadow', path: 'legacy', authoritative: true, outcome: 'ok',
        get durationMs(): number {
          throw new Error('broken event');
        },
      };
      expect(() => metrics.observe(broken)).not.toThrow();
      expect(metrics.stats().failures).toBe(1);
      expect(logger.lines.join()).toMatch(/broken event/);
    });
  });

  describe('bounds', () => {
    it('counts flags past maxFlags under __overflow__', () => {
      const metrics = new MigrationMetrics({ registry: new Registry(), maxFlags: 1 });
      metrics.recordCall('a', 'legacy', 'success', 0.01);
      metrics.recordCall('b', 'legacy', 'success', 0.01);
      metrics.recordCall('c', 'legacy', 'error', 0.01);
      expect(metrics.counts('a').legacy.outcomes.success).toBe(1);
      expect(metrics.counts('b').legacy.outcomes.success).toBe(0);
    });

    it('refuses a second instance on the same registry, naming the option', () => {
      const registry = new Registry();
      new MigrationMetrics({ registry });
      expect(() => new MigrationMetrics({ registry })).toThrow(InvalidOptionError);
    });
  });

  describe('durations', () => {
    it('puts a duration in the first bucket whose bound is at least it, as Prometheus does', () => {
      const metrics = new MigrationMetrics({ registry: new Registry(), durationBuckets: [0.01, 0.02, 0.04] });
      for (const seconds of [0.005, 0.01, 0.015, 0.05]) metrics.recordCall(FLAG, 'candidate', 'success', seconds);
      expect(metrics.counts(FLAG).candidate.buckets).toEqual([
        { le: 0.01, count: 2 },
        { le: 0.02, count: 3 },
        { le: 0.04, count: 3 },
        { le: Infinity, count: 4 },
      ]);
    });

    it('counts a runner call with an impossible duration (NaN, negative, infinite) but times only the possible ones, and keeps scraping', async () => {
      const registry = new Registry();
      const metrics = new MigrationMetrics({ registry });
      for (const durationMs of [Number.NaN, -5, Infinity, 12]) {
        metrics.observe({ type: 'path', flagKey: FLAG, operation: 'read', stage: 'shadow', path: 'candidate', authoritative: false, outcome: 'ok', durationMs });
      }
      await expect(registry.metrics()).resolves.toContain(MIGRATION_METRICS.duration);
      expect(await value(registry, MIGRATION_METRICS.calls, { path: 'candidate', outcome: 'success' })).toBe(4);
      expect(await value(registry, `${MIGRATION_METRICS.duration}_count`, { path: 'candidate' })).toBe(1);
      expect(await value(registry, `${MIGRATION_METRICS.duration}_sum`, { path: 'candidate' })).toBeCloseTo(0.012, 9);
      expect(Array.from(metrics.counts(FLAG).candidate.native?.counts ?? []).reduce((a, b) => a + b, 0)).toBe(1);
    });
  });
});
