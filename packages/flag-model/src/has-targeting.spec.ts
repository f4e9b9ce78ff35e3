import { describe, expect, it } from 'vitest';
import { hasTargeting } from './has-targeting.js';

describe(hasTargeting.name, () => {
  it('counts absent, null and {} as no targeting', () => {
    expect([undefined, null, {}].map(hasTargeting)).toEqual([false, false, false]);
    expect(hasTargeting({ fractional: [['live', 1]] })).toBe(true);
  });
});
