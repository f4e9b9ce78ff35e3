import { describe, expect, it } from 'vitest';
import { nutritionReportComparator } from './nutrition-report-comparator.js';

const totals = { calories: 1850, protein: 95, carbs: 210, fat: 60 };
const legacy = { title: 'Today', lines: ['🍎 Apple 94 kcal'], chart: 'png-1', totals, itemCount: 6 };

describe(nutritionReportComparator.name, () => {
  const compare = nutritionReportComparator();

  it('ignores presentation and totals within ±5 %', () => {
    const candidate = { title: 'Your day', lines: ['Apple: 94kcal'], chart: 'png-2', totals: { ...totals, calories: 1900 }, itemCount: 6 };
    expect(compare(legacy, candidate)).toEqual({ match: true, differences: [] });
  });

  it('catches a different item count and a total beyond ±5 %', () => {
    const candidate = { ...legacy, totals: { ...totals, fat: 70 }, itemCount: 5 };
    expect(compare(legacy, candidate).differences.map((d) => [d.path, d.legacy, d.candidate])).toEqual([
      ['$.itemCount', 6, 5],
      ['$.totals.fat', 60, 70],
    ]);
  });

  it('reports missing totals as differences rather than throwing', () => {
    const candidate = { itemCount: 6 } as typeof legacy;
    expect(compare(legacy, candidate).differences.map((d) => [d.path, d.reason])).toEqual([
      ['$.totals.calories', 'not a number'],
      ['$.totals.protein', 'not a number'],
      ['$.totals.carbs', 'not a number'],
      ['$.totals.fat', 'not a number'],
    ]);
  });
});
