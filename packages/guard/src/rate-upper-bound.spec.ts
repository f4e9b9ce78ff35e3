import { describe, expect, it } from 'vitest';
import { mixtureEValue } from './mixture-e-value.js';
import { rateUpperBound } from './rate-upper-bound.js';

describe(rateUpperBound.name, () => {
  it('is 1 without trials, or when every trial is an event', () => {
    expect(rateUpperBound(0, 0, 0.01)).toBe(1);
    expect(rateUpperBound(50, 50, 0.01)).toBe(1);
  });

  it('lies above the observed rate and closes in on it as the sample grows', () => {
    const small = rateUpperBound(1, 100, 0.005);
    const large = rateUpperBound(100, 10_000, 0.005);
    expect(small).toBeGreaterThan(0.01);
    expect(large).toBeGreaterThan(0.01);
    expect(large).toBeLessThan(small);
    expect(large).toBeLessThan(0.02);
  });

  it('sits where the evidence against the complementary rate reaches 1/alpha', () => {
    const bound = rateUpperBound(30, 1000, 0.01);
    expect(mixtureEValue(970, 1000, 1 - bound)).toBeGreaterThanOrEqual(100);
    expect(mixtureEValue(970, 1000, 1 - bound + 1e-4)).toBeLessThan(100);
  });
});
