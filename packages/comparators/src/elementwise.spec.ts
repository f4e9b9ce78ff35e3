import { describe, expect, it } from 'vitest';
import { elementwise } from './elementwise.js';
import { numberWithin } from './number-within.js';

describe(elementwise.name, () => {
  it('compares by position and reports missing elements', () => {
    const result = elementwise(numberWithin({}))([1, 2, 3], [1, 2]);
    expect(result.differences.map((d) => [d.path, d.reason])).toEqual([
      ['$.length', 'length differs'],
      ['$[2]', 'missing in candidate'],
    ]);
  });
});
