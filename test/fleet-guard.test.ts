// The guard over a fleet: a real Prometheus server (the Debian package)
// scrapes three service processes every second; each runs a CutoverProvider
// on the same flag files, a Migration under traffic and MigrationMetrics. A
// regression is injected into the candidate of all three; a Guard in this
// process reads the fleet's numbers through PrometheusSource and rolls back
// through the overlay file, which all three processes follow.
// Without prometheus on PATH (or PROMETHEUS) the suite is skipped locally and fails in CI.
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MigrationMetrics } from '@cutover/hooks';
import type { Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrometheusFleet } from './support/prometheus-fleet.js';
import type { PrometheusFleet } from './support/prometheus-fleet.js';
import { findBinary } from './support/require-binary.js';
import { until } from './support/until.js';

const prometheusBinary = findBinary('prometheus', { envVar: 'PROMETHEUS' });
const promtool = findBinary('promtool', { envVar: 'PROMTOOL' });
const FLAG = 'search.ranking';
const quiet: Logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

let fleet: PrometheusFleet | undefined;

describe.skipIf(!prometheusBinary)('guard over a fleet through Prometheus', () => {
  beforeAll(async () => {
    fleet = await startPrometheusFleet(prometheusBinary!, { flagKey: FLAG, stage: 'shadow' });
  });

  afterAll(async () => {
    await fleet?.stop();
  });

  it('rolls a regression in every instance back fleet-wide, on fleet-wide numbers', async () => {
    const { prometheus: server, services, dir, stageOf } = fleet!;
    // All three instances scraped, each with candidate calls.
    await until('three instances up', async () => {
      const up = await server.query(`count(cutover_migration_calls_total{feature_flag_key="${FLAG}",path="candidate",outcome="success"} > 0)`);
      return up[0]?.value[1] === '3' ? true : undefined;
    }, 15_000);
    const { guard, audit, verdicts } = await fleet!.watch();

    // A healthy stretch, then the regression in all three.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(verdicts.filter((v) => v.status === 'degraded')).toEqual([]);
    const injectedAt = performance.now();
    await Promise.all(services.map((s) => fetch(`http://127.0.0.1:${s.port}/inject`, { method: 'POST' })));

    const result = await until('the guard trips', async () => guard.latest.rollback, 20_000);
    const trippedAt = performance.now();
    expect(result.status).toBe('completed');
    expect(['error_rate', 'match_rate']).toContain(result.reason);
    const degraded = verdicts.find((v) => v.status === 'degraded')!;
    // One decision on the fleet's numbers: PromQL summed the three instances' counters.
    const judged = Math.max(...degraded.checks.map((c) => c.sample.candidate));
    const perInstance = await Promise.all(services.map(stageOf));

    // Every instance follows the overlay through its file watch; it was written (performance.now() clock):
    const overlayWrittenAt = (await stat(join(dir, 'rollbacks.flagd.json'))).mtimeMs - performance.timeOrigin;
    const switchedMs = await Promise.all(
      services.map((s) => until(`instance ${s.port} serves off`, async () => ((await stageOf(s)).stage === 'off' ? performance.now() - overlayWrittenAt : undefined), 10_000)),
    );
    expect((await audit.read()).map((r) => r.status)).toEqual(['initiated', 'completed']);

    console.log(
      `fleet-guard: injected → rollback decided ${((trippedAt - injectedAt) / 1000).toFixed(1)} s (scrape 1 s, guard every 1 s), ` +
        `verdict on ${judged.toFixed(0)} candidate calls over ${degraded.windowSeconds} s (the instances made ${perInstance.map((p) => p.calls).join(', ')} calls since they started); ` +
        `verdict → local rollback ${result.timings.localMs?.toFixed(2)} ms; overlay written → instances serve it ${switchedMs.map((ms) => ms.toFixed(0)).join(' / ')} ms`,
    );
    expect(judged).toBeGreaterThan(100);
    for (const ms of switchedMs) expect(ms).toBeLessThan(5000);
    // The paired latency ratios were scraped and read: the latency check had the fleet's timed pairs for its sign test.
    const latency = degraded.checks.find((c) => c.criterion === 'latency')!;
    expect(latency.details.pairedLatency).toBe(1);
    expect(latency.details.timedPairs).toBeGreaterThan(100);
    expect(latency.details.medianPairRatio).toBeGreaterThan(0);
  });
});

describe.skipIf(!promtool)('the migration metrics exposition', () => {
  it('passes promtool check metrics with every series MigrationMetrics writes', async () => {
    const registry = new Registry();
    const metrics = new MigrationMetrics({ registry, logger: quiet });
    metrics.declare(FLAG);
    metrics.observe({ type: 'stage', flagKey: FLAG, operation: 'read', stage: 'shadow', raw: 'shadow', known: true });
    metrics.observe({ type: 'path', flagKey: FLAG, operation: 'read', stage: 'shadow', path: 'candidate', authoritative: false, outcome: 'timeout', durationMs: 2000 });
    metrics.observe({ type: 'comparison', flagKey: FLAG, stage: 'shadow', outcome: 'match', ignored: true, differences: [], noisy: [], legacyMs: 1, candidateMs: 2 });
    metrics.observe({ type: 'comparison', flagKey: FLAG, stage: 'shadow', outcome: 'match', ignored: false, differences: [], noisy: [], legacyMs: 0, candidateMs: 2, legacyStatus: 'ok', candidateStatus: 'ok' });
    metrics.recordRollback(FLAG, 'latency', 'completed');
    metrics.recordOutcome(FLAG, 'candidate', 'pr_accepted', 'success');
    const checked = spawnSync(promtool!, ['check', 'metrics'], { input: await registry.metrics(), encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });
});
