import { Migration } from '@cutover/migrate';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATION_LABELS, MIGRATION_METRICS, OVERFLOW_LABEL_VALUE, UNKNOWN_STAGE_LIMITS } from '../conventions.js';
import { createMigrationFlags, memoryLogger, migrationFlag } from '../testing/migration-flags.js';
import type { MigrationFlags } from '../testing/migration-flags.js';
import { MigrationMetrics } from './migration-metrics.js';

let flags: MigrationFlags;
afterEach(() => flags?.remove());

async function series(registry: Registry, name: string): Promise<Record<string, number>> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  return Object.fromEntries((metric?.values ?? []).map((v) => [`${v.labels[MIGRATION_LABELS.key]}${v.labels[MIGRATION_LABELS.value] === undefined ? '' : `/${v.labels[MIGRATION_LABELS.value]}`}`, v.value]));
}

async function migrationOn(env: Record<string, string>, flagKey: string) {
  flags = await createMigrationFlags({ search: migrationFlag('shadow') });
  const { client } = await flags.connect({ env });
  const registry = new Registry();
  const metrics = new MigrationMetrics({ registry });
  const migration = new Migration<number, number>({ flagKey, client, read: { legacy: (n) => n, candidate: (n) => n }, logger: memoryLogger() });
  metrics.attach(migration);
  return { registry, migration };
}

describe(MigrationMetrics.name, () => {
  describe('stage problems', () => {
    it('counts values served that are not stages, by value', async () => {
      const { registry, migration } = await migrationOn({ FF_NUTRIBOT: 'true' }, 'NUTRIBOT');
      await migration.read(1);
      await migration.read(2);
      expect(await series(registry, MIGRATION_METRICS.unknownStage)).toEqual({ 'NUTRIBOT/true': 2 });
      expect(await series(registry, MIGRATION_METRICS.flagNotFound)).toEqual({ NUTRIBOT: 0 });
    });

    it('counts evaluations of a key no layer defines, from 0', async () => {
      const { registry, migration } = await migrationOn({}, 'serach');
      expect(await series(registry, MIGRATION_METRICS.flagNotFound)).toEqual({ serach: 0 });
      await migration.read(1);
      expect(await series(registry, MIGRATION_METRICS.flagNotFound)).toEqual({ serach: 1 });
    });

    it('bounds the value label: cut to its length, overflow past its count', async () => {
      const metrics = new MigrationMetrics({ registry: new Registry() });
      const long = 'x'.repeat(100);
      for (const raw of [long, ...Array.from({ length: UNKNOWN_STAGE_LIMITS.values + 2 }, (_, i) => `v${i}`)]) {
        metrics.observe({ type: 'stage', flagKey: 'search', operation: 'read', stage: 'off', raw, known: false });
      }
      const values = await series(metrics.config.registry, MIGRATION_METRICS.unknownStage);
      expect(Object.keys(values)).toHaveLength(UNKNOWN_STAGE_LIMITS.values + 1);
      expect(values[`search/${'x'.repeat(UNKNOWN_STAGE_LIMITS.length)}`]).toBe(1);
      expect(values[`search/${OVERFLOW_LABEL_VALUE}`]).toBe(3);
    });
  });
});
