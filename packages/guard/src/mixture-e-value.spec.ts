import { describe, expect, it } from 'vitest';
import { mixtureEValue } from './mixture-e-value.js';

/** A seeded generator so the simulated sequences are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The defining integral, by the midpoint rule over the Jeffreys density. */
function integrated(x: number, n: number, q: number): number {
  const steps = 200_000;
  const likelihood = (p: number): number => p ** x * (1 - p) ** (n - x);
  let below = 0;
  let above = 0;
  for (let i = 0; i < steps; i++) {
    const p = (i + 0.5) / steps;
    const density = 1 / (Math.PI * Math.sqrt(p * (1 - p))) / steps;
    if (p < q) below += density;
    else above += (likelihood(p) / likelihood(q)) * density;
  }
  return below + above;
}

describe(mixtureEValue.name, () => {
  it('is 1, no evidence, without trials', () => {
    expect(mixtureEValue(0, 0, 0.05)).toBe(1);
  });

  it('equals the mixture integral it is defined by', () => {
    for (const [x, n, q] of [[3, 20, 0.05], [10, 40, 0.1], [0, 30, 0.2], [25, 50, 0.3]] as const) {
      expect(mixtureEValue(x, n, q)).toBeCloseTo(integrated(x, n, q), 3);
    }
  });

  it('grows large when events are far above the null rate and stays below 1 when they are not', () => {
    expect(mixtureEValue(20, 100, 0.05)).toBeGreaterThan(1000);
    expect(mixtureEValue(4, 100, 0.05)).toBeLessThan(1);
  });

  it('decreases in the null rate below the observed rate', () => {
    let previous = Infinity;
    for (let q = 0.01; q < 0.2; q += 0.005) {
      const e = mixtureEValue(20, 100, q);
      expect(e).toBeLessThanOrEqual(previous);
      previous = e;
    }
  });

  it('crosses 1/alpha in at most alpha of sequences drawn at the null rate, looking after every 10 trials', () => {
    const next = seeded(42);
    const alpha = 0.05;
    const sequences = 400;
    let crossed = 0;
    for (let s = 0; s < sequences; s++) {
      let events = 0;
      for (let n = 1; n <= 1000; n++) {
        if (next() < 0.1) events++;
        if (n % 10 === 0 && mixtureEValue(events, n, 0.1) >= 1 / alpha) {
          crossed++;
          break;
        }
      }
    }
    expect(crossed / sequences).toBeLessThanOrEqual(alpha);
  });
});
