import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '@cutover/core';
import { DEFAULT_NUTRITION_CONFIG, resolveNutritionConfig } from './nutrition-config.js';

describe(resolveNutritionConfig.name, () => {
  it('defaults to ±5 % on portions and all four macros', () => {
    expect(resolveNutritionConfig()).toEqual({
      relativeTolerance: 0.05,
      absoluteTolerance: 0,
      macros: ['calories', 'protein', 'carbs', 'fat'],
    });
    expect(DEFAULT_NUTRITION_CONFIG.relativeTolerance).toBe(0.05);
  });

  it('merges options over the defaults and skips undefined ones', () => {
    expect(resolveNutritionConfig({ relativeTolerance: 0.1, macros: ['calories'], absoluteTolerance: undefined })).toEqual({
      relativeTolerance: 0.1,
      absoluteTolerance: 0,
      macros: ['calories'],
    });
  });

  it('names the bad option', () => {
    expect(() => resolveNutritionConfig({ relativeTolerance: -1 })).toThrow(InvalidOptionError);
    expect(() => resolveNutritionConfig({ relativeTolerance: -1 })).toThrow(/"relativeTolerance"/);
    expect(() => resolveNutritionConfig({ macros: ['sugar' as 'fat'] })).toThrow(/"macros\.0"/);
    expect(() => resolveNutritionConfig({ tolerance: 1 } as never)).toThrow(/"tolerance"/);
  });
});
