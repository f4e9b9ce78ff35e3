import { describe, expect, it } from 'vitest';
import type { MigrationCounts } from '@cutover/hooks';
import { guardSnapshotOf } from './guard-snapshot-of.js';

const buckets = [{ le: 0.1, count: 5 }, { le: Infinity, count: 10 }];

function counts(candidate: Partial<MigrationCounts['candidate']['outcomes']>, comparisons: Partial<MigrationCounts['comparisons']> = {}): MigrationCounts {
  return {
    legacy: { outcomes: { success: 100, error: 0, timeout: 0, rejected: 0 }, buckets },
    candidate: { outcomes: { success: 0, error: 0, timeout: 0, rejected: 0, ...candidate }, buckets },
    comparisons: { match: 0, mismatch: 0, ignored: 0, error: 0, ...comparisons },
  };
}

describe(guardSnapshotOf.name, () => {
  it('counts completed calls, with errors and timeouts as errors', () => {
    const snapshot = guardSnapshotOf(counts({ success: 80, error: 15, timeout: 5 }), 60);
    expect(snapshot.candidate).toMatchObject({ calls: 100, errors: 20, share: 1 });
    expect(snapshot.windowSeconds).toBe(60);
    expect(snapshot.candidate.latency.buckets).toBe(buckets);
  });

  it('derives shares from routed calls, so calls shed by the in-flight bound lower throughput', () => {
    const snapshot = guardSnapshotOf(counts({ success: 50, rejected: 50 }), 60);
    expect(snapshot.candidate.calls).toBe(50);
    expect(snapshot.candidate.share).toBe(1);
    expect(snapshot.legacy.share).toBe(1);
    // A 10 % canary: shares 0.1 and 1.
    expect(guardSnapshotOf(counts({ success: 10 }), 60).candidate.share).toBeCloseTo(0.1);
    expect(guardSnapshotOf(counts({}), 60).candidate.share).toBeUndefined();
  });

  it('judges decisive comparisons only, and none at all when the window compared nothing', () => {
    expect(guardSnapshotOf(counts({}, { match: 90, mismatch: 5, ignored: 3, error: 2 }), 1).comparisons).toEqual({ total: 95, matches: 90 });
    expect(guardSnapshotOf(counts({}), 1).comparisons).toBeUndefined();
  });

  it('clamps the negative counts a counter reset would give to zero', () => {
    const snapshot = guardSnapshotOf(counts({ success: -5, error: 3 }), 1);
    expect(snapshot.candidate).toMatchObject({ calls: 3, errors: 3 });
  });

  it("carries each path's business outcomes once it has any, and the share of callers the candidate answered", () => {
    const base = counts({ success: 10 });
    const snapshot = guardSnapshotOf(
      {
        ...base,
        legacy: { ...base.legacy, served: 30, reported: { success: 0, failure: 0 } },
        candidate: { ...base.candidate, served: 10, reported: { success: 7, failure: 3 } },
      },
      1,
    );
    expect(snapshot.candidate.outcomes).toEqual({ total: 10, successes: 7 });
    expect(snapshot.legacy.outcomes).toBeUndefined();
    expect(snapshot.exposure).toBe(0.25);
    expect(guardSnapshotOf(base, 1).exposure).toBeUndefined();
  });

  it('carries the paired latency ratios with the pairs wherever the source records them', () => {
    const ratios = [{ le: 1, count: 4 }, { le: 1.2, count: 7 }, { le: Infinity, count: 9 }];
    const pairs = { both_ok: 9, legacy_error: 1, candidate_error: 2, both_error: 0 };
    expect(guardSnapshotOf({ ...counts({ success: 12 }), pairs, pairedLatencyRatio: ratios }, 1).pairs).toEqual({
      total: 12, legacyOnlyErrors: 1, candidateOnlyErrors: 2, latencyRatio: ratios,
    });
    // None timed yet (every pair had a failure) is still a histogram: the latency check splits its significance from the start.
    const untimed = [{ le: 1, count: 0 }, { le: Infinity, count: 0 }];
    expect(guardSnapshotOf({ ...counts({ success: 12 }), pairs, pairedLatencyRatio: untimed }, 1).pairs?.latencyRatio).toBe(untimed);
    expect(guardSnapshotOf({ ...counts({ success: 12 }), pairs }, 1).pairs?.latencyRatio).toBeUndefined();
  });
});

