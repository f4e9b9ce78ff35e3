/**
 * One step of a JSON path: an object key, an array index, a filter that names
 * an element of an unordered collection by its key, or (in patterns only) a
 * wildcard. Paths are kept as segments while walking so matching ignore
 * patterns never has to re-parse text.
 */
export type PathSegment =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'filter'; readonly filter: string }
  /** `*` or `[*]`: any one segment. */
  | { readonly kind: 'any' }
  /** `**`: any number of segments, including none. */
  | { readonly kind: 'deep' };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The segment for a key of an object or an index of an array. */
export function childSegment(key: string | number): PathSegment {
  return typeof key === 'number' ? { kind: 'index', index: key } : { kind: 'key', key };
}

/** Renders segments as a path string: `$.items[2]["odd key"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '$';
  for (const segment of segments) path += formatSegment(segment);
  return path;
}

function formatSegment(segment: PathSegment): string {
  switch (segment.kind) {
    case 'key':
      return IDENTIFIER.test(segment.key) ? `.${segment.key}` : `[${JSON.stringify(segment.key)}]`;
    case 'index':
      return `[${segment.index}]`;
    case 'filter':
      return `[${segment.filter}]`;
    case 'any':
      return '[*]';
    case 'deep':
      return '.**';
  }
}
