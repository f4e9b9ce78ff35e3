import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditLog, RollbackOverlay } from '@cutover/provider';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationMetrics } from '../migration/migration-metrics.js';
import { createMigrationFlags, memoryLogger, migrationFlag } from '../testing/migration-flags.js';
import type { MigrationFlags } from '../testing/migration-flags.js';
import { Rollback } from './rollback.js';

let flags: MigrationFlags;
afterEach(async () => {
  await flags?.remove();
});

async function setup() {
  flags = await createMigrationFlags({
    search: migrationFlag('live', { group: 'bots' }),
    planner: migrationFlag('shadow', { group: 'bots' }),
    reports: migrationFlag('live'),
    banner: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
  });
  const overlay = flags.overlay;
  const { provider, client } = await flags.connect({ rollbackOverlay: overlay });
  const metrics = new MigrationMetrics({ registry: new Registry() });
  const audit = new AuditLog(flags.auditPath);
  const logger = memoryLogger();
  const rollback = new Rollback({ provider, overlay: new RollbackOverlay({ path: overlay, files: [flags.file] }), audit, metrics, logger });
  return { provider, client, metrics, audit, logger, rollback };
}

describe(Rollback.name, () => {
  describe('one flag', () => {
    it('serves the rollback variant before the first await, then durably, audited and counted', async () => {
      const { provider, client, metrics, audit, rollback } = await setup();
      const done = rollback.rollback({ flag: 'search' }, 'error_rate', { numbers: { errorRate: 0.2 } });
      // Synchronously after the call: this process already serves the rollback variant.
      expect(provider.evaluate('string', 'search', 'live', {})).toMatchObject({ value: 'off' });
      const result = await done;
      expect(result).toMatchObject({ status: 'completed', scope: 'search', reason: 'error_rate', flags: [{ flagKey: 'search', variant: 'off' }] });
      expect(result.timings.localMs).toBeLessThan(50);
      expect(result.timings.durableMs).toBeGreaterThan(0);
      // The overlay now holds it and the provider serves it from there; the override is lifted.
      expect(provider.getRollbacks()).toEqual(['search']);
      expect(provider.getOverrides()).toEqual({});
      expect(await client.getStringDetails('search', 'live')).toMatchObject({ value: 'off', variant: 'off' });
      expect(await client.getStringValue('reports', 'off')).toBe('live');
      const records = await audit.read();
      expect(records.map((r) => [r.action, r.status, r.scope, r.actor])).toEqual([
        ['rollback', 'initiated', 'search', 'guard'],
        ['rollback', 'completed', 'search', 'guard'],
      ]);
      expect(records[1]?.details).toMatchObject({ errorRate: 0.2, reasonLabel: 'error_rate', timings: { localMs: expect.any(Number) } });
      const exposition = await metrics.config.registry.metrics();
      expect(exposition).toContain('cutover_rollbacks_total{feature_flag_key="search",reason="error_rate",status="completed"} 1');
    });
  });

  describe('scopes', () => {
    it('rolls back a group by metadata.group, and every migration flag with all', async () => {
      const { provider, rollback } = await setup();
      const group = await rollback.emergencyRollback({ group: 'bots' }, 'pager went off', { by: 'cli:alice' });
      expect(group).toMatchObject({ status: 'completed', reason: 'manual', scope: 'group:bots' });
      expect(group.flags.map((f) => f.flagKey).sort()).toEqual(['planner', 'search']);
      const all = await rollback.emergencyRollback({ all: true }, 'everything');
      expect(all.flags.map((f) => f.flagKey).sort()).toEqual(['planner', 'reports', 'search']);
      expect(provider.evaluate('boolean', 'banner', false, {})).toMatchObject({ value: true });
    });
  });

  describe('failures', () => {
    it('fails an unknown flag without touching anything, audited and counted', async () => {
      const { provider, audit, metrics, rollback } = await setup();
      const result = await rollback.rollback({ flag: 'nope' }, 'manual');
      expect(result).toMatchObject({ status: 'failed', flags: [], error: expect.stringMatching(/"nope" is in none of the flag files/) });
      expect(provider.getOverrides()).toEqual({});
      expect((await audit.read()).map((r) => r.status)).toEqual(['initiated', 'failed']);
      expect(await metrics.config.registry.metrics()).toContain('cutover_rollbacks_total{feature_flag_key="nope",reason="manual",status="failed"} 1');
    });

    it('keeps the local override when the overlay cannot be written, and reports failed', async () => {
      const { provider, client, audit, logger } = await setup();
      // The overlay's directory is a file: the durable write cannot happen.
      const blocker = join(flags.dir, 'blocker');
      await writeFile(blocker, 'x');
      const overlay = new RollbackOverlay({ path: join(blocker, 'rollbacks.flagd.json'), files: [flags.file] });
      const rollback = new Rollback({ provider, overlay, audit, logger });
      const result = await rollback.rollback({ flag: 'search' }, 'latency');
      expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/writing the rollback overlay failed/) });
      expect(result.timings.durableMs).toBeNull();
      expect(provider.getOverrides()).toEqual({ search: 'off' });
      expect(await client.getStringValue('search', 'live')).toBe('off');
      expect((await audit.read()).at(-1)).toMatchObject({ status: 'failed', details: { error: expect.any(String) } });
      expect(logger.lines.join()).toMatch(/rollback of search \(latency\) failed/);
    });
  });
});
