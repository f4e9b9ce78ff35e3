import { describe, expect, it } from 'vitest';
import { textSimilarity } from './text-similarity.js';

describe(textSimilarity.name, () => {
  it('is 1 for texts equal after normalising and lower the more they differ', () => {
    expect(textSimilarity('Hello, World', 'hello world')).toBe(1);
    expect(textSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    expect(textSimilarity('abc', 'xyz')).toBe(0);
  });
});
