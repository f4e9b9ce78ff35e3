import { AuditLog, Rollback } from '@cutover/rollback';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMigrationFlags, memoryLogger, migrationFlag } from '../testing/migration-flags.js';
import type { MigrationFlags } from '../testing/migration-flags.js';
import { MigrationMetrics } from './migration-metrics.js';

let flags: MigrationFlags;
afterEach(async () => {
  await flags?.remove();
});

describe(`${MigrationMetrics.name} counting rollbacks`, () => {
  it('counts a Rollback in cutover_rollbacks_total{reason,status} by flag', async () => {
    flags = await createMigrationFlags({ search: migrationFlag('live') });
    const { provider } = await flags.connect({ rollbackOverlay: flags.overlay });
    const metrics = new MigrationMetrics({ registry: new Registry() });
    const rollback = new Rollback({ provider, audit: new AuditLog(flags.auditPath), metrics, logger: memoryLogger() });
    await rollback.rollback({ flag: 'search' }, 'error_rate');
    await rollback.rollback({ flag: 'nope' }, 'manual');
    const exposition = await metrics.config.registry.metrics();
    expect(exposition).toContain('cutover_rollbacks_total{feature_flag_key="search",reason="error_rate",status="completed"} 1');
    expect(exposition).toContain('cutover_rollbacks_total{feature_flag_key="nope",reason="manual",status="failed"} 1');
  });
});
