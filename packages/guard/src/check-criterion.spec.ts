import { describe, expect, it } from 'vitest';
import { checkCriterion } from './check-criterion.js';
import type { GuardSnapshot, LatencyHistogram } from './guard-snapshot.js';
import { resolveGuardConfig } from './resolve-guard-config.js';

function histogram(bounds: readonly number[], perBucket: readonly number[]): LatencyHistogram {
  let running = 0;
  const buckets = [...bounds, Infinity].map((le, i) => ({ le, count: (running += perBucket[i] ?? 0) }));
  return { buckets };
}

function snapshot(legacy: LatencyHistogram, candidate: LatencyHistogram): GuardSnapshot {
  const calls = legacy.buckets.at(-1)?.count ?? 0;
  return {
    windowSeconds: 60,
    legacy: { calls, errors: 0, latency: legacy },
    candidate: { calls: candidate.buckets.at(-1)?.count ?? 0, errors: 0, latency: candidate },
  };
}

describe(checkCriterion.name, () => {
  const config = resolveGuardConfig();

  describe('latency', () => {
    it('counts candidate calls above 1.5 × legacy p95, rounded up to a bucket bound', () => {
      const bounds = [0.1, 0.2, 0.3, 0.4, 0.6];
      const check = checkCriterion('latency', snapshot(histogram(bounds, [500, 400, 100]), histogram(bounds, [200, 200, 200, 200, 200])), config);
      // Legacy p95 interpolates to 0.25 s, so 1.5× is 0.375 s, counted from the 0.4 s bound: 200 of 1000 above.
      expect(check.details.legacyQuantile).toBeCloseTo(0.25);
      expect(check.details.thresholdSeconds).toBeCloseTo(0.375);
      expect(check.details.bucketBound).toBe(0.4);
      expect(check.details.effectiveRatio).toBeCloseTo(1.6);
      expect(check.test).toMatchObject({ events: 200, trials: 1000, nullRate: expect.closeTo(0.05) as number, rejected: true });
      expect(check.status).toBe('fail');
    });

    it('cannot test, and says so, when no bucket bound reaches the threshold', () => {
      const bounds = [0.1, 0.2];
      const check = checkCriterion('latency', snapshot(histogram(bounds, [100, 900]), histogram(bounds, [0, 0, 1000])), config);
      expect(check.status).toBe('insufficient-data');
      expect(check.summary).toContain('no bucket bound at or above');
    });
  });
});
