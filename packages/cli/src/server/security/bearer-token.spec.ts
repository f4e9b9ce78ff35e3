import { describe, expect, it } from 'vitest';
import { tokenMatches } from './bearer-token.js';

describe(tokenMatches.name, () => {
  const token = 'correct-horse-battery-staple';

  it('accepts the token as a Bearer credential, whatever the scheme case', () => {
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(`bearer ${token}`, token)).toBe(true);
  });

  it('refuses a missing header, another scheme, a wrong token, a prefix and an extension of it', () => {
    expect(tokenMatches(undefined, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(`Basic ${token}`, token)).toBe(false);
    expect(tokenMatches(token, token)).toBe(false);
    expect(tokenMatches('Bearer wrong', token)).toBe(false);
    expect(tokenMatches(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(tokenMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(tokenMatches(`Bearer ${token} extra`, token)).toBe(false);
  });
});
