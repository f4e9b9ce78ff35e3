import type { Comparator, Difference } from './comparison.js';
import { comparisonOf } from './comparison-of.js';

/**
 * Reports every difference of a comparator with one severity; `'warning'`
 * turns a check into advice that never breaks the match.
 */
export function withSeverity<T>(compare: Comparator<T>, severity: NonNullable<Difference['severity']>): Comparator<T> {
  return (legacy, candidate) =>
    comparisonOf(compare(legacy, candidate).differences.map((difference) => ({ ...difference, severity })));
}
