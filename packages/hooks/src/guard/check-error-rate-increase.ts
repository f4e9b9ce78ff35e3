import { formatPoints, formatRate } from './format-figure.js';
import type { GuardConfig } from './guard-config.js';
import { guardCheckOf } from './guard-check-of.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import type { GuardCheck } from './guard-verdict.js';
import { rateUpperBound } from './rate-upper-bound.js';
import { sanitizeCount } from './sanitize-count.js';
import { sequentialRateTest } from './sequential-rate-test.js';

/**
 * Is the candidate's error rate more than `maxErrorRateIncrease` points above
 * legacy's? Half the significance buys an anytime-valid upper bound u of
 * legacy's rate; the other half tests the candidate against u + limit. If the
 * test rejects, either legacy's bound failed or the candidate's rate exceeds
 * legacy's by more than the limit, so the error is at most the significance;
 * exact for counts, and valid however often it is repeated.
 */
export function checkErrorRateIncrease(snapshot: GuardSnapshot, config: GuardConfig): GuardCheck {
  const calls = sanitizeCount(snapshot.candidate.calls);
  const errors = Math.min(sanitizeCount(snapshot.candidate.errors), calls);
  const legacyCalls = sanitizeCount(snapshot.legacy.calls);
  const legacyErrors = Math.min(sanitizeCount(snapshot.legacy.errors), legacyCalls);
  const candidateRate = calls > 0 ? errors / calls : null;
  const legacyRate = legacyCalls > 0 ? legacyErrors / legacyCalls : null;
  const observed = candidateRate !== null && legacyRate !== null ? candidateRate - legacyRate : null;
  const enough = calls >= config.minSample && legacyCalls >= config.minSample;
  const alpha = config.significance / 2;
  const legacyUpperBound = enough ? rateUpperBound(legacyErrors, legacyCalls, alpha) : null;
  const nullRate = legacyUpperBound === null ? null : Math.min(1, legacyUpperBound + config.maxErrorRateIncrease);
  const test = nullRate === null ? null : sequentialRateTest({ events: errors, trials: calls, nullRate, alpha });
  return guardCheckOf({
    criterion: 'error-rate-increase',
    observed,
    limit: config.maxErrorRateIncrease,
    direction: 'max',
    sample: { candidate: calls, legacy: legacyCalls, minimum: config.minSample },
    test,
    untested: enough ? undefined : 'insufficient-data',
    details: { candidateRate, legacyRate, legacyUpperBound, nullRate },
    describe: () =>
      `candidate ${formatRate(candidateRate)} vs legacy ${formatRate(legacyRate)} ` +
      `(${formatPoints(observed)}, limit ${formatPoints(config.maxErrorRateIncrease)}` +
      `${legacyUpperBound === null ? '' : `; legacy at most ${formatRate(legacyUpperBound)}`})`,
  });
}
