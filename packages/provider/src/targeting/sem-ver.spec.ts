import { describe, expect, it } from 'vitest';
import { semVer } from './sem-ver.js';

describe(semVer.name, () => {
  it('compares versions with each operator', () => {
    expect(semVer(['1.2.3', '=', '1.2.3'])).toBe(true);
    expect(semVer(['1.2.3', '!=', '1.2.4'])).toBe(true);
    expect(semVer(['1.2.3', '<', '1.10.0'])).toBe(true);
    expect(semVer(['2.0.0', '<=', '2.0.0'])).toBe(true);
    expect(semVer(['2.0.0-beta.1', '<', '2.0.0'])).toBe(true);
    expect(semVer(['3.0.0', '>', '2.9.9'])).toBe(true);
    expect(semVer(['3.0.0', '>=', '3.0.1'])).toBe(false);
    expect(semVer(['1.9.0', '^', '1.2.0'])).toBe(true);
    expect(semVer(['2.0.0', '^', '1.2.0'])).toBe(false);
    expect(semVer(['1.2.9', '~', '1.2.0'])).toBe(true);
    expect(semVer(['1.3.0', '~', '1.2.0'])).toBe(false);
  });

  it('accepts a v prefix and partial versions', () => {
    expect(semVer(['v2.4', '>=', '2.4.0'])).toBe(true);
    expect(semVer(['2', '=', '2.0.0'])).toBe(true);
    expect(semVer(['V1.0.0', '=', 'v1.0.0'])).toBe(true);
  });

  it('reads numbers as their text and ignores build metadata, as flagd does', () => {
    expect(semVer([1.2, '>', '1.1'])).toBe(true);
    expect(semVer([2, '^', '2.5.0'])).toBe(true);
    expect(semVer(['1.0.0+other', '=', '1.0.0+build'])).toBe(true);
  });

  it('accepts only what Go\'s semver accepts once flagd has added the v', () => {
    expect(semVer(['1.2-beta', '<', '1.2.0'])).toBeNull();
    expect(semVer(['01.2.3', '=', '1.2.3'])).toBeNull();
    expect(semVer(['vv1.0.0', '=', '1.0.0'])).toBeNull();
    expect(semVer(['1.0.0-01', '=', '1.0.0'])).toBeNull();
    expect(semVer([true, '=', '1.0.0'])).toBeNull();
    expect(semVer(['1.0.0-alpha.1', '<', '1.0.0-alpha.beta'])).toBe(true);
  });

  it('returns null for what is not a version or not an operator', () => {
    expect(semVer(['banana', '>', '1.0.0'])).toBeNull();
    expect(semVer(['1.0.0.0', '>', '1.0.0'])).toBeNull();
    expect(semVer(['1.0.0', '=>', '1.0.0'])).toBeNull();
    expect(semVer(['1.0.0', '>'])).toBeNull();
    expect(semVer(['1.0.0', 1, '1.0.0'])).toBeNull();
  });
});
