import { describe, expect, it } from 'vitest';
import { evaluateGuard } from './evaluate-guard.js';
import type { GuardConfig } from './guard-config.js';
import type { GuardSnapshot, LatencyHistogram, PathWindow } from './guard-snapshot.js';
import type { GuardCriterion } from './guard-verdict.js';
import { resolveGuardConfig } from './resolve-guard-config.js';

// Bounds 2^(1/4) ≈ 1.19 apart, so shifting counts by 4 buckets doubles every latency.
const BOUNDS = Array.from({ length: 24 }, (_, i) => 0.01 * 2 ** (i / 4));
// A right-skewed latency shape: fractions of calls per bucket, summing to 1.
const SHAPE = [0, 0, 0.02, 0.08, 0.15, 0.2, 0.18, 0.13, 0.09, 0.06, 0.04, 0.025, 0.015, 0.008, 0.002];

/** A histogram of `calls` with the shape above, every latency multiplied by 2^(shift/4). */
function latency(calls: number, shift = 0): LatencyHistogram {
  let running = 0;
  const buckets = BOUNDS.map((le, i) => {
    running += Math.round((SHAPE[i - shift] ?? 0) * calls);
    return { le, count: running };
  });
  return { buckets: [...buckets, { le: Infinity, count: calls }] };
}

function path(calls: number, overrides: Partial<PathWindow> = {}): PathWindow {
  return {
    calls,
    errors: Math.round(calls * 0.01),
    latency: latency(calls),
    share: 1,
    outcomes: { total: calls, successes: Math.round(calls * 0.9) },
    ...overrides,
  };
}

/** Shadow stage: both paths ran every one of `calls` requests, all criteria have input. */
function snapshot(calls: number, candidate: Partial<PathWindow> = {}, matchRate = 0.99): GuardSnapshot {
  return {
    windowSeconds: 600,
    legacy: path(calls),
    candidate: path(calls, candidate),
    comparisons: { total: calls, matches: Math.round(calls * matchRate) },
  };
}

const defaults = resolveGuardConfig();

describe(evaluateGuard.name, () => {
  describe('minimum sample', () => {
    it('gives no verdict below the minimum sample, however bad the candidate looks', () => {
      // 40 calls per path: throughput, which counts both paths, sees 80 < 100 too.
      const verdict = evaluateGuard(snapshot(40, { errors: 20, outcomes: { total: 40, successes: 4 } }, 0.5));
      expect(verdict.status).toBe('insufficient-data');
      expect(verdict.failed).toEqual([]);
      expect(verdict.checks.every((check) => check.test === null)).toBe(true);
    });

    it('fails on one criterion with enough data even while others still lack it', () => {
      const verdict = evaluateGuard({ ...snapshot(400, { errors: 100 }), comparisons: { total: 10, matches: 10 } });
      expect(verdict.status).toBe('degraded');
      expect(verdict.checks.find((check) => check.criterion === 'match-rate')?.status).toBe('insufficient-data');
    });
  });

  describe('healthy', () => {
    it('passes a candidate that behaves like legacy', () => {
      const verdict = evaluateGuard(snapshot(2000));
      expect(verdict.status).toBe('healthy');
      // Availability and traffic need routed calls and recent traffic, which this snapshot does not hold.
      expect(verdict.checks.map((check) => check.status)).toEqual([...Array<string>(6).fill('pass'), 'skipped', 'skipped']);
    });

    it('skips criteria the snapshot has no input for', () => {
      const bare = snapshot(2000, { share: undefined, outcomes: undefined });
      const verdict = evaluateGuard({ ...bare, comparisons: undefined });
      expect(verdict.status).toBe('healthy');
      const skipped = verdict.checks.filter((check) => check.status === 'skipped').map((check) => check.criterion);
      expect(skipped).toEqual(['match-rate', 'success-rate', 'throughput', 'availability', 'traffic']);
    });
  });

  describe('each criterion on its own', () => {
    const cases: [GuardCriterion, GuardSnapshot, GuardConfig][] = [
      ['error-rate', { ...snapshot(2000, { errors: 240 }), legacy: path(2000, { errors: 200 }) }, defaults],
      ['error-rate-increase', snapshot(2000, { errors: 300 }), resolveGuardConfig({ maxErrorRate: 1 })],
      ['latency', snapshot(2000, { latency: latency(2000, 4) }), defaults],
      ['match-rate', snapshot(2000, {}, 0.8), defaults],
      ['success-rate', snapshot(2000, { outcomes: { total: 2000, successes: 1000 } }), defaults],
      ['throughput', snapshot(2000, { calls: 1000, errors: 10, latency: latency(1000) }), defaults],
    ];

    it.each(cases)('trips %s alone when only that criterion is beyond its limit', (criterion, window, config) => {
      const verdict = evaluateGuard(window, config);
      expect(verdict.status).toBe('degraded');
      expect(verdict.failed).toEqual([criterion]);
    });
  });

  describe('numbers', () => {
    it('carries values, limit, sample sizes and the test in the failing check', () => {
      const verdict = evaluateGuard(snapshot(1000, { errors: 200 }), resolveGuardConfig({ maxErrorRate: 1 }));
      const check = verdict.checks.find((c) => c.criterion === 'error-rate-increase');
      expect(check).toMatchObject({ status: 'fail', limit: 0.05, direction: 'max', sample: { candidate: 1000, legacy: 1000, minimum: 100 } });
      expect(check?.observed).toBeCloseTo(0.19);
      expect(check?.details.legacyRate).toBeCloseTo(0.01);
      expect(check?.details.legacyUpperBound).toBeGreaterThan(0.01);
      expect(check?.test).toMatchObject({ events: 200, trials: 1000, alpha: 0.005, boundary: 200, rejected: true });
      expect(check?.test?.nullRate).toBeCloseTo((check?.details.legacyUpperBound ?? 0) + 0.05);
      expect(check?.test?.pValue).toBeLessThan(0.005);
    });

    it('prints the numbers in the summaries, which serialize as plain strings', () => {
      const verdict = evaluateGuard(snapshot(1000, { errors: 200 }));
      expect(verdict.summary).toContain('error-rate fail: candidate 20.00 % (limit 5.00 %); n 1000 (min 100); e ');
      const serialized = JSON.parse(JSON.stringify(verdict)) as { summary: string; checks: { summary: string }[] };
      expect(serialized.summary).toBe(verdict.summary);
      expect(serialized.checks[2]?.summary).toMatch(/^latency pass: p95 candidate .* vs legacy .* \(1\.00×, limit 1\.50×\)/);
    });
  });

  describe('risk', () => {
    it('lets a low-risk migration run 2× slower where a normal one is rolled back', () => {
      const slower = snapshot(3000, { latency: latency(3000, 4) });
      expect(evaluateGuard(slower, defaults).failed).toEqual(['latency']);
      expect(evaluateGuard(slower, resolveGuardConfig({ risk: 'low' })).status).toBe('healthy');
    });
  });
});
