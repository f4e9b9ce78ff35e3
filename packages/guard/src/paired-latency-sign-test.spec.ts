import { describe, expect, it } from 'vitest';
import type { HistogramBucket } from '@cutover/hooks';
import type { GuardSnapshot } from './guard-snapshot.js';
import { pairedLatencySignTest } from './paired-latency-sign-test.js';
import { resolveGuardConfig } from './resolve-guard-config.js';

const path = { calls: 400, errors: 0, latency: { buckets: [{ le: Infinity, count: 400 }] } };

function shadow(latencyRatio?: readonly HistogramBucket[]): GuardSnapshot {
  return { windowSeconds: 60, legacy: path, candidate: path, pairs: { total: 400, legacyOnlyErrors: 0, candidateOnlyErrors: 0, ...(latencyRatio ? { latencyRatio } : {}) } };
}

// 400 timed pairs: 100 at most 1×, 250 at most 1.2×, 300 at most 1.25×.
const RATIOS = [{ le: 1, count: 100 }, { le: 1.2, count: 250 }, { le: 1.25, count: 300 }, { le: Infinity, count: 400 }];

describe(pairedLatencySignTest.name, () => {
  it('is null without the ratios, so the p95 test runs alone', () => {
    expect(pairedLatencySignTest(shadow(), resolveGuardConfig(), 0.005)).toBeNull();
  });

  it('counts the pairs above the smallest bound at or above the limit, and tests that they are at most half', () => {
    const reading = pairedLatencySignTest(shadow(RATIOS), resolveGuardConfig({ maxLatencyRatio: 1.2 }), 0.005)!;
    expect(reading.test).toEqual({ events: 150, trials: 400, nullRate: 0.5, alpha: 0.005, label: 'paired sign' });
    expect(reading.details).toMatchObject({ pairedLatency: 1, timedPairs: 400, pairRatioBound: 1.2, pairsAbove: 150 });
    expect(reading.details.medianPairRatio).toBeCloseTo(1 + (0.2 * 100) / 150);
  });

  it('rounds a limit between bounds up, which only makes a trip harder', () => {
    const reading = pairedLatencySignTest(shadow(RATIOS), resolveGuardConfig({ maxLatencyRatio: 1.21 }), 0.005)!;
    expect(reading.test).toMatchObject({ events: 100 });
    expect(reading.details.pairRatioBound).toBe(1.25);
  });

  it('asks for the minimum sample of timed pairs, and for a bound that reaches the limit', () => {
    const few = [{ le: 1.2, count: 10 }, { le: Infinity, count: 99 }];
    expect(pairedLatencySignTest(shadow(few), resolveGuardConfig({ maxLatencyRatio: 1.2 }), 0.005)?.test).toBeNull();
    expect(pairedLatencySignTest(shadow(RATIOS), resolveGuardConfig({ maxLatencyRatio: 20 }), 0.005)?.test).toBeNull();
  });
});
