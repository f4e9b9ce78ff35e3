// Spellings seen from different detectors for the same unit.
const ALIASES: Readonly<Record<string, string>> = {
  gram: 'g',
  grams: 'g',
  gr: 'g',
  kilogram: 'kg',
  kilograms: 'kg',
  milliliter: 'ml',
  milliliters: 'ml',
  millilitre: 'ml',
  millilitres: 'ml',
  ounce: 'oz',
  ounces: 'oz',
  cups: 'cup',
  tablespoon: 'tbsp',
  tablespoons: 'tbsp',
  teaspoon: 'tsp',
  teaspoons: 'tsp',
  pieces: 'piece',
  pc: 'piece',
  pcs: 'piece',
  slices: 'slice',
  servings: 'serving',
};

/** Folds the spellings of a portion unit into one (`Grams` → `g`). */
export function normalizeUnit(unit: string): string {
  const folded = unit.trim().toLowerCase().replace(/\.$/, '');
  return ALIASES[folded] ?? folded;
}
