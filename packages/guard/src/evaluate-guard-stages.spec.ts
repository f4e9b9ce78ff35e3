import { describe, expect, it } from 'vitest';
import { evaluateGuard } from './evaluate-guard.js';
import type { GuardSnapshot, PathWindow } from './guard-snapshot.js';
import { resolveGuardConfig } from './resolve-guard-config.js';

// 1 000 calls per path; the candidate's latencies twice legacy's (fine buckets 2 % apart).
const BOUNDS = Array.from({ length: 200 }, (_, i) => 0.01 * 1.02 ** i);
function path(scale: number, errors = 10): PathWindow {
  let running = 0;
  const buckets = BOUNDS.map((le) => {
    // A uniform spread of latencies over [0.02, 0.06] × scale.
    running = Math.round(1000 * Math.min(1, Math.max(0, (le / scale - 0.02) / 0.04)));
    return { le, count: running };
  });
  return { calls: 1000, errors, latency: { buckets: [...buckets, { le: Infinity, count: 1000 }] }, share: 1 };
}

function slowCandidate(stages?: readonly string[]): GuardSnapshot {
  return { windowSeconds: 60, legacy: path(1), candidate: path(2), ...(stages ? { stages } : {}) };
}

describe(evaluateGuard.name, () => {
  describe('stages', () => {
    it('reports a slow candidate in shadow without rolling back: it is off the caller\'s path', () => {
      const verdict = evaluateGuard(slowCandidate(['shadow']));
      expect(verdict.status).toBe('healthy');
      expect(verdict.failed).toEqual([]);
      expect(verdict.reported).toEqual(['latency']);
      const latency = verdict.checks.find((c) => c.criterion === 'latency')!;
      expect(latency).toMatchObject({ status: 'fail', applied: false, applicability: "not applied at shadow: candidate off the caller's path" });
      expect(verdict.summary).toMatch(/^healthy; reported, not rolled back: latency fail \(not applied at shadow: candidate off the caller's path\)/);
    });

    it.each([['live'], ['rampdown'], ['complete']])('rolls back a slow candidate at %s, where it answers the caller', (stage) => {
      const verdict = evaluateGuard(slowCandidate([stage]));
      expect(verdict.failed).toEqual(['latency']);
      expect(verdict.checks.find((c) => c.criterion === 'latency')?.applicability).toBe(`applied at ${stage}: candidate on the caller's path`);
    });

    it('applies latency to a canary split when any of its stages serves the candidate', () => {
      expect(evaluateGuard(slowCandidate(['live', 'shadow'])).failed).toEqual(['latency']);
    });

    it('rolls back on latency in shadow too when offPathLatency says so', () => {
      expect(evaluateGuard(slowCandidate(['shadow']), resolveGuardConfig({ offPathLatency: 'rollback' })).failed).toEqual(['latency']);
    });

    it('says why every other criterion applies, and applies all of them when the stages are unknown', () => {
      const verdict = evaluateGuard(slowCandidate());
      expect(verdict.failed).toEqual(['latency']);
      expect(verdict.checks.find((c) => c.criterion === 'error-rate')).toMatchObject({ applied: true, applicability: 'applies at every stage' });
    });

    it('does not hold the verdict for a check that does not apply', () => {
      const young: GuardSnapshot = { ...slowCandidate(['shadow']), legacy: { ...path(1), latency: { buckets: [{ le: Infinity, count: 50 }] } } };
      expect(evaluateGuard(young).checks.find((c) => c.criterion === 'latency')?.status).toBe('insufficient-data');
      expect(evaluateGuard(young).status).toBe('healthy');
    });
  });
});
