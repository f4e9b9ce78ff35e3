import type { Comparator } from './comparison.js';
import { comparisonOf } from './comparison-of.js';

/**
 * Runs several comparators on the same pair and merges their verdicts: the
 * result matches only if every one matches, and lists all differences.
 */
export function allOf<T>(...comparators: readonly Comparator<T>[]): Comparator<T> {
  return (legacy, candidate) =>
    comparisonOf(comparators.flatMap((compare) => compare(legacy, candidate).differences));
}
