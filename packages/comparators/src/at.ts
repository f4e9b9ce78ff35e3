import type { Comparator } from './comparison.js';
import { prefixComparison } from './prefixed.js';

/**
 * Compares one part of a value: `select` picks it from both sides and the
 * differences are reported under `path`, e.g.
 * `at('$.totals.kcal', (r) => r.totals.kcal, numberWithin({ relative: 0.05 }))`.
 */
export function at<T, U>(path: string, select: (value: T) => U, compare: Comparator<U>): Comparator<T> {
  return (legacy, candidate) => prefixComparison(path, compare(select(legacy), select(candidate)));
}
