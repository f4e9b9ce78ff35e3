import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { GuardVerdict } from '@cutover/guard';
import { CutoverProvider } from '@cutover/provider';
import type { Layer } from '@cutover/provider';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestDashboard } from '../testing/start-test-dashboard.js';
import type { TestDashboard } from '../testing/start-test-dashboard.js';
import type { MigrationsResponse } from '../api/list-migrations.js';
import { checkHealth } from './check-health.js';
import { overallStatus } from './health-report.js';
import type { CheckResult, HealthReport } from './health-report.js';

let dashboard: TestDashboard | undefined;
afterEach(async () => {
  await dashboard?.remove();
  dashboard = undefined;
});

const health = async (): Promise<{ status: number; body: HealthReport }> => {
  const response = await fetch(`${dashboard!.url}/health`);
  return { status: response.status, body: (await response.json()) as HealthReport };
};

const verdict = (status: GuardVerdict['status']): GuardVerdict => ({ status, failed: status === 'degraded' ? ['error-rate'] : [], checks: [], significance: 0.05, windowSeconds: 60, summary: `${status}: error rate 9 % > 5 %` });

describe(checkHealth.name, () => {
  it('is healthy with valid files and a writable store; flagd and guard say "not configured"; reports version and uptime', async () => {
    dashboard = await startTestDashboard();
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'healthy', version: expect.stringMatching(/^\d+\.\d+\.\d+/), uptime: expect.any(Number) });
    expect(body.checks.flagFiles).toMatchObject({ status: 'pass', critical: true, latencyMs: expect.any(Number) });
    expect(body.checks.comparisonStore).toMatchObject({ status: 'pass', message: expect.stringMatching(/readable and writable/) });
    expect(body.checks.flagd).toMatchObject({ status: 'skipped', message: 'not configured' });
    expect(body.checks.guard).toMatchObject({ status: 'skipped', message: 'not configured' });
  });

  it('warns while flagd is unreachable and the files answer, and passes once it is connected', async () => {
    const remote: Layer & { available: boolean } = { name: 'remote', available: false, resolve: () => undefined };
    const provider = new CutoverProvider({ remote, watch: false, env: {} });
    dashboard = await startTestDashboard({ provider });
    expect((await health()).body.checks.flagd).toMatchObject({ status: 'warn', message: expect.stringMatching(/unreachable/) });
    remote.available = true;
    expect((await health()).body.checks.flagd).toMatchObject({ status: 'pass', message: 'connected' });
  });

  it('is degraded (200) when a flag file edit is rejected: the last good version keeps serving', async () => {
    dashboard = await startTestDashboard();
    await writeFile(dashboard.flagFile, '{ "flags": ');
    await dashboard.provider.reloadFile(dashboard.flagFile);
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.checks.flagFiles).toMatchObject({ status: 'warn', message: expect.stringMatching(/core\.flagd\.json/) });
  });

  it('is degraded when the store directory cannot be written', async () => {
    const blocker = join(await mkdtemp(join(tmpdir(), 'cutover-blocker-')), 'a-file');
    await writeFile(blocker, '');
    // A directory cannot be created under a regular file.
    dashboard = await startTestDashboard({ storeDirectory: join(blocker, 'comparisons') });
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.checks.comparisonStore!.status).toBe('fail');
    expect(body.status).toBe('degraded');
    await rm(dirname(blocker), { recursive: true, force: true });
  });

  it('is unhealthy (503) without any flag file', async () => {
    dashboard = await startTestDashboard({ provider: undefined, flagsDir: '/nonexistent/flags' });
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.status).toBe('unhealthy');
    expect(body.checks.flagFiles!.status).toBe('fail');
  });

  it('reports a guard that judged its migration degraded as a warning', async () => {
    dashboard = await startTestDashboard({ guards: { search: { latest: { verdict: verdict('degraded') }, hasTripped: true } } });
    const { body } = await health();
    expect(body.checks.guard).toMatchObject({ status: 'warn', message: expect.stringMatching(/^search \(rolled back\): degraded/) });
    const migrations = (await (await fetch(`${dashboard.url}/api/migrations`)).json()) as MigrationsResponse;
    expect(migrations.migrations[1]!.guard).toMatchObject({ status: 'degraded', tripped: true, failed: ['error-rate'] });
  });
});

describe(overallStatus.name, () => {
  const check = (status: CheckResult['status'], critical = false): CheckResult => ({ status, critical, message: '', latencyMs: 0 });

  it('is unhealthy on a critical failure, degraded on any other failure or warning, healthy otherwise', () => {
    expect(overallStatus([check('pass', true), check('skipped')])).toBe('healthy');
    expect(overallStatus([check('pass', true), check('fail')])).toBe('degraded');
    expect(overallStatus([check('warn', true), check('pass')])).toBe('degraded');
    expect(overallStatus([check('fail', true), check('pass')])).toBe('unhealthy');
  });
});
