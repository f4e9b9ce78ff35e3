import { MigrationMetrics } from '@cutover/hooks';
import { Migration } from '@cutover/migrate';
import { CutoverProvider } from '@cutover/provider';
import { OpenFeature } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestDashboard } from '../testing/start-test-dashboard.js';
import type { TestDashboard } from '../testing/start-test-dashboard.js';
import type { HealthReport } from './health-report.js';
import { checkMigrationFlags, STAGE_PROBLEM_RECENT_MS } from './check-migration-flags.js';

const QUIET = { error() {}, warn() {}, info() {}, debug() {} };
let dashboard: TestDashboard | undefined;
let domain = 0;
afterEach(async () => {
  await OpenFeature.close();
  await dashboard?.remove();
  dashboard = undefined;
});

/** A dashboard whose registry holds the migration metrics of one migration on the dashboard's provider. */
async function dashboardWith(flagKey: string, env: Record<string, string> = {}) {
  const registry = new Registry();
  dashboard = await startTestDashboard({ registry });
  const name = `check-migration-flags-${domain++}`;
  await OpenFeature.setProviderAndWait(name, new CutoverProvider({ files: [dashboard.flagFile], watch: false, env, logger: QUIET }));
  const migration = new Migration<number, number>({ flagKey, client: OpenFeature.getClient(name), read: { legacy: (n) => n, candidate: (n) => n }, logger: QUIET });
  new MigrationMetrics({ registry }).attach(migration);
  return { registry, migration };
}

const health = async (): Promise<HealthReport> => (await (await fetch(`${dashboard!.url}/health`)).json()) as HealthReport;

describe(checkMigrationFlags.name, () => {
  it('is skipped without migration metrics, passes while every flag serves a stage', async () => {
    expect(await checkMigrationFlags({ registry: new Registry() })).toMatchObject({ status: 'skipped' });
    const { migration } = await dashboardWith('search');
    await migration.read(1);
    expect((await health()).checks.migrationFlags).toMatchObject({ status: 'pass', critical: false });
  });

  it('fails /health (degraded) on a migration key that no flag source defines, naming it', async () => {
    const { migration } = await dashboardWith('serach');
    await migration.read(1);
    const report = await health();
    expect(report.status).toBe('degraded');
    expect(report.checks.migrationFlags).toMatchObject({ status: 'fail', message: '"serach" is defined by no flag source (1 call(s) ran as off)' });
  });

  it('fails on a value that is not a stage, and warns once it has stopped for a while', async () => {
    const { registry, migration } = await dashboardWith('NUTRIBOT', { FF_NUTRIBOT: 'true' });
    await migration.read(1);
    const now = Date.now();
    expect(await checkMigrationFlags({ registry }, now)).toMatchObject({ status: 'fail', message: 'NUTRIBOT served "true", not a stage (1 call(s) ran as off)' });
    expect(await checkMigrationFlags({ registry }, now + STAGE_PROBLEM_RECENT_MS + 1)).toMatchObject({ status: 'warn', message: expect.stringMatching(/^no longer happening: NUTRIBOT/) });
  });
});
