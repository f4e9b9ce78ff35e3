import { allOf } from '../all-of.js';
import { at } from '../at.js';
import type { Comparator } from '../comparison.js';
import { deepEqual } from '../deep-equal.js';
import { numberWithin } from '../number-within.js';
import type { Macros } from './food-item.js';
import { resolveNutritionConfig } from './nutrition-config.js';
import type { NutritionOptions } from './nutrition-config.js';

/**
 * A day's (or a period's) report. Presentation (title, wording, chart image,
 * ordering of lines) may be present and is not compared.
 */
export interface NutritionReport {
  readonly totals: Macros;
  readonly itemCount: number;
}

/**
 * Nutrition reports: the same item count and totals within ±5 % (by
 * default); everything else is presentation and ignored.
 */
export function nutritionReportComparator(options?: NutritionOptions): Comparator<NutritionReport> {
  const config = resolveNutritionConfig(options);
  const within = numberWithin({ relative: config.relativeTolerance, absolute: config.absoluteTolerance });
  return allOf(
    at('$.itemCount', (report: NutritionReport) => report.itemCount, deepEqual()),
    ...config.macros.map((macro) => at(`$.totals.${macro}`, (report: NutritionReport) => report.totals?.[macro], within)),
  );
}
