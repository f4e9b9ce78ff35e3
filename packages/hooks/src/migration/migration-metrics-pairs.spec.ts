import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { ComparisonEvent } from '@cutover/migrate';
import type { ObservationStatus } from '@cutover/migrate';
import { MIGRATION_METRICS } from '../conventions.js';
import { subtractCounts } from './migration-counts.js';
import { MigrationMetrics } from './migration-metrics.js';

const FLAG = 'search';

function compared(legacyStatus: ObservationStatus, candidateStatus: ObservationStatus, legacyMs = 10, candidateMs = 12): ComparisonEvent {
  return {
    type: 'comparison', flagKey: FLAG, stage: 'shadow', outcome: legacyStatus === candidateStatus ? 'match' : 'mismatch',
    ignored: false, differences: [], noisy: [], legacyMs, candidateMs, legacyStatus, candidateStatus,
  };
}

describe(MigrationMetrics.name, () => {
  describe('paired calls', () => {
    it('counts each compared request by how its two paths ended, a timeout as a failure', async () => {
      const registry = new Registry();
      const metrics = new MigrationMetrics({ registry });
      for (const [legacy, candidate] of [['ok', 'ok'], ['ok', 'ok'], ['error', 'ok'], ['ok', 'timeout'], ['ok', 'error'], ['timeout', 'error']] as const) {
        metrics.observe(compared(legacy, candidate));
      }
      expect(metrics.counts(FLAG).pairs).toEqual({ both_ok: 2, legacy_error: 1, candidate_error: 2, both_error: 1 });
      const exposition = await registry.metrics();
      expect(exposition).toContain(`${MIGRATION_METRICS.pairedCalls}{feature_flag_key="${FLAG}",pair="candidate_error"} 2`);
    });

    it('counts no pair for a hand-made comparison event without the paths\' statuses', () => {
      const metrics = new MigrationMetrics({ registry: new Registry() });
      const { legacyStatus: _legacy, candidateStatus: _candidate, ...event } = compared('ok', 'ok');
      metrics.observe(event);
      expect(metrics.counts(FLAG).comparisons.match).toBe(1);
      expect(metrics.counts(FLAG).pairs).toEqual({ both_ok: 0, legacy_error: 0, candidate_error: 0, both_error: 0 });
    });
  });

  describe('paired latency ratio', () => {
    it('records candidate over legacy duration for the pairs that both succeeded, in the local counts and the exposition', async () => {
      const registry = new Registry();
      const metrics = new MigrationMetrics({ registry });
      metrics.observe(compared('ok', 'ok', 10, 12));
      metrics.observe(compared('ok', 'ok', 10, 30));
      metrics.observe(compared('ok', 'ok', 10, 9));
      // A failure's duration is how fast it failed: not timed.
      metrics.observe(compared('ok', 'error', 10, 1));
      metrics.observe(compared('timeout', 'ok', 2000, 12));
      const ratios = metrics.counts(FLAG).pairedLatencyRatio!;
      const at = (le: number) => ratios.find((b) => b.le === le)?.count;
      expect(ratios.at(-1)).toEqual({ le: Infinity, count: 3 });
      expect([at(0.9), at(1), at(1.2), at(2.5), at(3)]).toEqual([1, 1, 2, 2, 3]);
      const exposition = await registry.metrics();
      expect(exposition).toContain(`${MIGRATION_METRICS.pairedLatencyRatio}_bucket{le="1.2",feature_flag_key="${FLAG}"} 2`);
      expect(exposition).toContain(`${MIGRATION_METRICS.pairedLatencyRatio}_count{feature_flag_key="${FLAG}"} 3`);
    });

    it('subtracts like every other count over a window', () => {
      const metrics = new MigrationMetrics({ registry: new Registry() });
      metrics.observe(compared('ok', 'ok', 10, 30));
      const before = metrics.counts(FLAG);
      metrics.observe(compared('ok', 'ok', 10, 11));
      const window = subtractCounts(metrics.counts(FLAG), before).pairedLatencyRatio!;
      expect(window.at(-1)?.count).toBe(1);
      expect(window.find((b) => b.le === 1.1)?.count).toBe(1);
    });
  });

  describe('stages and native durations', () => {
    it('counts calls per stage served and keeps every duration in the native buckets', () => {
      const metrics = new MigrationMetrics({ registry: new Registry() });
      for (const stage of ['shadow', 'shadow', 'live'] as const) metrics.observe({ type: 'stage', flagKey: FLAG, operation: 'read', stage, raw: stage, known: true });
      metrics.recordCall(FLAG, 'candidate', 'success', 0.05);
      const counts = metrics.counts(FLAG);
      expect(counts.stages).toEqual({ shadow: 2, live: 1 });
      expect(Array.from(counts.candidate.native?.counts ?? []).reduce((a, b) => a + b, 0) + (counts.candidate.native?.zeroCount ?? 0)).toBe(1);
    });
  });
});
