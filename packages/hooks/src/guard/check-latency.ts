import { countAbove } from './count-above.js';
import { formatRate, formatRatio, formatSeconds } from './format-figure.js';
import type { GuardConfig } from './guard-config.js';
import { guardCheckOf } from './guard-check-of.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import type { GuardCheck } from './guard-verdict.js';
import { histogramQuantile } from './histogram-quantile.js';
import { sanitizeBuckets } from './sanitize-buckets.js';
import { sequentialRateTest } from './sequential-rate-test.js';

/**
 * Is the candidate's latency quantile (p95) above `maxLatencyRatio` × legacy's?
 * A p95 above a threshold t means more than 5 % of calls slower than t, so the
 * check takes t = ratio × legacy's p95, rounds it up to a bucket bound b of the
 * candidate's histogram, and tests "at most 5 % of candidate calls above b".
 * Counting at a bound needs no assumption about the shape inside a bucket, and
 * rounding up only makes a trip harder. Legacy's p95 is taken as measured:
 * with at least `minSample` calls its noise moves t far less than the margin
 * a limit of 1.5× leaves (the benchmark measures the false alarms with it).
 * Resolution is the bucket layout's: buckets spaced by 2× cannot see 1.5×.
 */
export function checkLatency(snapshot: GuardSnapshot, config: GuardConfig): GuardCheck {
  const candidate = sanitizeBuckets(snapshot.candidate.latency);
  const legacy = sanitizeBuckets(snapshot.legacy.latency);
  const calls = candidate.at(-1)?.count ?? 0;
  const legacyCalls = legacy.at(-1)?.count ?? 0;
  const quantile = config.latencyQuantile;
  const candidateQuantile = histogramQuantile(quantile, candidate);
  const legacyQuantile = histogramQuantile(quantile, legacy);
  const observed =
    candidateQuantile !== null && legacyQuantile !== null && legacyQuantile > 0 ? candidateQuantile / legacyQuantile : null;
  const enough = calls >= config.minSample && legacyCalls >= config.minSample;
  const threshold = legacyQuantile === null ? null : config.maxLatencyRatio * legacyQuantile;
  const above = enough && threshold !== null ? countAbove(candidate, threshold) : null;
  const allowed = 1 - quantile;
  const test = above
    ? sequentialRateTest({ events: above.count, trials: calls, nullRate: allowed, alpha: config.significance })
    : null;
  const counted = (): string =>
    above
      ? `; above ${formatSeconds(above.bound)}: ${formatRate(above.count / calls)} of candidate calls, allowed ${formatRate(allowed)}`
      : enough
        ? `; no bucket bound at or above ${formatSeconds(threshold)}, cannot test`
        : '';
  return guardCheckOf({
    criterion: 'latency',
    observed,
    limit: config.maxLatencyRatio,
    direction: 'max',
    sample: { candidate: calls, legacy: legacyCalls, minimum: config.minSample },
    test,
    untested: test ? undefined : 'insufficient-data',
    details: {
      candidateQuantile,
      legacyQuantile,
      thresholdSeconds: threshold,
      bucketBound: above?.bound ?? null,
      // The limit actually applied once the threshold is rounded up to a bound.
      effectiveRatio: above && legacyQuantile ? above.bound / legacyQuantile : null,
      candidateAbove: above?.count ?? null,
    },
    describe: () =>
      `p${Number((quantile * 100).toFixed(1))} candidate ${formatSeconds(candidateQuantile)} vs legacy ${formatSeconds(legacyQuantile)} ` +
      `(${formatRatio(observed)}, limit ${formatRatio(config.maxLatencyRatio)})${counted()}`,
  });
}
