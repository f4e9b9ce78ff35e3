import { formatRate } from './format-figure.js';
import type { GuardConfig } from './guard-config.js';
import { guardCheckOf } from './guard-check-of.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import type { GuardCheck } from './guard-verdict.js';
import { sanitizeCount } from './sanitize-count.js';
import { rateTestOnceEnough } from './rate-test-once-enough.js';

/**
 * Is the candidate's error rate above `maxErrorRate`? Tests the null
 * "candidate error rate ≤ maxErrorRate" on the candidate's calls.
 */
export function checkErrorRate(snapshot: GuardSnapshot, config: GuardConfig): GuardCheck {
  const calls = sanitizeCount(snapshot.candidate.calls);
  const errors = Math.min(sanitizeCount(snapshot.candidate.errors), calls);
  const observed = calls > 0 ? errors / calls : null;
  const enough = calls >= config.minSample;
  const test = rateTestOnceEnough(errors, calls, config.maxErrorRate, config);
  return guardCheckOf({
    criterion: 'error-rate',
    observed,
    limit: config.maxErrorRate,
    direction: 'max',
    sample: { candidate: calls, legacy: null, minimum: config.minSample },
    test,
    untested: enough ? undefined : 'insufficient-data',
    details: { errors },
    describe: () => `candidate ${formatRate(observed)} (limit ${formatRate(config.maxErrorRate)})`,
  });
}
