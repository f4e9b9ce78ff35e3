import type { Bucketing } from './bucketing.js';
import { murmur3 } from './murmur3.js';

const MAX_INT32 = 2147483647;

/** flagd ≤ 0.14's bucket: |int32(hash)| / MaxInt32 in percent, in [0, 100]. */
function percentBucket(bucketBy: string): number {
  return (Math.abs(murmur3(bucketBy) | 0) / MAX_INT32) * 100;
}

/**
 * flagd ≤ 0.14's fractional bucketing, as its Go evaluator does it: string
 * variants only, weights truncated to integers (a non-numeric weight counts as
 * 1), each variant's share `100 * weight / total` accumulated in floating
 * point; a bucket past the last share chooses nothing.
 */
export const bucketingV1: Bucketing = {
  version: 'v1',
  choose(bucketBy, entries) {
    const variants: string[] = [];
    const weights: number[] = [];
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length === 0 || typeof entry[0] !== 'string') return null;
      variants.push(entry[0]);
      weights.push(entry.length >= 2 && typeof entry[1] === 'number' ? Math.trunc(entry[1]) : 1);
    }
    const total = weights.reduce((sum, w) => sum + w, 0);
    const bucket = percentBucket(bucketBy);
    let rangeEnd = 0;
    for (let i = 0; i < weights.length; i++) {
      rangeEnd += total === 0 ? 0 : (100 * weights[i]!) / total;
      if (bucket < rangeEnd) return variants[i]!;
    }
    return null;
  },
  inPercent(bucketBy, percent) {
    return percentBucket(bucketBy) < percent;
  },
};
