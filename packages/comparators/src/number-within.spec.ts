import { describe, expect, it } from 'vitest';
import { numberWithin } from './number-within.js';

describe(numberWithin.name, () => {
  it('accepts a number within tolerance and rejects one outside or not a number', () => {
    const compare = numberWithin({ absolute: 1 });
    expect(compare(10, 11).match).toBe(true);
    expect(compare(10, 12).differences[0]?.reason).toBe('outside ±1');
    expect(compare(10, JSON.parse('"10"') as number).differences[0]?.reason).toBe('not a number');
  });
});
