// Business outcomes over a fleet: a real Prometheus server (the Debian
// package) scrapes three service processes every second; each serves a
// migration at `live` and, after every call, reports whether the PR it made
// was accepted through the OpenFeature Tracking API (`client.track`), counted
// for the path that served the call's targeting key. The quality of the work
// drops in all three while every call still succeeds and matches; a Guard in
// this process reads the fleet's outcomes through PrometheusSource and rolls
// the flag back on the success rate, through the overlay file all three follow.
// Without prometheus on PATH (or PROMETHEUS) the suite is skipped locally and fails in CI.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-run.js';
import { startPrometheusFleet } from './support/prometheus-fleet.js';
import type { PrometheusFleet } from './support/prometheus-fleet.js';
import { findBinary } from './support/require-binary.js';
import { until } from './support/until.js';

const prometheusBinary = findBinary('prometheus', { envVar: 'PROMETHEUS' });
const FLAG = 'agent.planner';

let fleet: PrometheusFleet | undefined;

describe.skipIf(!prometheusBinary)('business outcomes over a fleet through Prometheus', () => {
  beforeAll(async () => {
    fleet = await startPrometheusFleet(prometheusBinary!, { flagKey: FLAG, stage: 'live', env: { FLEET_OUTCOMES: '1' } });
  });

  afterAll(async () => {
    await fleet?.stop();
  });

  it('rolls the flag back fleet-wide when the PRs the candidate makes stop being accepted', async () => {
    const { prometheus: server, services, dir } = fleet!;
    await until('three instances report outcomes', async () => {
      const up = await server.query(`count(cutover_migration_outcomes_total{feature_flag_key="${FLAG}",path="candidate",event="pr_accepted",result="success"} > 0)`);
      return up[0]?.value[1] === '3' ? true : undefined;
    }, 15_000);
    // The success-rate floor of a team that rolls back below 70 % accepted.
    const { guard, audit, verdicts } = await fleet!.watch({ minSuccessRate: 0.7 });

    // A healthy stretch (95 % accepted): judged, and not rolled back.
    await until('a verdict judging the success rate', async () => (verdicts.some((v) => v.checks.some((c) => c.criterion === 'success-rate' && c.status === 'pass')) ? true : undefined), 15_000);
    expect(verdicts.filter((v) => v.status === 'degraded')).toEqual([]);
    const injectedAt = performance.now();
    await Promise.all(services.map((s) => fetch(`http://127.0.0.1:${s.port}/inject-quality`, { method: 'POST' })));

    const result = await until('the guard trips', async () => guard.latest.rollback, 30_000);
    const trippedAt = performance.now();
    expect(result.status).toBe('completed');
    expect(result.reason).toBe('success_rate');
    const degraded = verdicts.find((v) => v.status === 'degraded')!;
    const check = degraded.checks.find((c) => c.criterion === 'success-rate')!;
    expect(check.status).toBe('fail');
    expect(check.observed).toBeLessThan(0.7);
    // Calls kept succeeding: only the outcomes showed the regression.
    expect(degraded.failed).toEqual(['success-rate']);
    await Promise.all(services.map((s) => until(`instance ${s.port} serves off`, async () => ((await fleet!.stageOf(s)).stage === 'off' ? true : undefined), 10_000)));
    expect((await audit.read()).map((r) => r.status)).toEqual(['initiated', 'completed']);

    // The same numbers in `cutover report`, read from the fleet's Prometheus.
    const report = await runCli(['report', '--json', '--since', '5m', '--migration', FLAG, '--store', join(dir, 'comparisons'), '--prometheus', server.url]);
    expect(report.stderr).toBe('');
    const reported = (JSON.parse(report.stdout) as { outcomes: Record<string, { candidate: { success: number; failure: number } }> }).outcomes[FLAG]!;
    expect(reported.candidate.success + reported.candidate.failure).toBeGreaterThan(check.sample.candidate / 2);
    const text = await runCli(['report', '--migration', FLAG, '--store', join(dir, 'comparisons'), '--prometheus', server.url]);
    expect(text.stdout).toMatch(/business outcomes[\s\S]*agent\.planner[\s\S]*success {5}candidate \d+\.\d+ % of \d+[\s\S]*pr_rejected: candidate/);
    console.log(
      `fleet-outcomes: quality drop → rollback decided ${((trippedAt - injectedAt) / 1000).toFixed(1)} s (scrape 1 s, guard every 1 s), ` +
        `on ${check.sample.candidate.toFixed(0)} outcomes over ${degraded.windowSeconds} s: ${check.summary}`,
    );
  });
});
