import { describe, expect, it } from 'vitest';
import { startTestDashboard } from '../testing/start-test-dashboard.js';
import { checkDependencies } from './check-dependencies.js';
import type { DependencyCheck } from './dependency-check.js';
import type { HealthReport } from './health-report.js';

/** `/health` of a dashboard started with `checks`, which is removed again. */
async function healthWith(checks: readonly DependencyCheck[]): Promise<{ status: number; body: HealthReport }> {
  const dashboard = await startTestDashboard({ checks });
  try {
    const response = await fetch(`${dashboard.url}/health`);
    return { status: response.status, body: (await response.json()) as HealthReport };
  } finally {
    await dashboard.remove();
  }
}

describe(checkDependencies.name, () => {
  it('reports each of the application’s checks with status and latency, beside Cutover’s own', async () => {
    const checks: DependencyCheck[] = [
      { name: 'telegram', check: async () => undefined },
      { name: 'openai', check: async () => ({ status: 'warn', message: 'rate limited: 3 of 60 requests left' }) },
    ];
    const { status, body } = await healthWith(checks);
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.checks.telegram).toMatchObject({ status: 'pass', message: 'ok', critical: false, latencyMs: expect.any(Number) });
    expect(body.checks.openai).toMatchObject({ status: 'warn', message: 'rate limited: 3 of 60 requests left' });
    expect(body.checks.flagFiles).toMatchObject({ status: 'pass' });
  });

  it('fails only the check that throws or hangs (its signal aborted), and a critical failure makes /health unhealthy', async () => {
    let aborted = false;
    const checks: DependencyCheck[] = [
      { name: 'storage', critical: true, check: () => Promise.reject(new Error('EACCES: data/ is not writable')) },
      { name: 'openai', timeoutMs: 50, check: (signal) => new Promise<void>(() => signal.addEventListener('abort', () => (aborted = true))) },
      { name: 'telegram', check: () => undefined },
    ];
    const { status, body } = await healthWith(checks);
    expect(status).toBe(503);
    expect(body.status).toBe('unhealthy');
    expect(body.checks.storage).toMatchObject({ status: 'fail', critical: true, message: 'EACCES: data/ is not writable' });
    expect(body.checks.openai).toMatchObject({ status: 'fail', message: 'timed out after 50 ms' });
    expect(body.checks.openai!.latencyMs).toBeLessThan(1000);
    expect(aborted).toBe(true);
    expect(body.checks.telegram).toMatchObject({ status: 'pass' });
  });
});
