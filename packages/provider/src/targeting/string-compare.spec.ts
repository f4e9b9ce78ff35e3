import { describe, expect, it } from 'vitest';
import { endsWith, startsWith } from './string-compare.js';

describe('string comparison operators', () => {
  it('starts_with and ends_with test prefixes and suffixes', () => {
    expect(startsWith(['beta-12', 'beta-'])).toBe(true);
    expect(startsWith(['prod-12', 'beta-'])).toBe(false);
    expect(endsWith(['acme-staging', '-staging'])).toBe(true);
    expect(endsWith(['acme', '-staging'])).toBe(false);
  });

  it('return null unless given two strings', () => {
    expect(startsWith([12, '1'])).toBeNull();
    expect(endsWith(['a'])).toBeNull();
    expect(endsWith('a')).toBeNull();
  });
});
