import { allOf } from '../all-of.js';
import { at } from '../at.js';
import type { Comparator } from '../comparison.js';
import { deepEqual } from '../deep-equal.js';
import type { FoodItem } from './food-item.js';
import { foodItemsComparator } from './food-items-comparator.js';
import { resolveNutritionConfig } from './nutrition-config.js';
import type { NutritionOptions } from './nutrition-config.js';

/** A logged meal: its state and the foods in it. Ids and timestamps may be present and are not compared. */
export interface NutritionLog {
  /** Lifecycle state (`pending`, `accepted`, `discarded` …); must be equal. */
  readonly status: string;
  readonly items: readonly FoodItem[];
}

/**
 * Nutrition log entries: the same status and the same food data, with
 * the food-detection rules for the items.
 */
export function nutritionLogComparator(options?: NutritionOptions): Comparator<NutritionLog> {
  const config = resolveNutritionConfig(options);
  return allOf(
    at('$.status', (log: NutritionLog) => log.status, deepEqual()),
    at('$.items', (log: NutritionLog) => log.items, foodItemsComparator(config)),
  );
}
