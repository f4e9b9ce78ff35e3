/** The macro fields a food or a day's total carries. */
export const MACROS = ['calories', 'protein', 'carbs', 'fat'] as const;

/** One macro field: kcal for `calories`, grams for the rest. */
export type Macro = (typeof MACROS)[number];

/** Energy and macronutrients of a food or a total. */
export type Macros = { readonly [K in Macro]: number };

/**
 * One food as a detector recognised it. Other fields (ids, emoji, confidence)
 * may be present; the comparators do not look at them.
 */
export interface FoodItem extends Macros {
  /** As the detector wrote it; compared after normalising case, accents and punctuation. */
  readonly name: string;
  /** Portion size, in `unit`. */
  readonly amount: number;
  /** Portion unit (`g`, `ml`, `cup` …); common spellings are treated alike. */
  readonly unit: string;
}
