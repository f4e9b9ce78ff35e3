export type { Comparator, Comparison, Difference } from './comparison.js';
export { comparisonOf } from './comparison-of.js';

// Building blocks
export { deepEqual } from './deep-equal.js';
export type { DeepEqualOptions } from './deep-equal.js';
export { isWithinTolerance, describeTolerance } from './tolerance.js';
export type { Tolerance } from './tolerance.js';
export { numberWithin } from './number-within.js';
export { unorderedByKey } from './unordered-by-key.js';
export type { UnorderedByKeyOptions } from './unordered-by-key.js';
export { countsByType } from './counts-by-type.js';
export type { CountsByTypeOptions } from './counts-by-type.js';
export { tally } from './tally.js';
export { sameShape } from './same-shape.js';
export type { SameShapeOptions } from './same-shape.js';
export { normalizeText } from './normalize-text.js';
export { textSimilarity } from './text-similarity.js';
export { textVariance } from './text-variance.js';
export type { TextVarianceOptions } from './text-variance.js';
export { httpResponse } from './http-response.js';
export type { HttpResponseLike, HttpResponseOptions } from './http-response.js';

// Composition
export { allOf } from './all-of.js';
export { at } from './at.js';
export { fields } from './fields.js';
export type { FieldComparators } from './fields.js';
export { elementwise } from './elementwise.js';
export { ignorePaths } from './ignore-paths.js';
export { prefixed, prefixComparison } from './prefixed.js';
export { withSeverity } from './with-severity.js';

// Paths
export { parsePath } from './path/parse-path.js';
export { pathMatcher } from './path/path-matcher.js';
export type { PathMatcher } from './path/path-matcher.js';
export { formatPath, childSegment } from './path/path-segment.js';
export type { PathSegment } from './path/path-segment.js';
export { prefixPath } from './path/prefix-path.js';

// Errors
export { ComparatorsError } from './comparators-error.js';
export { InvalidOptionError } from '@cutover/core';
