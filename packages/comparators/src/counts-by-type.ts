import { fieldOf } from './field-of.js';
import type { Comparator, Difference } from './comparison.js';
import { comparisonOf } from './comparison-of.js';
import { childSegment, formatPath } from './path/path-segment.js';
import { tally } from './tally.js';
import { describeTolerance, isWithinTolerance } from './tolerance.js';
import type { Tolerance } from './tolerance.js';

/** Options of {@link countsByType}. */
export interface CountsByTypeOptions<T> {
  /** The type of an item: a field name or a function. */
  readonly type: string | ((item: T) => string);
  /** How far a type's count may move before it is a difference. @default exact */
  readonly tolerance?: Tolerance;
  /** Severity of a count outside the tolerance. @default 'error' */
  readonly severity?: NonNullable<Difference['severity']>;
}

/**
 * Compares how many items of each type two lists hold, not the items
 * themselves (analyzer findings, say, where each run finds other instances). A difference is
 * reported at `$.<type>` with both counts; a type absent on one side counts 0.
 */
export function countsByType<T>(options: CountsByTypeOptions<T>): Comparator<readonly T[]> {
  const { type, tolerance = {}, severity = 'error' } = options;
  const typeOf = typeof type === 'string' ? (item: T) => String(fieldOf(item, type)) : type;
  const reason = describeTolerance(tolerance);
  return (legacy, candidate) => {
    const left = tally(legacy ?? [], typeOf);
    const right = tally(candidate ?? [], typeOf);
    const differences: Difference[] = [];
    for (const name of new Set([...left.keys(), ...right.keys()])) {
      const before = left.get(name) ?? 0;
      const after = right.get(name) ?? 0;
      if (isWithinTolerance(before, after, tolerance)) continue;
      differences.push({ path: formatPath([childSegment(name)]), legacy: before, candidate: after, reason, severity });
    }
    return comparisonOf(differences);
  };
}
