import { availabilityCriterion } from './availability-criterion.js';
import { formatFigure, formatPoints, formatRate, formatRatio } from './format-figure.js';
import { criterionRule } from './guard-criterion-rule.js';
import type { GuardCriterionRule } from './guard-criterion-rule.js';
import type { GuardCriterion } from './guard-verdict.js';
import { latencyCriterion } from './latency-criterion.js';
import { pairedErrorIncrease } from './paired-error-increase.js';
import { perPath } from './per-path.js';
import { rateCriterion } from './rate-criterion.js';
import { rateUpperBound } from './rate-upper-bound.js';
import { sanitizeCount } from './sanitize-count.js';
import { trafficCriterion } from './traffic-criterion.js';

/**
 * Is the candidate's error rate above `maxErrorRate`? Tests the null
 * "candidate error rate ≤ maxErrorRate" on the candidate's calls.
 */
const errorRate = rateCriterion({
  direction: 'max',
  limit: 'maxErrorRate',
  counts: ({ candidate }) => ({ trials: candidate.calls, hits: candidate.errors }),
  events: 'errors',
  describe: (r, config) => `candidate ${formatRate(r.observed)} (limit ${formatRate(config.maxErrorRate)})`,
});

/**
 * Is the candidate's error rate more than `maxErrorRateIncrease` points above
 * legacy's? Half the significance buys an anytime-valid upper bound u of
 * legacy's rate; the other half tests the candidate against u + limit. If the
 * test rejects, either legacy's bound failed or the candidate's rate exceeds
 * legacy's by more than the limit, so the error is at most the significance;
 * exact for counts, and valid however often it is repeated. When both paths
 * ran on the same requests (the snapshot has pairs) the test is paired
 * instead, on the discordant requests (see `pairedErrorIncrease`).
 */
const errorRateIncrease = criterionRule({
  direction: 'max',
  limit: 'maxErrorRateIncrease',
  read(snapshot, config) {
    const paired = pairedErrorIncrease(snapshot, config);
    if (paired) return paired;
    const [calls, legacyCalls] = perPath(snapshot, (path) => sanitizeCount(path.calls));
    const [errors, legacyErrors] = perPath(snapshot, (path) => Math.min(sanitizeCount(path.errors), sanitizeCount(path.calls)));
    const candidateRate = calls > 0 ? errors / calls : null;
    const legacyRate = legacyCalls > 0 ? legacyErrors / legacyCalls : null;
    const enough = calls >= config.minSample && legacyCalls >= config.minSample;
    const alpha = config.significance / 2;
    const legacyUpperBound = enough ? rateUpperBound(legacyErrors, legacyCalls, alpha) : null;
    const nullRate = legacyUpperBound === null ? null : Math.min(1, legacyUpperBound + config.maxErrorRateIncrease);
    return {
      observed: candidateRate !== null && legacyRate !== null ? candidateRate - legacyRate : null,
      sample: { candidate: calls, legacy: legacyCalls, minimum: config.minSample },
      test: nullRate === null ? null : { events: errors, trials: calls, nullRate, alpha },
      details: { candidateRate, legacyRate, legacyUpperBound, nullRate },
    };
  },
  describe({ observed, details }, config) {
    const { candidateRate, legacyRate, legacyUpperBound, paired, candidateOnlyRate, legacyOnlyRate, legacyOnlyUpperBound } = details;
    if (paired) {
      return (
        `paired: candidate alone failed ${formatRate(candidateOnlyRate ?? null)}, legacy alone ${formatRate(legacyOnlyRate ?? null)} of requests ` +
        `(${formatPoints(observed)}, limit ${formatPoints(config.maxErrorRateIncrease)}` +
        `${legacyOnlyUpperBound === null || legacyOnlyUpperBound === undefined ? '' : `; legacy alone at most ${formatRate(legacyOnlyUpperBound)}`})`
      );
    }
    return (
      `candidate ${formatRate(candidateRate ?? null)} vs legacy ${formatRate(legacyRate ?? null)} ` +
      `(${formatPoints(observed)}, limit ${formatPoints(config.maxErrorRateIncrease)}` +
      `${legacyUpperBound === null || legacyUpperBound === undefined ? '' : `; legacy at most ${formatRate(legacyUpperBound)}`})`
    );
  },
});

/**
 * Is the candidate's match rate below `minMatchRate`? Tests the null
 * "mismatch rate ≤ 1 − minMatchRate" on the comparisons. Skipped when the
 * stage makes no comparisons.
 */
