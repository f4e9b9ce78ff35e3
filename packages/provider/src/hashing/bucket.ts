import { murmur3 } from './murmur3.js';

const TWO_POW_32 = 4294967296;
/** Below this total weight, hash × weight stays under 2^53 and is exact in a double. */
const EXACT_WEIGHT_LIMIT = 0x200000;

/**
 * flagd's fractional bucket: `(hash * totalWeight) >> 32` for an unsigned 32-bit hash.
 * An id lands in bucket b of W exactly when hash < (b + 1) / W × 2^32, so two
 * splits with the same ratio (10 of 100, 1 of 10) put every id on the same side.
 */
export function bucketOf(hash: number, totalWeight: number): number {
  if (totalWeight < EXACT_WEIGHT_LIMIT) return Math.floor((hash * totalWeight) / TWO_POW_32);
  return Number((BigInt(hash) * BigInt(totalWeight)) >> 32n);
}

/** The bucket of `bucketingKey` (flag key + targeting key, or a custom expression's string). */
export function bucketFor(bucketingKey: string, totalWeight: number): number {
  return bucketOf(murmur3(bucketingKey), totalWeight);
}
