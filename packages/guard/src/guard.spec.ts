import type { RollbackDetails, RollbackReason, RollbackResult, RollbackScope } from '@cutover/rollback';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MigrationMetrics } from '@cutover/hooks';
import { createMigrationFlags, memoryLogger, migrationFlag } from '../../hooks/src/testing/migration-flags.js';
import type { MigrationFlags } from '../../hooks/src/testing/migration-flags.js';
import { Guard } from './guard.js';
import type { GuardSource } from './guard-source.js';
import { LocalRegistrySource } from './local-registry-source.js';

const FLAG = 'search';
let flags: MigrationFlags | undefined;
afterEach(async () => {
  await flags?.remove();
  flags = undefined;
});

/** A rollback that records its calls. */
function recordingRollback() {
  const calls: { scope: RollbackScope; reason: RollbackReason; details: RollbackDetails }[] = [];
  return {
    calls,
    rollback(scope: RollbackScope, reason: RollbackReason, details: RollbackDetails = {}): Promise<RollbackResult> {
      calls.push({ scope, reason, details });
      return Promise.resolve({ status: 'completed', scope: 'search', reason, flags: [], timings: { localMs: 0, durableMs: 0, totalMs: 0 } });
    },
  };
}

function traffic(metrics: MigrationMetrics, calls: number, candidateErrorRate: number): void {
  for (let i = 0; i < calls; i++) {
    metrics.recordCall(FLAG, 'legacy', i % 100 === 0 ? 'error' : 'success', 0.05);
    metrics.recordCall(FLAG, 'candidate', i % Math.round(1 / candidateErrorRate) === 0 ? 'error' : 'success', 0.05);
  }
}

function setup(extra: Partial<ConstructorParameters<typeof Guard>[0]> = {}) {
  const metrics = new MigrationMetrics({ registry: new Registry() });
  const logger = memoryLogger();
  const rollback = recordingRollback();
  const guard = new Guard({ flagKey: FLAG, source: new LocalRegistrySource({ metrics, flagKey: FLAG }), rollback, logger, ...extra });
  return { metrics, logger, rollback, guard };
}

