import { describe, expect, it } from 'vitest';
import { findDependencyCycles } from './find-dependency-cycles.js';

describe(findDependencyCycles.name, () => {
  it('finds each cycle once, from its smallest key', () => {
    const graph = new Map([
      ['c', ['a']],
      ['a', ['b']],
      ['b', ['c']],
      ['d', ['d']],
      ['e', ['a']],
    ]);
    expect(findDependencyCycles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('finds none in a graph without cycles', () => {
    expect(findDependencyCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});
