import { describe, expect, it } from 'vitest';
import { describeTolerance, isWithinTolerance } from './tolerance.js';

describe(isWithinTolerance.name, () => {
  it('requires equality without bounds', () => {
    expect(isWithinTolerance(1, 1, {})).toBe(true);
    expect(isWithinTolerance(1, 1.0001, {})).toBe(false);
  });

  it('measures the relative bound from legacy, edges included', () => {
    expect(isWithinTolerance(100, 105, { relative: 0.05 })).toBe(true);
    expect(isWithinTolerance(100, 95, { relative: 0.05 })).toBe(true);
    expect(isWithinTolerance(100, 105.1, { relative: 0.05 })).toBe(false);
    expect(isWithinTolerance(0, 0.1, { relative: 0.05 })).toBe(false);
  });

  it('accepts a number within either bound', () => {
    expect(isWithinTolerance(0, 0.4, { relative: 0.05, absolute: 0.5 })).toBe(true);
    expect(isWithinTolerance(1000, 1040, { relative: 0.05, absolute: 0.5 })).toBe(true);
    expect(isWithinTolerance(10, 11, { relative: 0.05, absolute: 0.5 })).toBe(false);
  });

  it('never accepts NaN or an infinite distance against a finite number', () => {
    expect(isWithinTolerance(1, Number.NaN, { absolute: 10 })).toBe(false);
    expect(isWithinTolerance(1, Infinity, { relative: 10 })).toBe(false);
  });
});

describe(describeTolerance.name, () => {
  it('names the bounds', () => {
    expect(describeTolerance({ relative: 0.05, absolute: 2 })).toBe('outside ±5 % and ±2');
    expect(describeTolerance({})).toBe('not equal');
  });
});
