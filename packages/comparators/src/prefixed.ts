import type { Comparator, Comparison } from './comparison.js';
import { prefixPath } from './path/prefix-path.js';

/** Moves every difference of a comparison under `prefix` (`$.totals`). */
export function prefixComparison(prefix: string, comparison: Comparison): Comparison {
  if (prefix === '$' || comparison.differences.length === 0) return comparison;
  const differences = comparison.differences.map((difference) => ({
    ...difference,
    path: prefixPath(prefix, difference.path),
  }));
  return { match: comparison.match, differences };
}

/** A comparator whose differences are reported under `prefix`. */
export function prefixed<T>(prefix: string, compare: Comparator<T>): Comparator<T> {
  return (legacy, candidate) => prefixComparison(prefix, compare(legacy, candidate));
}
