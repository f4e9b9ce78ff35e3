import { describe, expect, it } from 'vitest';
import { parsePath } from './parse-path.js';
import { pathMatcher } from './path-matcher.js';

const matches = (patterns: string[], path: string) => pathMatcher(patterns)(parsePath(path));

describe(pathMatcher.name, () => {
  it('covers a matched path and everything below it', () => {
    expect(matches(['$.meta'], '$.meta')).toBe(true);
    expect(matches(['$.meta'], '$.meta.requestId')).toBe(true);
    expect(matches(['$.meta'], '$.metadata')).toBe(false);
  });

  it('matches one segment with *, keys and indexes alike', () => {
    expect(matches(['$.items[*].id'], '$.items[3].id')).toBe(true);
    expect(matches(['$.items.*.id'], '$.items[3].id')).toBe(true);
    expect(matches(['$.items[*].id'], '$.items[3].name')).toBe(false);
    expect(matches(['$.meta.*'], '$.meta')).toBe(false);
  });

  it('matches any depth with **', () => {
    expect(matches(['$.**.createdAt'], '$.createdAt')).toBe(true);
    expect(matches(['$.**.createdAt'], '$.a[1].b.createdAt')).toBe(true);
    expect(matches(['$.**.createdAt'], '$.a.updatedAt')).toBe(false);
  });

  it('matches nothing without patterns', () => {
    expect(matches([], '$.a')).toBe(false);
  });
});
