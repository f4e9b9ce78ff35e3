import { isDeepStrictEqual } from 'node:util';
import type { Comparison } from '@cutover/comparators';

const MATCH: Comparison = Object.freeze({ match: true, differences: [] });

/**
 * The comparator used when a migration names none: deep strict equality with
 * one difference at the root. Pass a field-level comparator from
 * `@cutover/comparators` to get readable differences and useful noise paths.
 */
export function equalityComparator<T>(legacy: T, candidate: T): Comparison {
  if (isDeepStrictEqual(legacy, candidate)) return MATCH;
  return { match: false, differences: [{ path: '$', legacy, candidate, reason: 'not deeply equal' }] };
}
