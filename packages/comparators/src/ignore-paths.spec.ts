import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal.js';
import { ignorePaths } from './ignore-paths.js';

describe(ignorePaths.name, () => {
  it('drops differences at ignored paths and keeps the rest', () => {
    const compare = ignorePaths(deepEqual(), ['$.meta']);
    expect(compare({ meta: 1, a: 1 }, { meta: 2, a: 1 }).match).toBe(true);
    expect(compare({ meta: 1, a: 1 }, { meta: 2, a: 2 }).differences.map((d) => d.path)).toEqual(['$.a']);
  });
});
