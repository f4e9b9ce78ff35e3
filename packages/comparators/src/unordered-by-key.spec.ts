import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal.js';
import { unorderedByKey } from './unordered-by-key.js';

describe(unorderedByKey.name, () => {
  it('matches the same elements in any order', () => {
    const compare = unorderedByKey<{ id: string; n: number }>({ key: 'id' });
    expect(compare([{ id: 'a', n: 1 }, { id: 'b', n: 2 }], [{ id: 'b', n: 2 }, { id: 'a', n: 1 }]).match).toBe(true);
  });

  it('names missing, extra and differing elements by their key', () => {
    const compare = unorderedByKey<{ id: string; n: number }>({ key: 'id' });
    const result = compare([{ id: 'a', n: 1 }, { id: 'b', n: 2 }], [{ id: 'a', n: 9 }, { id: "c'", n: 3 }]);
    expect(result.differences.map((d) => [d.path, d.reason])).toEqual([
      [`$[?@.id=='a'].n`, 'not equal'],
      [`$[?@.id=='b']`, 'missing in candidate'],
      [`$[?@.id=='c\\'']`, 'missing in legacy'],
    ]);
  });

  it('pairs repeated keys in order and numbers them', () => {
    const compare = unorderedByKey<{ id: number; n: number }>({ key: 'id' });
    const result = compare([{ id: 1, n: 1 }, { id: 1, n: 2 }], [{ id: 1, n: 1 }]);
    expect(result.differences.map((d) => d.path)).toEqual(['$[?@.id==1][1]']);
  });

  it('uses a key function and an item comparator', () => {
    const compare = unorderedByKey<{ name: string; id: string }>({
      key: (item) => item.name.toLowerCase(),
      item: deepEqual({ ignore: ['$.id'] }),
    });
    expect(compare([{ name: 'Apple', id: '1' }], [{ name: 'apple', id: '2' }]).differences).toEqual([
      { path: `$[?key(@)=='apple'].name`, legacy: 'Apple', candidate: 'apple', reason: 'not equal' },
    ]);
  });
});
