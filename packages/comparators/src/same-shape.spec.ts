import { describe, expect, it } from 'vitest';
import { sameShape } from './same-shape.js';

describe(sameShape.name, () => {
  it('accepts different values of the same shape', () => {
    expect(sameShape()({ q: 'How?', n: 1, tags: ['a'] }, { q: 'Why?', n: 7, tags: ['b'] }).match).toBe(true);
  });

  it('reports a changed kind, a missing key and a different length', () => {
    const result = sameShape()({ q: 'How?', n: 1, tags: ['a'] }, { q: null, tags: ['a', 'b'] });
    expect(result.differences.map((d) => [d.path, d.reason])).toEqual([
      ['$.q', 'string vs null'],
      ['$.n', 'number vs undefined'],
      ['$.tags.length', 'length differs'],
    ]);
  });

  it('compares elements pairwise and can skip lengths and ignored paths', () => {
    const compare = sameShape({ arrayLengths: false, ignore: ['$.meta'] });
    expect(compare({ a: [1, 2], meta: 1 }, { a: [3], meta: 'x' }).match).toBe(true);
    expect(compare({ a: [1] }, { a: ['1'] }).differences[0]?.path).toBe('$.a[0]');
  });
});
