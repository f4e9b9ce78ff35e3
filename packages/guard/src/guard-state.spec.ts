import type { RollbackResult } from '@cutover/rollback';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { MIGRATION_METRICS, MigrationMetrics } from '@cutover/hooks';
import { memoryLogger } from '../../hooks/src/testing/migration-flags.js';
import { Guard } from './guard.js';
import { LocalRegistrySource } from './local-registry-source.js';

const FLAG = 'search';

function setup(run: { summaryIntervalMs?: number; recentMs?: number } = {}) {
  const registry = new Registry();
  const metrics = new MigrationMetrics({ registry });
  const logger = memoryLogger();
  const clock = { now: 1_000_000 };
  const rollback = {
    rollback: (): Promise<RollbackResult> =>
      Promise.resolve({ status: 'completed', scope: FLAG, reason: 'availability', flags: [], timings: { localMs: 0, durableMs: 0, totalMs: 0 } }),
  };
  const source = new LocalRegistrySource({ metrics, flagKey: FLAG, now: () => clock.now });
  const guard = new Guard({ flagKey: FLAG, source, rollback, logger, metrics, now: () => clock.now, options: { intervalMs: 5000, ...run } });
  return { registry, metrics, logger, clock, guard };
}

function calls(metrics: MigrationMetrics, n: number, candidate: 'success' | 'timeout' | 'none' = 'success'): void {
  for (let i = 0; i < n; i++) {
    metrics.recordCall(FLAG, 'legacy', 'success', 0.05);
    if (candidate !== 'none') metrics.recordCall(FLAG, 'candidate', candidate, 0.05);
  }
}

describe(Guard.name, () => {
  describe('logging', () => {
    it('logs a verdict when it changes, then only a summary every summaryIntervalMs', async () => {
      const { metrics, logger, clock, guard } = setup({ summaryIntervalMs: 60_000 });
      await guard.evaluateNow();
      calls(metrics, 200);
      // A day at the default 5 s would be 17 280 lines; here 13 minutes of ticks.
      for (let tick = 0; tick < 156; tick++) {
        clock.now += 5000;
        calls(metrics, 2);
        await guard.evaluateNow();
      }
      const lines = logger.lines.filter((l) => l.includes('cutover guard'));
      expect(lines[0]).toMatch(/^info cutover guard "search": insufficient-data over/);
      expect(lines[1]).toMatch(/^info cutover guard "search": healthy over/);
      const summaries = lines.filter((l) => l.includes('still healthy'));
      expect(summaries.length).toBe(12);
      expect(summaries[0]).toMatch(/still healthy \(11 unchanged verdicts since the last line\)/);
      expect(lines).toHaveLength(2 + summaries.length);
    });
  });

  describe('state', () => {
    it('exports 1 for the current state, 0 for the others, when it began and the numbers behind it', async () => {
      const { registry, metrics, clock, guard } = setup();
      await guard.evaluateNow();
      let exposition = await registry.metrics();
      expect(exposition).toContain(`${MIGRATION_METRICS.guardState}{feature_flag_key="${FLAG}",state="holding"} 1`);
      expect(exposition).toContain(`${MIGRATION_METRICS.guardState}{feature_flag_key="${FLAG}",state="healthy"} 0`);
      expect(exposition).toContain(`${MIGRATION_METRICS.guardStateSince}{feature_flag_key="${FLAG}"} 1000`);
      clock.now += 5000;
      calls(metrics, 300);
      await guard.evaluateNow();
      exposition = await registry.metrics();
      expect(exposition).toContain(`${MIGRATION_METRICS.guardState}{feature_flag_key="${FLAG}",state="healthy"} 1`);
      expect(exposition).toContain(`${MIGRATION_METRICS.guardStateSince}{feature_flag_key="${FLAG}"} 1005`);
      expect(exposition).toMatch(new RegExp(`${MIGRATION_METRICS.guardEValue}\\{feature_flag_key="${FLAG}",criterion="error-rate"\\} [0-9.e-]+`));
      expect(exposition).toContain(`${MIGRATION_METRICS.guardObserved}{feature_flag_key="${FLAG}",criterion="error-rate"} 0`);
      expect(exposition).toContain(`${MIGRATION_METRICS.guardApplied}{feature_flag_key="${FLAG}",criterion="latency"} 1`);
    });
  });

  describe('availability', () => {
    it('rolls back a candidate that hangs: every call routed to it times out', async () => {
      const { metrics, guard } = setup();
      calls(metrics, 150, 'timeout');
      const verdict = await guard.evaluateNow();
      expect(verdict?.status).toBe('degraded');
      expect(verdict?.failed).toContain('availability');
      expect(verdict?.checks.find((c) => c.criterion === 'availability')?.summary).toMatch(/answered 0\.00 % of the calls routed to it in time/);
    });

    it('rolls back a canary whose traffic disappears while legacy keeps serving', async () => {
      const { metrics, clock, guard } = setup({ recentMs: 60_000 });
      // A 10 % canary: one candidate call for every nine legacy calls.
      const canary = (requests: number, reaching: boolean): void => {
        for (let i = 0; i < requests; i++) {
          if (reaching && i % 10 === 0) metrics.recordCall(FLAG, 'candidate', 'success', 0.05);
          else metrics.recordCall(FLAG, 'legacy', 'success', 0.05);
        }
      };
      for (let tick = 0; tick < 24; tick++) {
        clock.now += 5000;
        canary(100, true);
        expect((await guard.evaluateNow())?.status).not.toBe('degraded');
      }
      let verdict;
      let ticks = 0;
      do {
        clock.now += 5000;
        canary(100, false);
        verdict = await guard.evaluateNow();
        ticks++;
      } while (verdict?.status !== 'degraded' && ticks < 24);
      expect(verdict?.failed).toEqual(['traffic']);
      // Caught before the recent span (60 s, 12 ticks) is free of the candidate's earlier calls.
      expect(ticks).toBeLessThanOrEqual(12);
      expect(verdict?.checks.find((c) => c.criterion === 'traffic')?.summary).toMatch(/the candidate answered \d+ calls against legacy's \d+ \(0\.\d+× of its earlier share 0\.111, limit 0\.50×\)/);
    });
  });
});
