import type { Comparator, Difference } from './comparison.js';
import { comparisonOf } from './comparison-of.js';
import { prefixComparison } from './prefixed.js';

/**
 * Compares two ordered lists position by position with `item`, after checking
 * their lengths; a missing or extra element is one difference, at its index.
 */
export function elementwise<T>(item: Comparator<T>): Comparator<readonly T[]> {
  return (legacy, candidate) => {
    const left = legacy ?? [];
    const right = candidate ?? [];
    const differences: Difference[] = [];
    if (left.length !== right.length) {
      differences.push({ path: '$.length', legacy: left.length, candidate: right.length, reason: 'length differs' });
    }
    for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
      differences.push(...prefixComparison(`$[${index}]`, item(left[index] as T, right[index] as T)).differences);
    }
    for (let index = right.length; index < left.length; index += 1) {
      differences.push({ path: `$[${index}]`, legacy: left[index], candidate: undefined, reason: 'missing in candidate' });
    }
    for (let index = left.length; index < right.length; index += 1) {
      differences.push({ path: `$[${index}]`, legacy: undefined, candidate: right[index], reason: 'missing in legacy' });
    }
    return comparisonOf(differences);
  };
}
