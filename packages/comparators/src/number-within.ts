import type { Comparator } from './comparison.js';
import { comparisonOf } from './comparison-of.js';
import { describeTolerance, isWithinTolerance } from './tolerance.js';
import type { Tolerance } from './tolerance.js';

/**
 * Compares two numbers within a tolerance (relative, absolute, or both).
 * A value that is not a number on either side is a difference.
 */
export function numberWithin(tolerance: Tolerance): Comparator<number> {
  return (legacy, candidate) => {
    if (typeof legacy !== 'number' || typeof candidate !== 'number') {
      return comparisonOf([{ path: '$', legacy, candidate, reason: 'not a number' }]);
    }
    if (isWithinTolerance(legacy, candidate, tolerance)) return comparisonOf([]);
    return comparisonOf([{ path: '$', legacy, candidate, reason: describeTolerance(tolerance) }]);
  };
}
