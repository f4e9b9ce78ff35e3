import { describe, expect, it } from 'vitest';
import { comparisonOf } from './comparison-of.js';

describe(comparisonOf.name, () => {
  it('matches unless a difference is an error', () => {
    expect(comparisonOf([{ path: '$', legacy: 1, candidate: 2, severity: 'warning' }]).match).toBe(true);
    expect(comparisonOf([{ path: '$', legacy: 1, candidate: 2 }]).match).toBe(false);
  });
});
