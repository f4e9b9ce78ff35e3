import { describe, expect, it } from 'vitest';
import { LATENCY_SKETCH_BOUNDS, LatencySketch, sketchBuckets } from './latency-sketch.js';

describe(LatencySketch.name, () => {
  it('puts a duration in the bin whose bounds enclose it, bounds inclusive above', () => {
    const sketch = new LatencySketch();
    const bound = LATENCY_SKETCH_BOUNDS[400]!;
    sketch.observe(bound);
    sketch.observe(bound * 1.000001);
    expect(sketch.counts[400]).toBe(1);
    expect(sketch.counts[401]).toBe(1);
  });

  it('keeps bins at most 2 % wide from 10 µs to 1000 s', () => {
    const bounds = [...LATENCY_SKETCH_BOUNDS];
    expect(bounds[0]).toBeCloseTo(1e-5, 12);
    expect(bounds.at(-1)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...bounds.slice(1).map((b, i) => b / bounds[i]!))).toBeLessThan(1.021);
  });

  it('counts durations beyond the range in the first and the last slot', () => {
    const sketch = new LatencySketch();
    sketch.observe(0);
    sketch.observe(5000);
    expect(sketch.counts[0]).toBe(1);
    expect(sketch.counts[LATENCY_SKETCH_BOUNDS.length]).toBe(1);
  });
});

describe(sketchBuckets.name, () => {
  it('gives cumulative buckets over the occupied bins, ending with +Inf', () => {
    const sketch = new LatencySketch();
    for (const seconds of [0.05, 0.05, 0.1]) sketch.observe(seconds);
    const buckets = sketchBuckets(sketch.counts);
    expect(buckets[0]!.count).toBe(0);
    expect(buckets.at(-1)).toEqual({ le: Infinity, count: 3 });
    const atFifty = buckets.find((b) => b.le >= 0.05)!;
    expect(atFifty.count).toBe(2);
    expect(atFifty.le / 0.05).toBeLessThan(1.021);
  });

  it('gives a single empty +Inf bucket without calls', () => {
    expect(sketchBuckets(new Float64Array(3))).toEqual([{ le: Infinity, count: 0 }]);
  });
});
