import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal.js';
import { withSeverity } from './with-severity.js';

describe(withSeverity.name, () => {
  it('turns differences into warnings that keep the match', () => {
    const result = withSeverity(deepEqual(), 'warning')(1, 2);
    expect(result).toEqual({ match: true, differences: [{ path: '$', legacy: 1, candidate: 2, reason: 'not equal', severity: 'warning' }] });
  });
});
