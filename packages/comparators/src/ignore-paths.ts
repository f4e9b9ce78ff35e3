import type { Comparator } from './comparison.js';
import { comparisonOf } from './comparison-of.js';
import { parsePath } from './path/parse-path.js';
import { pathMatcher } from './path/path-matcher.js';

/**
 * Drops the differences another comparator reports at ignored paths (same
 * patterns as `deepEqual`'s `ignore`), for comparators that have no such
 * option. A difference whose path cannot be parsed is kept, never lost.
 */
export function ignorePaths<T>(compare: Comparator<T>, patterns: readonly string[]): Comparator<T> {
  const ignored = pathMatcher(patterns);
  return (legacy, candidate) => {
    const differences = compare(legacy, candidate).differences.filter((difference) => {
      try {
        return !ignored(parsePath(difference.path));
      } catch {
        return true;
      }
    });
    return comparisonOf(differences);
  };
}
