/** A variant name as a `fractional` bucket may give it. */
export type FractionalVariant = string | number | boolean | null;

/**
 * The two ways flagd has turned a hash into a bucket:
 * - `v2`: `(hash * totalWeight) >> 32` over integer weights (flagd and its
 *   providers since the 2026 high-precision fractional release; flagd-core 4);
 * - `v1`: `|int32(hash)| / MaxInt32 * 100` against percentages (flagd ≤ 0.14).
 * Both hash the UTF-8 bytes of the bucketing key with MurmurHash3.
 */
export type BucketingVersion = 'v2' | 'v1';

/** One bucketing version: how `fractional` chooses and how an env canary tests membership, consistently. */
export interface Bucketing {
  readonly version: BucketingVersion;
  /** Chooses among a rule's `[variant, weight?]` entries; null when they are malformed or none is chosen. */
  choose(bucketBy: string, entries: readonly unknown[]): FractionalVariant | null;
  /** Whether `bucketBy` lands in the first `percent` % of a split: what `[[x, percent], [y, 100 - percent]]` gives x. */
  inPercent(bucketBy: string, percent: number): boolean;
}
