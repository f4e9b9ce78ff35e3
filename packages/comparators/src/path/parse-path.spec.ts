import { describe, expect, it } from 'vitest';
import { parsePath } from './parse-path.js';
import { formatPath } from './path-segment.js';

describe(parsePath.name, () => {
  it('reads keys, indexes, quoted keys and filters', () => {
    expect(parsePath(`$.items[2]["odd key"][?@.name=='a]b'].kcal`)).toEqual([
      { kind: 'key', key: 'items' },
      { kind: 'index', index: 2 },
      { kind: 'key', key: 'odd key' },
      { kind: 'filter', filter: `?@.name=='a]b'` },
      { kind: 'key', key: 'kcal' },
    ]);
  });

  it('reads * and [*] as one segment and ** as any depth', () => {
    expect(parsePath('$.meta.*[*].**')).toEqual([{ kind: 'key', key: 'meta' }, { kind: 'any' }, { kind: 'any' }, { kind: 'deep' }]);
  });

  it('round-trips with formatPath', () => {
    const path = `$.items[0]["a b"][?@.id==3].x`;
    expect(formatPath(parsePath(path))).toBe(path);
  });

  it('rejects a path that does not start with $ or has an unclosed bracket', () => {
    expect(() => parsePath('items')).toThrow(SyntaxError);
    expect(() => parsePath('$.items[0')).toThrow(/unclosed/);
  });
});
