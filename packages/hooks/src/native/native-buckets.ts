import { NATIVE_FIRST_INDEX, NATIVE_SCHEMA } from './native-durations.js';

/** Occupied buckets of a native histogram at one schema, ascending by index. */
export interface NativeBuckets {
  /** Resolution: bounds are 2^(2^−schema) apart. */
  readonly schema: number;
  /** Bucket indexes, ascending; bucket i covers (base^(i−1), base^i]. */
  readonly indexes: readonly number[];
  /** Count of each bucket in {@link indexes}, all positive. */
  readonly counts: readonly number[];
}

/**
 * The occupied buckets of a {@link NativeDurations}' counts, widened (schema
 * lowered by one, merging pairs of neighbours, as client_golang does) until at
 * most `maxBuckets` remain: a spread of durations costs resolution, never an
 * unbounded exposition. At schema s − 1, bucket j holds buckets 2j − 1 and 2j of schema s.
 */
export function nativeBuckets(counts: ArrayLike<number>, maxBuckets: number): NativeBuckets {
  let indexes: number[] = [];
  let values: number[] = [];
  for (let slot = 0; slot < counts.length; slot++) {
    if (counts[slot]! > 0) {
      indexes.push(slot + NATIVE_FIRST_INDEX);
      values.push(counts[slot]!);
    }
  }
  let schema = NATIVE_SCHEMA;
  // Schema −4 is the coarsest Prometheus knows (bounds 2^16 apart).
  while (indexes.length > maxBuckets && schema > -4) {
    const merged: number[] = [];
    const sums: number[] = [];
    for (let i = 0; i < indexes.length; i++) {
      // + 0 turns Math.ceil(-0.5), which is -0, into 0.
      const index = Math.ceil(indexes[i]! / 2) + 0;
      if (merged.at(-1) === index) sums[sums.length - 1]! += values[i]!;
      else {
        merged.push(index);
        sums.push(values[i]!);
      }
    }
    indexes = merged;
    values = sums;
    schema--;
  }
  return { schema, indexes, counts: values };
}
