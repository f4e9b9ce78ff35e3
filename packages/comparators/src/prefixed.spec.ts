import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal.js';
import { prefixed } from './prefixed.js';

describe(prefixed.name, () => {
  it('reports the inner differences under the prefix', () => {
    expect(prefixed('$.body', deepEqual())({ a: 1 }, { a: 2 }).differences[0]?.path).toBe('$.body.a');
  });
});
