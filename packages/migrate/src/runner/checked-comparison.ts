import type { Comparison } from '@cutover/comparators';

/**
 * `value` when it is a {@link Comparison} (a boolean `match`, an array of
 * differences each with a string `path`); throws a TypeError saying what is
 * wrong otherwise, so a comparator's bad answer is a contained failure, not a
 * crash further on.
 */
export function checkedComparison(value: unknown): Comparison {
  if (typeof value !== 'object' || value === null) throw new TypeError(`compare returned ${value === null ? 'null' : typeof value}, not a comparison`);
  const { match, differences } = value as Partial<Record<keyof Comparison, unknown>>;
  if (typeof match !== 'boolean') throw new TypeError('compare returned a comparison without a boolean "match"');
  if (!Array.isArray(differences)) throw new TypeError('compare returned a comparison without a "differences" array');
  for (let i = 0; i < differences.length; i++) {
    const difference: unknown = differences[i];
    if (typeof difference !== 'object' || difference === null || typeof (difference as { path?: unknown }).path !== 'string') {
      throw new TypeError(`compare returned a difference without a string "path" at index ${i}`);
    }
  }
  return value as Comparison;
}