describe(Guard.name, () => {
  describe('verdicts', () => {
    it('logs every verdict with its numbers and rolls nothing back without evidence', async () => {
      const { metrics, logger, rollback, guard } = setup();
      traffic(metrics, 20, 0.5);
      expect((await guard.evaluateNow())?.status).toBe('insufficient-data');
      traffic(metrics, 400, 0.01);
      expect((await guard.evaluateNow())?.status).toBe('healthy');
      expect(logger.lines.at(-1)).toMatch(/^info cutover guard "search": healthy over .* s of local registry.*error-rate pass: .*n \d+/);
      expect(rollback.calls).toEqual([]);
      expect(guard.stats()).toMatchObject({ evaluations: 2, rollbacks: 0 });
    });

    it('rolls back once on degraded, with the reason label and the verdict in the audit numbers', async () => {
      const { metrics, logger, rollback, guard } = setup();
      traffic(metrics, 300, 0.2);
      const verdict = await guard.evaluateNow();
      expect(verdict?.status).toBe('degraded');
      await guard.evaluateNow();
      expect(rollback.calls).toHaveLength(1);
      const [call] = rollback.calls;
      expect(call?.scope).toEqual({ flag: FLAG });
      expect(call?.reason).toBe('error_rate');
      expect(call?.details.by).toBe('guard');
      expect(call?.details.message).toMatch(/^degraded: error-rate fail/);
      const recorded = call?.details.numbers?.verdict as { checks: { criterion: string; summary: string }[] };
      expect(recorded.checks.map((c) => c.criterion)).toContain('error-rate-increase');
      expect(recorded.checks.every((c) => typeof c.summary === 'string')).toBe(true);
      expect(guard.hasTripped).toBe(true);
      expect(guard.latest.rollback?.status).toBe('completed');
      expect(logger.lines.some((l) => l.startsWith('warn cutover guard "search": degraded'))).toBe(true);
    });
  });

  describe('failures', () => {
    it('tries a rollback that did not complete again on the next degraded verdict', async () => {
      const calls: RollbackScope[] = [];
      const flaky = {
        rollback(scope: RollbackScope, reason: RollbackReason): Promise<RollbackResult> {
          calls.push(scope);
          const status: RollbackResult['status'] = calls.length === 1 ? 'failed' : 'completed';
          return Promise.resolve({ status, scope: 'search', reason, flags: [], timings: { localMs: 0, durableMs: 0, totalMs: 0 } });
        },
      };
      const { metrics, logger, guard } = setup({ rollback: flaky });
      traffic(metrics, 300, 0.2);
      await guard.evaluateNow();
      expect(guard.hasTripped).toBe(false);
      expect(logger.lines.some((l) => /did not complete; trying again/.test(l))).toBe(true);
      await guard.evaluateNow();
      expect(calls).toHaveLength(2);
      expect(guard.hasTripped).toBe(true);
      await guard.evaluateNow();
      expect(calls).toHaveLength(2);
    });

    it('counts and logs a failing source, never rejects, and recovers on the next evaluation', async () => {
      let fail = true;
      const metrics = new MigrationMetrics({ registry: new Registry() });
      const local = new LocalRegistrySource({ metrics, flagKey: FLAG });
      const source: GuardSource = {
        description: 'flaky',
        startWindow: () => local.startWindow(),
        snapshot: () => (fail ? Promise.reject(new Error('connection refused')) : local.snapshot()),
      };
      const { logger, guard } = setup({ source });
      await expect(guard.evaluateNow()).resolves.toBeUndefined();
      expect(guard.stats().sourceFailures).toBe(1);
      expect(logger.lines[0]).toMatch(/reading flaky failed .*retrying next tick: connection refused/);
      fail = false;
      expect((await guard.evaluateNow())?.status).toBe('insufficient-data');
    });

    it('contains a throwing onVerdict', async () => {
      const { logger, guard } = setup({
        onVerdict: () => {
          throw new Error('dashboard bug');
        },
      });
      await expect(guard.evaluateNow()).resolves.toBeDefined();
      expect(logger.lines.join()).toMatch(/onVerdict threw: dashboard bug/);
    });
  });

  describe('window', () => {
    it('restarts its window when the flag changes, and re-arms once a rollback is lifted', async () => {
      flags = await createMigrationFlags({ [FLAG]: migrationFlag('shadow') });
      const { provider } = await flags.connect();
      const { metrics, rollback, guard } = setup({ provider });
      traffic(metrics, 300, 0.2);
      provider.override(FLAG, 'live'); // a new stage: a new experiment
      await new Promise((resolve) => setImmediate(resolve));
      expect(guard.stats().windowRestarts).toBe(1);
      expect((await guard.evaluateNow())?.status).toBe('insufficient-data');
      traffic(metrics, 300, 0.2);
      expect((await guard.evaluateNow())?.status).toBe('degraded');
      expect(rollback.calls).toHaveLength(1);
      provider.override(FLAG, 'off'); // what the rollback does: the guard stays tripped
      await new Promise((resolve) => setImmediate(resolve));
      expect(guard.hasTripped).toBe(true);
      provider.clearOverrides(FLAG); // lifted
      await new Promise((resolve) => setImmediate(resolve));
      expect(guard.hasTripped).toBe(false);
      guard.stop();
    });

    it('starts tripped when the flag is already rolled back (a restart after a rollback)', async () => {
      flags = await createMigrationFlags({ [FLAG]: migrationFlag('shadow') });
      const { provider } = await flags.connect();
      provider.override(FLAG, 'off');
      const { metrics, rollback, guard } = setup({ provider });
      expect(guard.hasTripped).toBe(true);
      traffic(metrics, 300, 0.2);
      expect((await guard.evaluateNow())?.status).toBe('degraded');
      expect(rollback.calls).toEqual([]);
      guard.stop();
    });

    it('evaluates on its interval once started, until stopped', async () => {
      const { guard } = setup({ options: { intervalMs: 20 } });
      guard.start();
      await vi.waitFor(() => expect(guard.stats().evaluations).toBeGreaterThanOrEqual(3), { timeout: 5000, interval: 10 });
      guard.stop();
      const seen = guard.stats().evaluations;
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(guard.stats().evaluations).toBe(seen);
    });
  });
});
