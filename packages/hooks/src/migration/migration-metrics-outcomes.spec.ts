import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { MIGRATION_LABELS, OUTCOME_LABELS, OUTCOME_METRICS, OVERFLOW_LABEL_VALUE } from '../conventions.js';
import { MigrationMetrics } from './migration-metrics.js';

async function series(registry: Registry, name: string): Promise<{ labels: Partial<Record<string, string | number>>; value: number }[]> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  return (metric?.values ?? []).map((v) => ({ labels: v.labels, value: v.value }));
}

describe('MigrationMetrics outcomes', () => {
  it('counts business outcomes per path, event and result, every result of a new event exported from 0', async () => {
    const registry = new Registry();
    const metrics = new MigrationMetrics({ registry });
    metrics.recordOutcome('planner', 'candidate', 'pr_accepted', 'success');
    metrics.recordOutcome('planner', 'candidate', 'pr_accepted', 'failure');
    metrics.recordOutcome('planner', 'legacy', 'pr_accepted', 'success');
    expect(metrics.counts('planner').candidate.reported).toEqual({ success: 1, failure: 1 });
    expect(metrics.counts('planner').legacy.reported).toEqual({ success: 1, failure: 0 });
    const exported = await series(registry, OUTCOME_METRICS.outcomes);
    expect(exported).toHaveLength(4);
    expect(exported).toContainEqual({
      labels: { [MIGRATION_LABELS.key]: 'planner', [MIGRATION_LABELS.path]: 'legacy', [OUTCOME_LABELS.event]: 'pr_accepted', [MIGRATION_LABELS.result]: 'failure' },
      value: 0,
    });
  });

  it('caps the event names of a migration, counting the rest under __overflow__', async () => {
    const registry = new Registry();
    const metrics = new MigrationMetrics({ registry, maxOutcomeEvents: 2 });
    for (const event of ['a', 'b', 'c', 'd']) metrics.recordOutcome('planner', 'candidate', event, 'success');
    const events = new Set((await series(registry, OUTCOME_METRICS.outcomes)).map((s) => s.labels[OUTCOME_LABELS.event]));
    expect(events).toEqual(new Set(['a', 'b', OVERFLOW_LABEL_VALUE]));
    expect(metrics.counts('planner').candidate.reported?.success).toBe(4);
  });

  it('counts the calls whose outcome went to the caller, per path', async () => {
    const registry = new Registry();
    const metrics = new MigrationMetrics({ registry });
    const path = { type: 'path', flagKey: 'planner', operation: 'read', stage: 'complete', durationMs: 1 } as const;
    metrics.observe({ ...path, path: 'candidate', authoritative: true, outcome: 'error' });
    metrics.observe({ ...path, path: 'legacy', authoritative: true, outcome: 'ok' });
    metrics.observe({ ...path, path: 'legacy', authoritative: false, outcome: 'ok' });
    metrics.observe({ ...path, path: 'candidate', authoritative: false, outcome: 'skipped' });
    expect(metrics.counts('planner').candidate.served).toBe(1);
    expect(metrics.counts('planner').legacy.served).toBe(1);
    expect((await series(registry, OUTCOME_METRICS.served)).map((s) => s.value)).toEqual([1, 1]);
  });
});
