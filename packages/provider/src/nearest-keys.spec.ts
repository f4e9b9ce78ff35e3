import { describe, expect, it } from 'vitest';
import { nearestKeys } from './nearest-keys.js';

describe(nearestKeys.name, () => {
  const known = ['search.backend', 'search.ranking', 'CLAMBAKE_NEW_PLANNER', 'billing'];

  it('names the closest keys first, ignoring case and separators', () => {
    expect(nearestKeys('search.backnd', known)).toEqual(['search.backend']);
    expect(nearestKeys('clambake-new-planer', known)).toEqual(['CLAMBAKE_NEW_PLANNER']);
  });

  it('names nothing when no key is close', () => {
    expect(nearestKeys('payments', known)).toEqual([]);
  });

  it('never names the key itself', () => {
    expect(nearestKeys('billing', known)).toEqual([]);
  });
});
