import { parsePath } from './parse-path.js';
import type { PathSegment } from './path-segment.js';

/** Tells whether a path is covered by one of the patterns it was built from. */
export type PathMatcher = (path: readonly PathSegment[]) => boolean;

/**
 * Compiles glob-like path patterns once. A pattern covers the paths it matches
 * and everything below them, so `$.meta` ignores the whole `meta` object and
 * `$.items[*].id` ignores every item's id. `*` matches one segment (a key or
 * an index), `**` any number of segments. Throws on a malformed pattern.
 */
export function pathMatcher(patterns: readonly string[]): PathMatcher {
  const compiled = patterns.map(parsePath);
  if (compiled.length === 0) return () => false;
  return (path) => compiled.some((pattern) => coversPrefix(pattern, 0, path, 0));
}

function coversPrefix(
  pattern: readonly PathSegment[],
  p: number,
  path: readonly PathSegment[],
  s: number,
): boolean {
  const step = pattern[p];
  if (step === undefined) return true;
  if (step.kind === 'deep') {
    for (let skip = s; skip <= path.length; skip += 1) {
      if (coversPrefix(pattern, p + 1, path, skip)) return true;
    }
    return false;
  }
  const segment = path[s];
  return segment !== undefined && sameSegment(step, segment) && coversPrefix(pattern, p + 1, path, s + 1);
}

function sameSegment(step: PathSegment, segment: PathSegment): boolean {
  switch (step.kind) {
    case 'any':
      return true;
    case 'key':
      return segment.kind === 'key' && segment.key === step.key;
    case 'index':
      return segment.kind === 'index' && segment.index === step.index;
    case 'filter':
      return segment.kind === 'filter' && segment.filter === step.filter;
    case 'deep':
      return false;
  }
}
