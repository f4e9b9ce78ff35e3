import type { FoodDetection, FoodItem } from '@cutover/comparators/nutrition';
import { FOOD_CATALOG } from './food-catalog.js';
import type { MealPhoto } from './meal-photo.js';

/** Simulated I/O latency: the legacy pipeline calls a slow vision API. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });

/** Macros of `grams` of a food, rounded to one decimal as the legacy code does. */
export function macrosOf(food: number, grams: number): Omit<FoodItem, 'name' | 'amount' | 'unit'> {
  const per100g = FOOD_CATALOG[food]!.per100g;
  const scale = (value: number) => Math.round(value * grams) / 100;
  return { calories: scale(per100g.calories), protein: scale(per100g.protein), carbs: scale(per100g.carbs), fat: scale(per100g.fat) };
}

/** The legacy food-detection pipeline: accurate and slow (8–14 ms). */
export async function legacyDetector(photo: MealPhoto, run?: { signal?: AbortSignal }): Promise<FoodDetection> {
  await sleep(8 + (photo.photoId.length % 7), run?.signal);
  return {
    items: photo.plate.map(({ food, grams }) => ({ name: FOOD_CATALOG[food]!.name, amount: grams, unit: 'g', ...macrosOf(food, grams) })),
  };
}
