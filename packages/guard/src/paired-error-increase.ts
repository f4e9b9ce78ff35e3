import type { GuardConfig } from './guard-config.js';
import type { CriterionReading } from './guard-criterion-rule.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import { rateUpperBound } from './rate-upper-bound.js';
import { sanitizeCount } from './sanitize-count.js';

/**
 * The error-increase check on paired requests, where both paths ran on the
 * same request (shadow, live with comparisons). The candidate's error rate
 * minus legacy's is P(only the candidate failed) − P(only legacy failed):
 * requests on which both failed or both succeeded cancel out, which is what
 * makes the paired test need fewer requests. As in the independent check,
 * half the significance buys an anytime-valid upper bound u of the
 * legacy-only rate and the other half tests the candidate-only rate against
 * u + limit; both rates are small (only discordant pairs count), so both
 * bounds are tight. Returns null when the snapshot holds no pairs.
 */
export function pairedErrorIncrease(snapshot: GuardSnapshot, config: GuardConfig): CriterionReading | null {
  const { pairs } = snapshot;
  if (!pairs) return null;
  const total = sanitizeCount(pairs.total);
  const legacyOnly = Math.min(sanitizeCount(pairs.legacyOnlyErrors), total);
  const candidateOnly = Math.min(sanitizeCount(pairs.candidateOnlyErrors), total - legacyOnly);
  const enough = total >= config.minSample;
  const alpha = config.significance / 2;
  const legacyOnlyBound = enough ? rateUpperBound(legacyOnly, total, alpha) : null;
  const nullRate = legacyOnlyBound === null ? null : Math.min(1, legacyOnlyBound + config.maxErrorRateIncrease);
  return {
    observed: total > 0 ? (candidateOnly - legacyOnly) / total : null,
    sample: { candidate: total, legacy: total, minimum: config.minSample },
    test: nullRate === null ? null : { events: candidateOnly, trials: total, nullRate, alpha },
    details: {
      paired: 1,
      candidateOnlyRate: total > 0 ? candidateOnly / total : null,
      legacyOnlyRate: total > 0 ? legacyOnly / total : null,
      legacyOnlyUpperBound: legacyOnlyBound,
      nullRate,
    },
  };
}
