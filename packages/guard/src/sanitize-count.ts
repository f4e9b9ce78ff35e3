/**
 * A count as the tests can use it: negative, NaN or infinite values (a counter
 * reset seen through `increase()`, a missing series) become 0. Fractional
 * counts from PromQL extrapolation are kept; the tests accept them.
 */
export function sanitizeCount(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}
