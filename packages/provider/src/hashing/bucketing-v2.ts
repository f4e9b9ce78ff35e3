import { bucketFor } from './bucket.js';
import type { Bucketing, FractionalVariant } from './bucketing.js';

/** Largest total weight flagd accepts (Go's MaxInt32). */
const MAX_TOTAL_WEIGHT = 2147483647;

/** flagd's high-precision fractional bucketing (see {@link Bucketing}). */
export const bucketingV2: Bucketing = {
  version: 'v2',
  choose(bucketBy, entries) {
    const variants: FractionalVariant[] = [];
    const weights: number[] = [];
    for (const entry of entries) {
      // As flagd: elements past the weight are ignored, and a missing or null weight counts as 1.
      if (!Array.isArray(entry) || entry.length === 0) return null;
      const [variant, weight] = entry as [unknown, unknown];
      if (variant !== null && variant !== undefined && !['string', 'number', 'boolean'].includes(typeof variant)) return null;
      if (weight !== null && weight !== undefined && (typeof weight !== 'number' || !Number.isInteger(weight))) return null;
      variants.push((variant ?? null) as FractionalVariant);
      weights.push(typeof weight === 'number' ? Math.max(0, weight) : 1);
    }
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (total === 0 || total > MAX_TOTAL_WEIGHT) return null;
    const bucket = bucketFor(bucketBy, total);
    let running = 0;
    for (let i = 0; i < weights.length; i++) {
      running += weights[i]!;
      if (running > bucket) return variants[i]!;
    }
    return null;
  },
  inPercent(bucketBy, percent) {
    // Basis points keep two decimals of the percentage exact; the side of an id
    // depends only on the ratio, so this equals a file split of the same share.
    return bucketFor(bucketBy, 10_000) < Math.round(percent * 100);
  },
};
