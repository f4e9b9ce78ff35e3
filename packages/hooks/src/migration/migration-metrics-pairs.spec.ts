import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { ComparisonEvent } from '@cutover/migrate';
import type { ObservationStatus } from '@cutover/migrate';
import { MIGRATION_METRICS } from '../conventions.js';
import { MigrationMetrics } from './migration-metrics.js';

const FLAG = 'search';

function compared(legacyStatus: ObservationStatus, candidateStatus: ObservationStatus): ComparisonEvent {
  return {
    type: 'comparison', flagKey: FLAG, stage: 'shadow', outcome: legacyStatus === candidateStatus ? 'match' : 'mismatch',
    ignored: false, differences: [], noisy: [], legacyMs: 10, candidateMs: 12, legacyStatus, candidateStatus,
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

  describe('stages and latency sketch', () => {
    it('counts calls per stage served and keeps every duration in the sketch', () => {
      const metrics = new MigrationMetrics({ registry: new Registry() });
      for (const stage of ['shadow', 'shadow', 'live'] as const) metrics.observe({ type: 'stage', flagKey: FLAG, operation: 'read', stage, raw: stage, known: true });
      metrics.recordCall(FLAG, 'candidate', 'success', 0.05);
      const counts = metrics.counts(FLAG);
      expect(counts.stages).toEqual({ shadow: 2, live: 1 });
      expect(Array.from(counts.candidate.sketch ?? []).reduce((a, b) => a + b, 0)).toBe(1);
    });
  });
});
