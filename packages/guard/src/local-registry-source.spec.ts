import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { MigrationMetrics } from '@cutover/hooks';
import { evaluateGuard } from './evaluate-guard.js';
import { LocalRegistrySource } from './local-registry-source.js';

describe(LocalRegistrySource.name, () => {
  it('counts what happened since the window started, and restarts it on demand', async () => {
    let now = 1_000_000;
    const metrics = new MigrationMetrics({ registry: new Registry(), durationBuckets: [0.01, 0.1] });
    metrics.recordCall('search', 'candidate', 'error', 0.05);
    const source = new LocalRegistrySource({ metrics, flagKey: 'search', now: () => now });
    metrics.recordCall('search', 'candidate', 'success', 0.005);
    metrics.recordCall('search', 'legacy', 'success', 0.005);
    now += 30_000;
    const snapshot = await source.snapshot();
    expect(snapshot.windowSeconds).toBe(30);
    expect(snapshot.candidate).toMatchObject({ calls: 1, errors: 0 });
    expect(snapshot.candidate.latency.buckets).toEqual([
      { le: 0.01, count: 1 },
      { le: 0.1, count: 1 },
      { le: Infinity, count: 1 },
    ]);
    source.startWindow();
    metrics.recordCall('search', 'candidate', 'timeout', 0.2);
    expect((await source.snapshot()).candidate).toMatchObject({ calls: 1, errors: 1 });
    expect(source.description).toMatch(/local registry, flag "search"/);
  });

  it('sees a flag whose first call came after the window started', async () => {
    const metrics = new MigrationMetrics({ registry: new Registry() });
    const source = new LocalRegistrySource({ metrics, flagKey: 'later' });
    metrics.recordCall('later', 'legacy', 'success', 0.01);
    expect((await source.snapshot()).legacy.calls).toBe(1);
  });

  it('carries business outcomes and what callers were served, so the success rate is judged on them', async () => {
    const metrics = new MigrationMetrics({ registry: new Registry() });
    const source = new LocalRegistrySource({ metrics, flagKey: 'agent' });
    const path = { type: 'path', flagKey: 'agent', operation: 'read', stage: 'complete', path: 'candidate', authoritative: true, outcome: 'ok', durationMs: 1 } as const;
    for (let i = 0; i < 40; i++) {
      metrics.observe(path);
      metrics.recordOutcome('agent', 'candidate', 'pr_accepted', i % 4 === 0 ? 'success' : 'failure');
    }
    const snapshot = await source.snapshot();
    expect(snapshot.candidate.outcomes).toEqual({ total: 40, successes: 10 });
    expect(snapshot.exposure).toBe(1);
    const verdict = evaluateGuard(snapshot);
    expect(verdict.failed).toEqual(['success-rate']);
  });
});

