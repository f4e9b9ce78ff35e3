import type { Comparator, Difference } from '../comparison.js';
import { comparisonOf } from '../comparison-of.js';
import { countsByType } from '../counts-by-type.js';
import { describeTolerance, isWithinTolerance } from '../tolerance.js';
import { resolveFindingsConfig } from './findings-config.js';
import type { FindingsOptions } from './findings-config.js';

/** One finding of an analyzer; only its type is compared. */
export type Finding = Readonly<Record<string, unknown>>;

/**
 * Analyzer findings: counts findings per alert type on both sides.
 * A count within ±10 % (by default) of legacy's is variance; beyond it, a
 * warning at `$.<type>`; beyond `failBeyond`, when set, an error. A type
 * found on one side only is always beyond, since legacy 0 tolerates nothing.
 * Throws `InvalidOptionError` on a bad option, at creation.
 */
export function findingsComparator(options?: FindingsOptions): Comparator<readonly Finding[]> {
  const { typeKey, warnBeyond, failBeyond } = resolveFindingsConfig(options);
  const counts = countsByType<Finding>({ type: typeKey, tolerance: { relative: warnBeyond }, severity: 'warning' });
  const fail = failBeyond === null ? undefined : { relative: failBeyond };
  return (legacy, candidate) => {
    const differences = counts(legacy, candidate).differences.map((difference): Difference => {
      const beyond = fail && !isWithinTolerance(difference.legacy as number, difference.candidate as number, fail);
      return beyond ? { ...difference, reason: describeTolerance(fail), severity: 'error' } : difference;
    });
    return comparisonOf(differences);
  };
}
