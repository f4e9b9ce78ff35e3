import type { HistogramBucket } from '../migration/histogram-bucket.js';

/** Resolution of the native histograms: schema 5, bucket bounds 2^(1/32) ≈ 2.2 % apart. */
export const NATIVE_SCHEMA = 5;
/**
 * Durations at most this long, in seconds, count in the zero bucket: 2^-20 s
 * (about 0.95 µs), below any call worth timing; a power of two, so the zero
 * bucket ends exactly where bucket index −640 would.
 */
export const NATIVE_ZERO_THRESHOLD = 2 ** -20;
/**
 * The longest duration with a bucket of its own, in seconds: 2^12 s (about 68
 * minutes). Longer ones are counted in the top bucket and in
 * {@link NativeDurations.clamped}.
 */
export const NATIVE_TOP_SECONDS = 2 ** 12;

const PER_OCTAVE = 2 ** NATIVE_SCHEMA;
/** Index of the first bucket above the zero bucket: (2^-20, 2^(-20 + 1/32)]. */
export const NATIVE_FIRST_INDEX = Math.log2(NATIVE_ZERO_THRESHOLD) * PER_OCTAVE + 1;
/** Index of the top bucket: (2^(12 − 1/32), 2^12]. */
export const NATIVE_LAST_INDEX = Math.log2(NATIVE_TOP_SECONDS) * PER_OCTAVE;
const SLOTS = NATIVE_LAST_INDEX - NATIVE_FIRST_INDEX + 1;
/** Upper bound, in seconds, of each slot of {@link NativeDurations.counts}: slot i is bucket i + {@link NATIVE_FIRST_INDEX}. */
export const NATIVE_UPPER_BOUNDS: Float64Array = Float64Array.from({ length: SLOTS }, (_, slot) => 2 ** ((slot + NATIVE_FIRST_INDEX) / PER_OCTAVE));
const UPPER = NATIVE_UPPER_BOUNDS;

/**
 * Call durations of one path in the buckets of a Prometheus native histogram
 * at schema 5, cumulative since the series was created (as counters are): what
 * the guard's latency check reads in this process, 2.2 % precise where the
 * exported classic buckets (×1.2 apart) blur 20 %, and what the protobuf
 * exposition gives a fleet's Prometheus, so both judge on the same buckets.
 * Bucket i holds durations in (2^((i−1)/32), 2^(i/32)] seconds. One dense
 * array over the whole range (1 024 slots, 8 KB per path) allocated once, so
 * an observation is one logarithm and one increment, and no duration, however
 * hostile, can grow it; the exposition caps the buckets it writes.
 */
export class NativeDurations {
  /** Durations per bucket, slot 0 being bucket {@link NATIVE_FIRST_INDEX}. */
  readonly counts = new Float64Array(SLOTS);
  /** Durations at most {@link NATIVE_ZERO_THRESHOLD}. */
  zeroCount = 0;
  /** Sum of every duration observed, in seconds. */
  sum = 0;
  /** Durations above {@link NATIVE_TOP_SECONDS}, counted in the top bucket. */
  clamped = 0;

  /** Records one duration, in seconds (finite, not negative). */
  observe(seconds: number): void {
    this.sum += seconds;
    if (!(seconds > NATIVE_ZERO_THRESHOLD)) {
      this.zeroCount++;
      return;
    }
    if (seconds > NATIVE_TOP_SECONDS) {
      this.clamped++;
      this.counts[SLOTS - 1]!++;
      return;
    }
    // Just above the zero threshold the logarithm rounds down to its edge, one slot below the first.
    let slot = Math.max(0, Math.ceil(Math.log2(seconds) * PER_OCTAVE) - NATIVE_FIRST_INDEX);
    if (slot < SLOTS - 1 && seconds > UPPER[slot]!) slot++;
    else if (slot > 0 && seconds <= UPPER[slot - 1]!) slot--;
    this.counts[slot]!++;
  }

  /** Observations so far, the zero bucket included. */
  get count(): number {
    let total = this.zeroCount;
    for (const n of this.counts) total += n;
    return total;
  }
}

/** The durations of one path as plain counts, as a window of them subtracts: slots of {@link NativeDurations.counts} and the zero bucket. */
export interface NativeCounts {
  readonly zeroCount: number;
  readonly counts: ArrayLike<number>;
}

/**
 * Native counts (or a difference of two readings) as cumulative
 * Prometheus-style buckets, trimmed to the occupied ones and ending with
 * `le: Infinity`; a single `+Inf` bucket of 0 when empty. The zero bucket
 * ends at {@link NATIVE_ZERO_THRESHOLD}; one empty bucket before the first
 * occupied one keeps its lower edge known, and the range's top bound after
 * the last lets any threshold up to {@link NATIVE_TOP_SECONDS} be counted at.
 */
export function nativeDurationBuckets({ zeroCount, counts }: NativeCounts): HistogramBucket[] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i]! > 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  const zero = Math.max(0, zeroCount);
  if (first < 0 && zero === 0) return [{ le: Infinity, count: 0 }];
  const buckets: HistogramBucket[] = [{ le: NATIVE_ZERO_THRESHOLD, count: zero }];
  let cumulative = zero;
  if (first > 0) buckets.push({ le: UPPER[first - 1]!, count: cumulative });
  for (let i = Math.max(first, 0); first >= 0 && i <= last; i++) {
    cumulative += Math.max(0, counts[i]!);
    buckets.push({ le: UPPER[i]!, count: cumulative });
  }
  if (last < SLOTS - 1) buckets.push({ le: NATIVE_TOP_SECONDS, count: cumulative });
  buckets.push({ le: Infinity, count: cumulative });
  return buckets;
}
