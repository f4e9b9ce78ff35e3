import { describe, expect, it } from 'vitest';
import { NATIVE_FIRST_INDEX, NATIVE_LAST_INDEX, NATIVE_TOP_SECONDS, NATIVE_ZERO_THRESHOLD, NativeDurations, nativeDurationBuckets } from './native-durations.js';

/** The schema-5 index of the one bucket holding an observation. */
function indexOf(durations: NativeDurations): number {
  const slot = durations.counts.findIndex((n) => n > 0);
  return slot + NATIVE_FIRST_INDEX;
}

describe(NativeDurations.name, () => {
  describe('observe', () => {
    it('puts a duration in bucket i when 2^((i-1)/32) < seconds <= 2^(i/32)', () => {
      for (const seconds of [0.001, 0.0123, 0.05, 0.25, 1, 3.7, 100]) {
        const durations = new NativeDurations();
        durations.observe(seconds);
        const i = indexOf(durations);
        expect(2 ** ((i - 1) / 32)).toBeLessThan(seconds);
        expect(2 ** (i / 32)).toBeGreaterThanOrEqual(seconds);
      }
    });

    it('counts a duration exactly at a bound in the bucket it ends (upper bounds are inclusive)', () => {
      for (const i of [-320, -1, 0, 1, 32, 33]) {
        const durations = new NativeDurations();
        durations.observe(2 ** (i / 32));
        expect(indexOf(durations)).toBe(i);
      }
    });

    it('counts the shortest durations above the zero threshold in the first bucket, where the logarithm rounds to its lower edge', () => {
      const durations = new NativeDurations();
      // The next double above 2^-20: Math.log2 gives exactly -20, the zero bucket's edge.
      durations.observe(NATIVE_ZERO_THRESHOLD * (1 + Number.EPSILON));
      expect(durations.zeroCount).toBe(0);
      expect(durations.count).toBe(1);
      expect(indexOf(durations)).toBe(NATIVE_FIRST_INDEX);
    });

    it('counts durations at most the zero threshold in the zero bucket, and sums every duration', () => {
      const durations = new NativeDurations();
      durations.observe(0);
      durations.observe(NATIVE_ZERO_THRESHOLD);
      durations.observe(0.5);
      expect(durations.zeroCount).toBe(2);
      expect(durations.count).toBe(3);
      expect(durations.sum).toBeCloseTo(0.5 + NATIVE_ZERO_THRESHOLD, 12);
    });

    it('counts durations above the top bucket in it, and as clamped, so no duration grows the memory', () => {
      const durations = new NativeDurations();
      const slots = durations.counts.length;
      durations.observe(NATIVE_TOP_SECONDS * 10);
      durations.observe(Number.MAX_VALUE);
      durations.observe(NATIVE_TOP_SECONDS);
      expect(durations.counts.length).toBe(slots);
      expect(indexOf(durations)).toBe(NATIVE_LAST_INDEX);
      expect(durations.counts.at(-1)).toBe(3);
      expect(durations.clamped).toBe(2);
    });
  });
});

describe(nativeDurationBuckets.name, () => {
  it('gives cumulative buckets over the occupied ones, 2.2 % apart, ending with +Inf', () => {
    const durations = new NativeDurations();
    for (const seconds of [0.05, 0.05, 0.1, 0]) durations.observe(seconds);
    const buckets = nativeDurationBuckets(durations);
    expect(buckets[0]).toEqual({ le: NATIVE_ZERO_THRESHOLD, count: 1 });
    expect(buckets.at(-1)).toEqual({ le: Infinity, count: 4 });
    const atFifty = buckets.find((b) => b.le >= 0.05)!;
    expect(atFifty.count).toBe(3);
    expect(atFifty.le / 0.05).toBeLessThan(1.022);
    // Every threshold up to the range's top has a bound to be counted at.
    expect(buckets.at(-2)).toEqual({ le: NATIVE_TOP_SECONDS, count: 4 });
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.count).toBeGreaterThanOrEqual(buckets[i - 1]!.count);
  });

  it('gives a single empty +Inf bucket without calls, and subtracts as a window', () => {
    expect(nativeDurationBuckets(new NativeDurations())).toEqual([{ le: Infinity, count: 0 }]);
    const later = new NativeDurations();
    later.observe(0.2);
    const window = nativeDurationBuckets({ zeroCount: 0, counts: later.counts.map((n) => n - n) });
    expect(window).toEqual([{ le: Infinity, count: 0 }]);
  });
});
