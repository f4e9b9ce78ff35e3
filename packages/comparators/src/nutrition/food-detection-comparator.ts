import { at } from '../at.js';
import type { Comparator } from '../comparison.js';
import type { FoodItem } from './food-item.js';
import { foodItemsComparator } from './food-items-comparator.js';
import { resolveNutritionConfig } from './nutrition-config.js';
import type { NutritionOptions } from './nutrition-config.js';

/** What food detection returns for one photo or description. */
export interface FoodDetection {
  readonly items: readonly FoodItem[];
}

/**
 * Food detections: the same number of foods, the same foods
 * by normalised name in any order, portions and macros within ±5 % (by
 * default). Throws `InvalidOptionError` on a bad option, at creation.
 */
export function foodDetectionComparator(options?: NutritionOptions): Comparator<FoodDetection> {
  const config = resolveNutritionConfig(options);
  return at('$.items', (detection: FoodDetection) => detection.items, foodItemsComparator(config));
}
