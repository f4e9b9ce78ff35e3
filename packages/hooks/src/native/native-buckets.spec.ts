import { describe, expect, it } from 'vitest';
import { nativeBuckets } from './native-buckets.js';
import { NativeDurations } from './native-durations.js';
import { resolveMigrationMetricsConfig } from '../migration/migration-metrics-config.js';

function observed(...seconds: number[]): NativeDurations {
  const durations = new NativeDurations();
  for (const s of seconds) durations.observe(s);
  return durations;
}

describe(nativeBuckets.name, () => {
  it('lists the occupied buckets at schema 5 when they fit', () => {
    const { schema, indexes, counts } = nativeBuckets(observed(1, 1, 2 ** (1 / 32), 2).counts, 160);
    expect(schema).toBe(5);
    expect(indexes).toEqual([0, 1, 32]);
    expect(counts).toEqual([2, 1, 1]);
  });

  it('widens, merging buckets 2j - 1 and 2j into bucket j, until at most maxBuckets remain', () => {
    // Buckets -1, 0, 1, 2 at schema 5 are buckets 0, 0, 1, 1 at schema 4.
    const durations = observed(2 ** (-1 / 32), 1, 2 ** (1 / 32), 2 ** (2 / 32));
    expect(nativeBuckets(durations.counts, 2)).toEqual({ schema: 4, indexes: [0, 1], counts: [2, 2] });
    // 1 s is a bound at every schema: the two sides never merge, whatever the cap.
    expect(nativeBuckets(durations.counts, 1)).toEqual({ schema: -4, indexes: [0, 1], counts: [2, 2] });
  });

  it('keeps the count of every observation whatever the widening, and never exceeds the cap', () => {
    // Hostile durations, one per bucket over the whole range.
    const durations = new NativeDurations();
    for (let i = -600; i <= 380; i++) durations.observe(2 ** (i / 32));
    const { schema, indexes, counts } = nativeBuckets(durations.counts, 160);
    expect(indexes.length).toBeLessThanOrEqual(160);
    expect(schema).toBeLessThan(5);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(981);
    // Each schema-s bucket j covers (2^((j-1)/2^s), 2^(j/2^s)]: the top observation, 2^(380/32), is in the last.
    const top = indexes.at(-1)!;
    const base = 2 ** (2 ** -schema);
    expect(base ** (top - 1)).toBeLessThan(2 ** (380 / 32));
    expect(base ** top).toBeGreaterThanOrEqual(2 ** (380 / 32));
  });
});

describe('the default cap', () => {
  it("keeps schema 5 for a service's durations: log-normal around 50 ms with σ = 1, 100 000 calls", () => {
    let state = 42;
    // A small LCG: reproducible uniform draws in (0, 1).
    const uniform = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) + 0.5) / 2 ** 31;
    const durations = new NativeDurations();
    for (let i = 0; i < 100_000; i++) durations.observe(0.05 * Math.exp(Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())));
    expect(nativeBuckets(durations.counts, resolveMigrationMetricsConfig({}).nativeMaxBuckets).schema).toBe(5);
  });
});
