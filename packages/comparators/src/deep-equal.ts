import type { Comparator, Difference } from './comparison.js';
import { comparisonOf } from './comparison-of.js';
import { pathMatcher } from './path/path-matcher.js';
import type { PathMatcher } from './path/path-matcher.js';
import { childSegment, formatPath } from './path/path-segment.js';
import type { PathSegment } from './path/path-segment.js';
import { describeTolerance, isWithinTolerance } from './tolerance.js';
import type { Tolerance } from './tolerance.js';
import { valueKind } from './value-kind.js';

/** Options of {@link deepEqual}. */
export interface DeepEqualOptions {
  /** Path patterns not compared, with everything below them (`$.meta`, `$.items[*].id`, `$.**.createdAt`). */
  readonly ignore?: readonly string[];
  /** Numbers anywhere in the value are equal within this tolerance. @default exact */
  readonly tolerance?: Tolerance;
  /** Stop after this many differences, so a wholly different result stays cheap to store. @default 100 */
  readonly maxDifferences?: number;
}

interface Walk {
  readonly ignored: PathMatcher;
  readonly tolerance: Tolerance;
  readonly max: number;
  readonly differences: Difference[];
  /** Objects being walked, so a cyclic value ends in a difference, not a stack overflow. */
  readonly stack: Set<object>;
}

/**
 * Compares JSON-like values (plus dates, maps and sets) structurally and lists
 * every difference with its path. A key holding `undefined` counts as absent,
 * as it would after a JSON round trip. Arrays are compared by position; use
 * `unorderedByKey` for collections whose order does not matter.
 */
export function deepEqual(options: DeepEqualOptions = {}): Comparator<unknown> {
  const ignored = pathMatcher(options.ignore ?? []);
  const tolerance = options.tolerance ?? {};
  const max = options.maxDifferences ?? 100;
  return (legacy, candidate) => {
    const walk: Walk = { ignored, tolerance, max, differences: [], stack: new Set() };
    compareAt(walk, [], legacy, candidate);
    return comparisonOf(walk.differences);
  };
}

function compareAt(walk: Walk, path: PathSegment[], legacy: unknown, candidate: unknown): void {
  if (walk.differences.length >= walk.max || walk.ignored(path)) return;
  if (legacy === candidate || (Number.isNaN(legacy) && Number.isNaN(candidate))) return;
  const differ = (reason: string): void => {
    walk.differences.push({ path: formatPath(path), legacy, candidate, reason });
  };
  const kind = valueKind(legacy);
  const candidateKind = valueKind(candidate);
  if (kind === 'undefined') return differ('missing in legacy');
  if (candidateKind === 'undefined') return differ('missing in candidate');
  if (kind !== candidateKind) return differ(`${kind} vs ${candidateKind}`);
  switch (kind) {
    case 'number':
      if (!isWithinTolerance(legacy as number, candidate as number, walk.tolerance)) {
        differ(describeTolerance(walk.tolerance));
      }
      return;
    case 'date':
      if ((legacy as Date).getTime() !== (candidate as Date).getTime()) differ('not equal');
      return;
    case 'array':
    case 'set':
      return compareChildren(walk, path, [...(legacy as Iterable<unknown>)], [...(candidate as Iterable<unknown>)]);
    case 'map':
      return compareChildren(walk, path, entriesOf(legacy as Map<unknown, unknown>), entriesOf(candidate as Map<unknown, unknown>));
    case 'object':
      return compareChildren(walk, path, legacy as Record<string, unknown>, candidate as Record<string, unknown>);
    default:
      return differ('not equal');
  }
}

function compareChildren(
  walk: Walk,
  path: PathSegment[],
  legacy: Record<string, unknown> | unknown[],
  candidate: Record<string, unknown> | unknown[],
): void {
  if (walk.stack.has(legacy) || walk.stack.has(candidate)) {
    walk.differences.push({ path: formatPath(path), legacy: '[Circular]', candidate: '[Circular]', reason: 'circular' });
    return;
  }
  walk.stack.add(legacy).add(candidate);
  compareEntries(walk, path, legacy, candidate);
  walk.stack.delete(legacy);
  walk.stack.delete(candidate);
}

function compareEntries(
  walk: Walk,
  path: PathSegment[],
  legacy: Record<string, unknown> | unknown[],
  candidate: Record<string, unknown> | unknown[],
): void {
  if (Array.isArray(legacy) && Array.isArray(candidate)) {
    for (let index = 0; index < Math.max(legacy.length, candidate.length); index += 1) {
      compareAt(walk, [...path, childSegment(index)], legacy[index], candidate[index]);
    }
    return;
  }
  const left = legacy as Record<string, unknown>;
  const right = candidate as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    compareAt(walk, [...path, childSegment(key)], left[key], right[key]);
  }
}

function entriesOf(map: Map<unknown, unknown>): Record<string, unknown> {
  return Object.fromEntries([...map].map(([key, value]) => [String(key), value]));
}
