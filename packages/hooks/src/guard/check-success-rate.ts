import { formatRate } from './format-figure.js';
import type { GuardConfig } from './guard-config.js';
import { guardCheckOf } from './guard-check-of.js';
import type { GuardSnapshot, OutcomeWindow } from './guard-snapshot.js';
import type { GuardCheck } from './guard-verdict.js';
import { sanitizeCount } from './sanitize-count.js';
import { rateTestOnceEnough } from './rate-test-once-enough.js';

function successRate(outcomes: OutcomeWindow | undefined): number | null {
  const total = sanitizeCount(outcomes?.total);
  return total > 0 ? Math.min(sanitizeCount(outcomes?.successes), total) / total : null;
}

/**
 * Is the candidate's success rate of reported outcomes below `minSuccessRate`?
 * An absolute floor (seed 002), so legacy's rate is reported but not compared.
 * Tests the null "failure rate ≤ 1 − minSuccessRate". Skipped when the
 * application reports no outcomes for the candidate.
 */
export function checkSuccessRate(snapshot: GuardSnapshot, config: GuardConfig): GuardCheck {
  const outcomes = snapshot.candidate.outcomes;
  const total = sanitizeCount(outcomes?.total);
  const successes = Math.min(sanitizeCount(outcomes?.successes), total);
  const observed = successRate(outcomes);
  const legacyRate = successRate(snapshot.legacy.outcomes);
  const enough = total >= config.minSample;
  const test = rateTestOnceEnough(total - successes, total, 1 - config.minSuccessRate, config);
  return guardCheckOf({
    criterion: 'success-rate',
    observed,
    limit: config.minSuccessRate,
    direction: 'min',
    sample: { candidate: total, legacy: snapshot.legacy.outcomes ? sanitizeCount(snapshot.legacy.outcomes.total) : null, minimum: config.minSample },
    test,
    untested: outcomes === undefined ? 'skipped' : enough ? undefined : 'insufficient-data',
    details: { failures: total - successes, legacyRate },
    describe: () => `candidate ${formatRate(observed)} succeed, legacy ${formatRate(legacyRate)} (limit ${formatRate(config.minSuccessRate)})`,
  });
}
