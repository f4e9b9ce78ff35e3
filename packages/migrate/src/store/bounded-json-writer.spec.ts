import { describe, expect, it } from 'vitest';
import { writeBoundedJson } from './bounded-json-writer.js';

const sparse: unknown[] = [1];
sparse[3] = 2;

describe(writeBoundedJson.name, () => {
  it.each<[string, unknown]>([
    ['a string with escapes', 'a "quoted"\n\u0000 line \ud800 é'],
    ['numbers', [0, -0, 1.5, 1e21, -1e-7, NaN, Infinity, -Infinity]],
    ['booleans and null', [true, false, null]],
    ['undefined, functions and symbols in an array', [undefined, () => 1, Symbol('s')]],
    ['undefined, functions and symbols in an object', { a: undefined, b: () => 1, c: Symbol('s'), d: 1 }],
    ['a sparse array', sparse],
    ['dates and toJSON', { at: new Date(0), custom: { toJSON: (key: string) => `key ${key}` } }],
    ['wrapped primitives', [Object(1), Object('s'), Object(true)]],
    ['integer-like keys first, as JSON.stringify orders them', { b: 1, 2: 'two', a: 2, 1: 'one' }],
    ['maps, sets and class instances', { map: new Map([[1, 2]]), set: new Set([1]), point: new (class Point { x = 1 })() }],
    ['nested structures', { items: [{ name: 'apple', kcal: 95, tags: ['fruit'] }], total: { kcal: 95 } }],
    ['a top-level undefined', undefined],
    ['a top-level function', () => 1],
  ])('writes %s exactly as JSON.stringify does', (_name, value) => {
    expect(writeBoundedJson(value, 1 << 20)).toEqual({ kind: 'complete', json: JSON.stringify(value) });
  });

  it('stops at the limit and returns the start of the JSON', () => {
    const value = { items: Array.from({ length: 10_000 }, (_, i) => ({ i })) };
    const written = writeBoundedJson(value, 100);
    expect(written).toEqual({ kind: 'cut', json: JSON.stringify(value).slice(0, 100) });
  });

  it('cuts a huge string without quoting it in full', () => {
    const written = writeBoundedJson({ text: 'x'.repeat(50_000_000) }, 64);
    expect(written).toMatchObject({ kind: 'cut' });
    expect(written.kind === 'cut' && written.json).toHaveLength(64);
  });

  it('reports what JSON.stringify would throw instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const throwing = {
      get bad(): never {
        throw new Error('getter');
      },
    };
    for (const value of [cyclic, 10n, { n: Object(10n) }, throwing]) {
      expect(writeBoundedJson(value, 1000)).toMatchObject({ kind: 'failed', error: expect.any(Error) });
    }
  });

  it('writes the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(writeBoundedJson([shared, shared], 100)).toEqual({ kind: 'complete', json: '[{"a":1},{"a":1}]' });
  });
});
