import type { GuardConfig } from './guard-config.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import { countAbove } from './count-above.js';
import { histogramQuantile } from './histogram-quantile.js';
import { sanitizeBuckets } from './sanitize-buckets.js';
import type { SequentialRateTestInput } from './sequential-rate-test.js';

/** What {@link pairedLatencySignTest} reads from the paired latency ratios. */
export interface PairedLatencyReading {
  /** The sign test to run, or null while there are too few timed pairs or no bound reaches the limit. */
  readonly test: SequentialRateTestInput | null;
  /** Timed pairs (both paths succeeded), the median ratio, the bound counted from and the pairs above it. */
  readonly details: {
    readonly pairedLatency: 1;
    readonly timedPairs: number;
    readonly medianPairRatio: number | null;
    readonly pairRatioBound: number | null;
    readonly pairsAbove: number | null;
  };
}

/**
 * The latency check's paired test, where both paths ran on the same request:
 * a sign test of "the median of candidate / legacy duration per request is
 * at most `maxLatencyRatio`". The request's own cost (its size, a cold
 * cache) is in both durations and cancels out of the ratio, so only each
 * path's own noise is left to average away: far fewer requests than
 * comparing two independent distributions. It counts the pairs above the
 * smallest ratio bucket bound at or above the limit (rounding up only makes
 * a trip harder) and tests that they are at most half: exact at its null,
 * whatever the latency distributions, and under A/A any noise gives
 * P(ratio > limit ≥ 1) ≤ ½. It spends `alpha`; null without the ratios.
 */
export function pairedLatencySignTest(snapshot: GuardSnapshot, config: GuardConfig, alpha: number): PairedLatencyReading | null {
  const ratios = snapshot.pairs?.latencyRatio;
  if (!ratios) return null;
  const buckets = sanitizeBuckets({ buckets: ratios });
  const timed = buckets.at(-1)?.count ?? 0;
  const above = timed >= config.minSample ? countAbove(buckets, config.maxLatencyRatio) : null;
  return {
    test: above ? { events: above.count, trials: timed, nullRate: 0.5, alpha, label: 'paired sign' } : null,
    details: {
      pairedLatency: 1,
      timedPairs: timed,
      medianPairRatio: histogramQuantile(0.5, buckets),
      pairRatioBound: above?.bound ?? null,
      pairsAbove: above?.count ?? null,
    },
  };
}
