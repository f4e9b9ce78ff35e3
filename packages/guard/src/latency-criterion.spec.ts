import type { HistogramBucket } from '@cutover/hooks';
import { describe, expect, it } from 'vitest';
import { checkCriterion } from './check-criterion.js';
import type { GuardSnapshot, LatencyHistogram } from './guard-snapshot.js';
import { latencyCriterion } from './latency-criterion.js';
import { resolveGuardConfig } from './resolve-guard-config.js';

const BOUNDS = [0.1, 0.2, 0.3, 0.4, 0.6, 0.8];

function histogram(perBucket: readonly number[]): LatencyHistogram {
  let running = 0;
  return { buckets: [...BOUNDS, Infinity].map((le, i) => ({ le, count: (running += perBucket[i] ?? 0) })) };
}

function ratios(perBound: Readonly<Record<number, number>>): HistogramBucket[] {
  let running = 0;
  return [1, 1.1, 1.2, 1.25, 1.5, Infinity].map((le) => ({ le, count: (running += perBound[le] ?? 0) }));
}

// 1000 calls a path; the same shape for both unless a test slows the candidate.
const SAME = [300, 300, 200, 150, 40, 10];

function window(candidate: readonly number[], latencyRatio?: readonly HistogramBucket[], paired = true): GuardSnapshot {
  return {
    windowSeconds: 60,
    legacy: { calls: 1000, errors: 0, latency: histogram(SAME) },
    candidate: { calls: 1000, errors: 0, latency: histogram(candidate) },
    ...(paired ? { pairs: { total: 1000, legacyOnlyErrors: 0, candidateOnlyErrors: 0, ...(latencyRatio ? { latencyRatio } : {}) } } : {}),
  };
}

describe('latency criterion', () => {
  const config = resolveGuardConfig({ maxLatencyRatio: 1.2 });

  describe('without paired ratios', () => {
    it('runs the p95 test alone, on the whole significance, where the paths ran on different requests', () => {
      const check = checkCriterion('latency', window(SAME, undefined, false), config);
      expect(check.tests).toBeUndefined();
      expect(check.test).toMatchObject({ alpha: 0.01, nullRate: expect.closeTo(0.05) as number });
      expect(check.test?.label).toBeUndefined();
      expect(check.details.pairedLatency).toBeUndefined();
      expect(check.summary).not.toContain('paired');
    });

    it('keeps half the significance for the sign test where requests are paired and their ratios have not arrived', () => {
      const check = checkCriterion('latency', window(SAME), config);
      expect(check.tests).toBeUndefined();
      expect(check.test).toMatchObject({ alpha: 0.005, label: 'p95' });
      expect(check.details.pairedLatency).toBeUndefined();
    });
  });

  describe('with paired ratios', () => {
    it('fails on the sign test when most requests are slower, though the p95 is within the limit', () => {
      // 700 of 1000 requests more than 1.2× slower on the candidate, the tail unchanged.
      const check = checkCriterion('latency', window(SAME, ratios({ 1: 200, 1.2: 100, 1.25: 400, 1.5: 300 })), config);
      expect(check.status).toBe('fail');
      expect(check.tests?.map((t) => [t.label, t.alpha, t.rejected])).toEqual([['p95', 0.005, false], ['paired sign', 0.005, true]]);
      expect(check.test?.label).toBe('paired sign');
      expect(check.test).toMatchObject({ events: 700, trials: 1000, nullRate: 0.5 });
      expect(check.details).toMatchObject({ pairedLatency: 1, timedPairs: 1000, pairRatioBound: 1.2, pairsAbove: 700 });
      expect(check.summary).toMatch(/paired: median candidate\/legacy 1\.2\d× on 1000 requests, above 1\.20×: 70\.00 % of them, allowed 50\.00 %/);
      expect(check.summary).toMatch(/p95 e .* vs boundary 200 .*, paired sign e .* vs boundary 200/);
    });

    it('still fails on the p95 test when only the tail is slower', () => {
      // Nine requests in ten alike; the slowest tenth of the candidate's calls far slower.
      const check = checkCriterion('latency', window([300, 300, 200, 100, 0, 0, 100], ratios({ 1: 900, 1.5: 0, [Infinity]: 100 })), config);
      expect(check.status).toBe('fail');
      expect(check.test?.label).toBe('p95');
      expect(check.tests?.find((t) => t.label === 'paired sign')?.rejected).toBe(false);
    });

    it('passes at A/A, each test on half the significance', () => {
      const check = checkCriterion('latency', window(SAME, ratios({ 1: 500, 1.1: 300, 1.2: 150, 1.25: 30, 1.5: 20 })), config);
      expect(check.status).toBe('pass');
      expect(check.tests).toHaveLength(2);
    });

    it('keeps the p95 test on half the significance while too few pairs are timed for the sign test', () => {
      const check = checkCriterion('latency', window(SAME, ratios({ 1: 50 })), config);
      expect(check.tests).toBeUndefined();
      expect(check.test).toMatchObject({ alpha: 0.005, label: 'p95' });
      expect(check.details).toMatchObject({ pairedLatency: 1, timedPairs: 50, pairsAbove: null });
    });

    it('says so when no ratio bound reaches the limit', () => {
      const reading = latencyCriterion.read(window(SAME, ratios({ 1: 1000 })), resolveGuardConfig({ maxLatencyRatio: 20 }));
      expect(latencyCriterion.describe(reading, resolveGuardConfig({ maxLatencyRatio: 20 }))).toContain('no ratio bound at or above 20.00×, cannot test');
    });
  });
});
