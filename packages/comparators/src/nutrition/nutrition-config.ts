import { z } from 'zod';
import { resolveOptions } from '@cutover/core';
import { MACROS } from './food-item.js';
import type { Macro } from './food-item.js';

/** How strictly the nutrition comparators judge numbers. */
export interface NutritionConfig {
  /** Portions and macros may differ by this fraction of legacy (`0.05` is ±5 %, what a portion estimate can honestly vary by). @default 0.05 */
  readonly relativeTolerance: number;
  /** …or by this much in their own unit, which absorbs rounding of values near zero. @default 0 */
  readonly absoluteTolerance: number;
  /** Macro fields compared on items and on report totals. @default ['calories', 'protein', 'carbs', 'fat'] */
  readonly macros: readonly Macro[];
}

/** Options of the nutrition comparators; every field defaults. */
export type NutritionOptions = Partial<NutritionConfig>;

/** The defaults of {@link NutritionConfig}. */
export const DEFAULT_NUTRITION_CONFIG: NutritionConfig = {
  relativeTolerance: 0.05,
  absoluteTolerance: 0,
  macros: MACROS,
};

const schema = z.strictObject({
  relativeTolerance: z.number().min(0).max(1),
  absoluteTolerance: z.number().min(0).finite(),
  macros: z.array(z.enum(MACROS)).readonly(),
});

/** Merges options over the defaults; throws `InvalidOptionError` naming a bad option. */
export function resolveNutritionConfig(options?: NutritionOptions): NutritionConfig {
  return resolveOptions({ component: 'nutrition comparator', schema, defaults: DEFAULT_NUTRITION_CONFIG }, options);
}
