import { describe, expect, it } from 'vitest';
import { exceedsSize } from './exceeds-size.js';

describe(exceedsSize.name, () => {
  it('measures strings, arrays, objects, maps, sets and typed arrays', () => {
    expect(exceedsSize({ items: [{ name: 'apple', kcal: 95 }] }, 1000)).toBe(false);
    expect(exceedsSize('x'.repeat(2000), 1000)).toBe(true);
    expect(exceedsSize(Array.from({ length: 2000 }, () => 1), 1000)).toBe(true);
    expect(exceedsSize({ [`k${'x'.repeat(2000)}`]: 1 }, 1000)).toBe(true);
    expect(exceedsSize(new Map([[1, 'x'.repeat(2000)]]), 1000)).toBe(true);
    expect(exceedsSize(new Set(['x'.repeat(2000)]), 1000)).toBe(true);
    expect(exceedsSize(new Uint8Array(2000), 1000)).toBe(true);
  });

  it('counts a shared or cyclic object once', () => {
    const shared = { text: 'x'.repeat(400) };
    const cyclic: Record<string, unknown> = { shared };
    cyclic.self = cyclic;
    expect(exceedsSize([shared, shared, shared, cyclic], 1000)).toBe(false);
  });

  it('stops at the limit instead of walking a huge value', () => {
    let reads = 0;
    const huge = new Proxy(new Array<number>(10_000_000), { get: (target, key) => (key !== 'length' && reads++, Reflect.get(target, key)) });
    expect(exceedsSize(huge, 1000)).toBe(true);
    expect(reads).toBeLessThan(2000);
  });

  it('says when it cannot walk a value', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expect(exceedsSize(hostile, 10)).toBeUndefined();
  });
});
