import type { Comparator, Difference } from './comparison.js';
import { comparisonOf } from './comparison-of.js';
import { pathMatcher } from './path/path-matcher.js';
import type { PathMatcher } from './path/path-matcher.js';
import { childSegment, formatPath } from './path/path-segment.js';
import type { PathSegment } from './path/path-segment.js';
import { valueKind } from './value-kind.js';

/** Options of {@link sameShape}. */
export interface SameShapeOptions {
  /** Path patterns whose shape is not compared (see `deepEqual`). */
  readonly ignore?: readonly string[];
  /** Whether arrays must have the same length. @default true */
  readonly arrayLengths?: boolean;
}

interface Walk {
  readonly ignored: PathMatcher;
  readonly arrayLengths: boolean;
  readonly differences: Difference[];
}

/**
 * Compares the structure of two values and not their contents: the same keys,
 * the same kind of value at each path (string, number, array, null …) and,
 * by default, the same array lengths. Elements are compared pairwise. Fits
 * outputs whose wording varies by design but whose form must not.
 */
export function sameShape(options: SameShapeOptions = {}): Comparator<unknown> {
  const ignored = pathMatcher(options.ignore ?? []);
  const arrayLengths = options.arrayLengths ?? true;
  return (legacy, candidate) => {
    const walk: Walk = { ignored, arrayLengths, differences: [] };
    shapeAt(walk, [], legacy, candidate);
    return comparisonOf(walk.differences);
  };
}

function shapeAt(walk: Walk, path: PathSegment[], legacy: unknown, candidate: unknown): void {
  if (walk.ignored(path)) return;
  const kind = valueKind(legacy);
  const candidateKind = valueKind(candidate);
  if (kind !== candidateKind) {
    walk.differences.push({ path: formatPath(path), legacy, candidate, reason: `${kind} vs ${candidateKind}` });
    return;
  }
  if (Array.isArray(legacy) && Array.isArray(candidate)) {
    if (walk.arrayLengths && legacy.length !== candidate.length) {
      const lengthPath = formatPath([...path, childSegment('length')]);
      walk.differences.push({ path: lengthPath, legacy: legacy.length, candidate: candidate.length, reason: 'length differs' });
    }
    for (let index = 0; index < Math.min(legacy.length, candidate.length); index += 1) {
      shapeAt(walk, [...path, childSegment(index)], legacy[index], candidate[index]);
    }
  } else if (kind === 'object') {
    const left = legacy as Record<string, unknown>;
    const right = candidate as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      shapeAt(walk, [...path, childSegment(key)], left[key], right[key]);
    }
  }
}
