import { formatRate } from './format-figure.js';
import type { GuardConfig } from './guard-config.js';
import { guardCheckOf } from './guard-check-of.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import type { GuardCheck } from './guard-verdict.js';
import { sanitizeCount } from './sanitize-count.js';
import { rateTestOnceEnough } from './rate-test-once-enough.js';

/**
 * Is the candidate's match rate below `minMatchRate`? Tests the null
 * "mismatch rate ≤ 1 − minMatchRate" on the comparisons. Skipped when the
 * stage makes no comparisons.
 */
export function checkMatchRate(snapshot: GuardSnapshot, config: GuardConfig): GuardCheck {
  const total = sanitizeCount(snapshot.comparisons?.total);
  const matches = Math.min(sanitizeCount(snapshot.comparisons?.matches), total);
  const observed = total > 0 ? matches / total : null;
  const enough = total >= config.minSample;
  const test = rateTestOnceEnough(total - matches, total, 1 - config.minMatchRate, config);
  return guardCheckOf({
    criterion: 'match-rate',
    observed,
    limit: config.minMatchRate,
    direction: 'min',
    sample: { candidate: total, legacy: null, minimum: config.minSample },
    test,
    untested: snapshot.comparisons === undefined ? 'skipped' : enough ? undefined : 'insufficient-data',
    details: { mismatches: total - matches },
    describe: () => `${formatRate(observed)} of comparisons match (limit ${formatRate(config.minMatchRate)})`,
  });
}
