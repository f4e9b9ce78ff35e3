import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal.js';

describe(deepEqual.name, () => {
  it('matches structurally equal values regardless of key order', () => {
    const compare = deepEqual();
    expect(compare({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toEqual({ match: true, differences: [] });
  });

  it('lists each difference with its path and both values', () => {
    const result = deepEqual()({ a: 1, items: [{ kcal: 10 }], gone: true }, { a: 2, items: [{ kcal: 12 }], extra: 'x' });
    expect(result.match).toBe(false);
    expect(result.differences).toEqual([
      { path: '$.a', legacy: 1, candidate: 2, reason: 'not equal' },
      { path: '$.items[0].kcal', legacy: 10, candidate: 12, reason: 'not equal' },
      { path: '$.gone', legacy: true, candidate: undefined, reason: 'missing in candidate' },
      { path: '$.extra', legacy: undefined, candidate: 'x', reason: 'missing in legacy' },
    ]);
  });

  it('reports a change of kind once, not the contents below it', () => {
    const result = deepEqual()({ a: [1, 2] }, { a: { 0: 1 } });
    expect(result.differences).toEqual([{ path: '$.a', legacy: [1, 2], candidate: { 0: 1 }, reason: 'array vs object' }]);
  });

  it('reports extra and missing array elements at their index', () => {
    const result = deepEqual()([1, 2, 3], [1]);
    expect(result.differences.map((d) => d.path)).toEqual(['$[1]', '$[2]']);
  });

  it('skips ignored paths and everything below them', () => {
    const compare = deepEqual({ ignore: ['$.meta', '$.items[*].id'] });
    const legacy = { meta: { at: 1 }, items: [{ id: 'a', n: 1 }] };
    const candidate = { meta: { at: 2, more: 1 }, items: [{ id: 'b', n: 1 }] };
    expect(compare(legacy, candidate).match).toBe(true);
    expect(compare(legacy, { ...candidate, items: [{ id: 'b', n: 2 }] }).differences.map((d) => d.path)).toEqual([
      '$.items[0].n',
    ]);
  });

  it('compares numbers within the tolerance', () => {
    const compare = deepEqual({ tolerance: { relative: 0.05 } });
    expect(compare({ kcal: 100 }, { kcal: 105 }).match).toBe(true);
    expect(compare({ kcal: 100 }, { kcal: 106 }).differences[0]?.reason).toBe('outside ±5 %');
  });

  it('treats an undefined key as absent and NaN as equal to NaN', () => {
    expect(deepEqual()({ a: undefined, n: Number.NaN }, { n: Number.NaN }).match).toBe(true);
  });

  it('compares dates by time and maps and sets by content', () => {
    const compare = deepEqual();
    expect(compare(new Date(1), new Date(1)).match).toBe(true);
    expect(compare(new Date(1), new Date(2)).match).toBe(false);
    expect(compare(new Map([['a', 1]]), new Map([['a', 2]])).differences[0]?.path).toBe('$.a');
    expect(compare(new Set([1]), new Set([2])).match).toBe(false);
  });

  it('stops after maxDifferences', () => {
    const compare = deepEqual({ maxDifferences: 2 });
    expect(compare([1, 2, 3, 4], [5, 6, 7, 8]).differences).toHaveLength(2);
  });

  it('reports a cycle instead of overflowing the stack', () => {
    const legacy: Record<string, unknown> = { a: 1 };
    legacy.self = legacy;
    const candidate: Record<string, unknown> = { a: 1 };
    candidate.self = candidate;
    expect(deepEqual()(legacy, candidate).differences).toEqual([
      { path: '$.self', legacy: '[Circular]', candidate: '[Circular]', reason: 'circular' },
    ]);
  });
});
