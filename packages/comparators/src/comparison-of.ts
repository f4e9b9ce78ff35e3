import type { Comparison, Difference } from './comparison.js';

/**
 * Builds a Comparison from its differences: it matches unless one of them is
 * an error (a difference without a severity is an error).
 */
export function comparisonOf(differences: readonly Difference[]): Comparison {
  const match = differences.every((difference) => difference.severity === 'warning');
  return { match, differences };
}
