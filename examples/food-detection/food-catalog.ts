import type { Macros } from '@cutover/comparators/nutrition';

/** A food the demo's detectors know, with its macros per 100 g. */
export interface CatalogFood {
  readonly name: string;
  readonly per100g: Macros;
  /** How the new pipeline's model writes the name: other case and punctuation, same food. */
  readonly modelName: string;
}

/** A small food catalogue (values rounded from common nutrition tables). */
export const FOOD_CATALOG: readonly CatalogFood[] = [
  { name: 'Greek yogurt', modelName: 'greek yogurt', per100g: { calories: 97, protein: 9, carbs: 3.9, fat: 5 } },
  { name: 'Banana', modelName: 'banana', per100g: { calories: 89, protein: 1.1, carbs: 22.8, fat: 0.3 } },
  { name: 'Oatmeal', modelName: 'Oatmeal', per100g: { calories: 71, protein: 2.5, carbs: 12, fat: 1.5 } },
  { name: 'Chicken breast', modelName: 'Chicken Breast', per100g: { calories: 165, protein: 31, carbs: 0, fat: 3.6 } },
  { name: 'Brown rice', modelName: 'brown-rice', per100g: { calories: 112, protein: 2.3, carbs: 23.5, fat: 0.8 } },
  { name: 'Broccoli', modelName: 'Broccoli', per100g: { calories: 35, protein: 2.4, carbs: 7.2, fat: 0.4 } },
  { name: 'Salmon', modelName: 'salmon', per100g: { calories: 208, protein: 20, carbs: 0, fat: 13 } },
  { name: 'Avocado', modelName: 'avocado', per100g: { calories: 160, protein: 2, carbs: 8.5, fat: 14.7 } },
  { name: 'Almonds', modelName: 'almonds', per100g: { calories: 579, protein: 21, carbs: 22, fat: 50 } },
  { name: 'Apple', modelName: 'apple', per100g: { calories: 52, protein: 0.3, carbs: 13.8, fat: 0.2 } },
];
