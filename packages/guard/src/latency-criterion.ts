import { LATENCY_TOLERANCE_SECONDS } from '@cutover/hooks';
import { countAbove } from './count-above.js';
import { formatFigure, formatRate, formatRatio, formatSeconds } from './format-figure.js';
import { criterionRule } from './guard-criterion-rule.js';
import { histogramQuantile } from './histogram-quantile.js';
import { pairedLatencySignTest } from './paired-latency-sign-test.js';
import { perPath } from './per-path.js';
import { sanitizeBuckets } from './sanitize-buckets.js';

/**
 * Is the candidate's latency quantile (p95) above `maxLatencyRatio` × legacy's?
 * A p95 above a threshold t means more than 5 % of calls slower than t, so the
 * check takes t = ratio × legacy's p95 (at least legacy's p95 plus
 * `LATENCY_TOLERANCE_SECONDS`, 1 ms), rounds it up to a bucket bound b of the
 * candidate's histogram, and tests "at most 5 % of candidate calls above b".
 * Counting at a bound needs no assumption about the shape inside a bucket, and
 * rounding up only makes a trip harder. Legacy's p95 is taken as measured:
 * with at least `minSample` calls its noise moves t far less than the margin
 * a limit of 1.5× leaves (the benchmark measures the false alarms with it).
 * Resolution is the bucket layout's: buckets spaced by 2× cannot see 1.5×.
 * On precise buckets (`latency.precise`: native histogram buckets 2.2 %
 * apart, this process's or a fleet's) t is rounded up by at most that much, so a 20 % gate is resolved; legacy's quantile is still taken as
 * measured (an anytime-valid upper bound of it cost about ten times the
 * requests in the simulations).
 *
 * When the snapshot's pairs carry the per-request duration ratios, the paired
 * sign test runs beside it (see `pairedLatencySignTest`): the check fails when
 * either rejects, each spending half the significance, so a typical slowdown
 * is caught on far fewer requests while a slowdown of the tail alone is still
 * caught by the p95 test.
 */
export const latencyCriterion = criterionRule({
  direction: 'max',
  limit: 'maxLatencyRatio',
  read(snapshot, config) {
    // Native histogram buckets when both paths have them: the threshold is then rounded up by at most 2.2 %.
    const precise = snapshot.candidate.latency.precise !== undefined && snapshot.legacy.latency.precise !== undefined;
    const [candidate, legacy] = perPath(snapshot, (path) => sanitizeBuckets(precise ? { buckets: path.latency.precise! } : path.latency));
    const calls = candidate.at(-1)?.count ?? 0;
    const legacyCalls = legacy.at(-1)?.count ?? 0;
    const quantile = config.latencyQuantile;
    const candidateQuantile = histogramQuantile(quantile, candidate);
    const legacyQuantile = histogramQuantile(quantile, legacy);
    const enough = calls >= config.minSample && legacyCalls >= config.minSample;
    // At least the tolerance above legacy's quantile: sub-millisecond differences are not judged.
    const threshold = legacyQuantile === null ? null : Math.max(config.maxLatencyRatio * legacyQuantile, legacyQuantile + LATENCY_TOLERANCE_SECONDS);
    const above = enough && threshold !== null ? countAbove(candidate, threshold) : null;
    // Where both paths run on the same requests (the snapshot has pairs) the two tests share the
    // significance for the whole window, whether or not the ratios have arrived or the sign test can run yet.
    const split = snapshot.pairs !== undefined;
    const paired = pairedLatencySignTest(snapshot, config, config.significance / 2);
    const alpha = split ? config.significance / 2 : config.significance;
    const tail = above ? { events: above.count, trials: calls, nullRate: 1 - quantile, alpha, ...(split ? { label: `p${percentile(quantile)}` } : {}) } : null;
    return {
      observed:
        candidateQuantile !== null && legacyQuantile !== null && legacyQuantile > 0 ? candidateQuantile / legacyQuantile : null,
      sample: { candidate: calls, legacy: legacyCalls, minimum: config.minSample },
      test: paired ? [tail, paired.test].filter((test) => test !== null) : tail,
      details: {
        candidateQuantile,
        legacyQuantile,
        thresholdSeconds: threshold,
        bucketBound: above?.bound ?? null,
        // The limit actually applied once the threshold is rounded up to a bound.
        effectiveRatio: above && legacyQuantile ? above.bound / legacyQuantile : null,
        candidateAbove: above?.count ?? null,
        ...paired?.details,
      },
      above,
      enough,
      paired,
    };
  },
  describe({ observed, sample, details, above, enough, paired }, config) {
    const quantile = config.latencyQuantile;
    const counted = above
      ? `; above ${formatSeconds(above.bound)}: ${formatRate(above.count / sample.candidate)} of candidate calls, allowed ${formatRate(1 - quantile)}`
      : enough
        ? `; no bucket bound at or above ${formatSeconds(details.thresholdSeconds)}, cannot test`
        : '';
    const tail =
      `p${percentile(quantile)} candidate ${formatSeconds(details.candidateQuantile)} vs legacy ${formatSeconds(details.legacyQuantile)} ` +
      `(${formatRatio(observed)}, limit ${formatRatio(config.maxLatencyRatio)})${counted}`;
    if (!paired) return tail;
    const { timedPairs, medianPairRatio, pairRatioBound, pairsAbove } = paired.details;
    const sign =
      pairRatioBound !== null && pairsAbove !== null
        ? `, above ${formatRatio(pairRatioBound)}: ${formatRate(pairsAbove / timedPairs)} of them, allowed 50.00 %`
        : timedPairs >= config.minSample
          ? `, no ratio bound at or above ${formatRatio(config.maxLatencyRatio)}, cannot test`
          : '';
    return `${tail}; paired: median candidate/legacy ${formatRatio(medianPairRatio)} on ${formatFigure(timedPairs)} requests${sign}`;
  },
});

function percentile(quantile: number): number {
  return Number((quantile * 100).toFixed(1));
}
