import { describe, expect, it } from 'vitest';
import { targetingEngine } from './targeting-engine.js';
import { TARGETING_OPERATORS } from './targeting-operators.js';

describe('TARGETING_OPERATORS', () => {
  it('lists exactly the operators the engine defines, so the check at load agrees with compilation', () => {
    for (const bucketing of ['v1', 'v2'] as const) {
      expect([...TARGETING_OPERATORS].sort()).toEqual(Object.keys(targetingEngine(bucketing).methods).sort());
    }
  });
});
