import { describe, expect, it } from 'vitest';
import type { FoodItem } from './food-item.js';
import { nutritionLogComparator } from './nutrition-log-comparator.js';

const apple: FoodItem = { name: 'Apple', amount: 180, unit: 'g', calories: 94, protein: 0.5, carbs: 25, fat: 0.3 };

describe(nutritionLogComparator.name, () => {
  const compare = nutritionLogComparator({ absoluteTolerance: 0.5 });

  it('accepts the same status and food data, whatever the ids and timestamps', () => {
    const legacy = { id: 'a1', createdAt: '2024-01-01', status: 'accepted', items: [apple] };
    const candidate = { id: 'b2', createdAt: '2024-01-02', status: 'accepted', items: [{ ...apple, fat: 0.1 }] };
    expect(compare(legacy, candidate).match).toBe(true);
  });

  it('catches a different status and different food data', () => {
    const result = compare({ status: 'accepted', items: [apple] }, { status: 'pending', items: [{ ...apple, carbs: 30 }] });
    expect(result.differences.map((d) => d.path)).toEqual(['$.status', `$.items[?key(@)=='apple'].carbs`]);
  });
});
