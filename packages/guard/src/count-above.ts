import type { HistogramBucket } from '@cutover/hooks';

/** Observations above a bucket bound. */
export interface CountAbove {
  /** The bucket bound counted from: the smallest finite `le` at or above the threshold asked for. */
  readonly bound: number;
  /** Observations above `bound`. */
  readonly count: number;
}

// Products like 1.5 × 0.1 land a hair above the bound they mean.
const RELATIVE_SLACK = 1e-9;

/**
 * How many observations lie above `threshold`, counted from the smallest
 * bucket bound at or above it: rounding the threshold up, never interpolating,
 * means a count above the bound is certainly above the threshold. Null when no
 * finite bound reaches the threshold.
 */
export function countAbove(buckets: readonly HistogramBucket[], threshold: number): CountAbove | null {
  const total = buckets.at(-1)?.count ?? 0;
  const bucket = buckets.find((b) => b.le !== Infinity && b.le >= threshold * (1 - RELATIVE_SLACK));
  return bucket ? { bound: bucket.le, count: Math.max(0, total - bucket.count) } : null;
}