const matchRate = rateCriterion({
  direction: 'min',
  limit: 'minMatchRate',
  counts: ({ comparisons }) => comparisons && { trials: comparisons.total, hits: comparisons.matches },
  events: 'mismatches',
  describe: (r, config) => `${formatRate(r.observed)} of comparisons match (limit ${formatRate(config.minMatchRate)})`,
});

/**
 * Is the candidate's success rate of reported outcomes below `minSuccessRate`?
 * An absolute floor, so legacy's rate is reported but not compared. Tests the
 * null "failure rate ≤ 1 − minSuccessRate". Skipped when the application
 * reports no outcomes for the candidate.
 */
const successRate = rateCriterion({
  direction: 'min',
  limit: 'minSuccessRate',
  counts: ({ candidate }) => candidate.outcomes && { trials: candidate.outcomes.total, hits: candidate.outcomes.successes },
  legacy: ({ legacy }) => legacy.outcomes && { trials: legacy.outcomes.total, hits: legacy.outcomes.successes },
  events: 'failures',
  describe: (r, config) =>
    `candidate ${formatRate(r.observed)} succeed, legacy ${formatRate(r.legacyRate)} (limit ${formatRate(config.minSuccessRate)})`,
});

/**
 * Is the candidate completing fewer calls per unit of routed traffic than
 * `minThroughputRatio` × legacy's? Both paths share the same window, so given
 * the N calls completed in all, legacy's count is binomial (the classic
 * conditional test for two Poisson rates): at the limit, a completed call is
 * legacy's with probability sL / (ratio·sC + sL), and the check tests that
 * legacy's fraction is not above it. The window's duration cancels out; it
 * only turns counts into calls per second for the record. Skipped unless
 * both paths carry their traffic share.
 */
const throughput = criterionRule({
  direction: 'min',
  limit: 'minThroughputRatio',
  read(snapshot, config) {
    const [calls, legacyCalls] = perPath(snapshot, (path) => sanitizeCount(path.calls));
    const [share, legacyShare] = perPath(snapshot, (path) => sanitizeCount(path.share));
    const seconds = sanitizeCount(snapshot.windowSeconds);
    const shared = share > 0 && legacyShare > 0;
    const total = calls + legacyCalls;
    const nullRate = shared ? legacyShare / (config.minThroughputRatio * share + legacyShare) : null;
    const perSecond = (count: number): number | null => (seconds > 0 ? count / seconds : null);
    return {
      observed: shared && legacyCalls > 0 ? calls / share / (legacyCalls / legacyShare) : null,
      sample: { candidate: calls, legacy: legacyCalls, minimum: config.minSample },
      present: shared,
      test:
        total >= config.minSample && nullRate !== null
          ? { events: legacyCalls, trials: total, nullRate, alpha: config.significance }
          : null,
      details: {
        candidatePerSecond: perSecond(calls),
        legacyPerSecond: perSecond(legacyCalls),
        candidateShare: shared ? share : null,
        legacyShare: shared ? legacyShare : null,
      },
      calls,
      legacyCalls,
      share,
      legacyShare,
    };
  },
  describe({ observed, details, calls, legacyCalls, share, legacyShare }, config) {
    const rate = (count: number, perSecond: number | null): string =>
      perSecond === null ? `${formatFigure(count)} calls` : `${formatFigure(perSecond)}/s`;
    return (
      `candidate ${rate(calls, details.candidatePerSecond)} at share ${formatFigure(share)} ` +
      `vs legacy ${rate(legacyCalls, details.legacyPerSecond)} at share ${formatFigure(legacyShare)} ` +
      `(${formatRatio(observed)} per unit of traffic, limit ${formatRatio(config.minThroughputRatio)})`
    );
  },
});

/**
 * The guard's criteria, one row each, in the order the verdict lists its
 * checks. Every row ends in the same one-sided sequential rate test, so each
 * check stays valid however often the guard looks.
 */
export const GUARD_CRITERIA: Readonly<Record<GuardCriterion, GuardCriterionRule>> = Object.freeze({
  'error-rate': errorRate,
  'error-rate-increase': errorRateIncrease,
  latency: latencyCriterion,
  'match-rate': matchRate,
  'success-rate': successRate,
  throughput,
  availability: availabilityCriterion,
  traffic: trafficCriterion,
});
