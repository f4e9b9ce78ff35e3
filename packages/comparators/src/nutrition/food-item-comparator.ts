import { allOf } from '../all-of.js';
import { at } from '../at.js';
import type { Comparator, Difference } from '../comparison.js';
import { comparisonOf } from '../comparison-of.js';
import { numberWithin } from '../number-within.js';
import type { FoodItem } from './food-item.js';
import type { NutritionConfig } from './nutrition-config.js';
import { normalizeUnit } from './normalize-unit.js';

/**
 * Compares two foods already paired by name: the portion (unit, then amount
 * within tolerance) and each configured macro within tolerance.
 */
export function foodItemComparator(config: NutritionConfig): Comparator<FoodItem> {
  const within = numberWithin({ relative: config.relativeTolerance, absolute: config.absoluteTolerance });
  return allOf(
    portion(within),
    ...config.macros.map((macro) => at(`$.${macro}`, (item: FoodItem) => item[macro], within)),
  );
}

// Amounts in different units cannot be compared, so a unit change is reported alone.
function portion(within: Comparator<number>): Comparator<FoodItem> {
  const amount = at('$.amount', (item: FoodItem) => item.amount, within);
  return (legacy, candidate) => {
    if (normalizeUnit(legacy.unit) === normalizeUnit(candidate.unit)) return amount(legacy, candidate);
    const difference: Difference = { path: '$.unit', legacy: legacy.unit, candidate: candidate.unit, reason: 'unit differs' };
    return comparisonOf([difference]);
  };
}
