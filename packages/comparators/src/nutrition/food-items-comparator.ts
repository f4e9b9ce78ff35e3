import type { Comparator, Difference } from '../comparison.js';
import { comparisonOf } from '../comparison-of.js';
import { normalizeText } from '../normalize-text.js';
import { unorderedByKey } from '../unordered-by-key.js';
import type { FoodItem } from './food-item.js';
import { foodItemComparator } from './food-item-comparator.js';
import type { NutritionConfig } from './nutrition-config.js';

/**
 * Compares two lists of foods: how many, which (by normalised name, in any
 * order) and, for each food found by both, its portion and macros.
 */
export function foodItemsComparator(config: NutritionConfig): Comparator<readonly FoodItem[]> {
  const byName = unorderedByKey<FoodItem>({
    key: (item) => normalizeText(item.name),
    item: foodItemComparator(config),
  });
  return (legacy = [], candidate = []) => {
    const count: Difference[] =
      legacy.length === candidate.length
        ? []
        : [{ path: '$.length', legacy: legacy.length, candidate: candidate.length, reason: 'item count differs' }];
    return comparisonOf([...count, ...byName(legacy, candidate).differences]);
  };
}
