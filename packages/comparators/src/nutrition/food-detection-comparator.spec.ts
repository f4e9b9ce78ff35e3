import { describe, expect, it } from 'vitest';
import type { FoodItem } from './food-item.js';
import { foodDetectionComparator } from './food-detection-comparator.js';

const food = (name: string, amount: number, calories: number, more: Partial<FoodItem> = {}): FoodItem => ({
  name,
  amount,
  unit: 'g',
  calories,
  protein: 10,
  carbs: 20,
  fat: 5,
  ...more,
});

const legacy = { items: [food('Grilled Chicken', 150, 248), food('Brown rice', 200, 222)] };

describe(foodDetectionComparator.name, () => {
  const compare = foodDetectionComparator();

  describe('acceptable variance', () => {
    it('ignores order, case, accents, punctuation and unit spelling', () => {
      const candidate = { items: [food('brown  rice', 200, 222, { unit: 'grams' }), food('grilled chicken!', 150, 248)] };
      expect(compare(legacy, candidate)).toEqual({ match: true, differences: [] });
    });

    it('accepts portions and macros within ±5 %', () => {
      const candidate = { items: [food('Grilled Chicken', 157, 236, { protein: 10.5 }), food('Brown rice', 190, 233)] };
      expect(compare(legacy, candidate).match).toBe(true);
    });

    it('ignores fields it does not compare, such as ids and emoji', () => {
      const candidate = { items: legacy.items.map((item, index) => ({ ...item, id: `new-${index}`, emoji: '🍗' })) };
      expect(compare(legacy, candidate).match).toBe(true);
    });
  });

  describe('true differences', () => {
    it('catches a missing food and the changed count', () => {
      const result = compare(legacy, { items: [food('Grilled Chicken', 150, 248)] });
      expect(result.match).toBe(false);
      expect(result.differences.map((d) => [d.path, d.reason])).toEqual([
        ['$.items.length', 'item count differs'],
        [`$.items[?key(@)=='brown rice']`, 'missing in candidate'],
      ]);
    });

    it('catches a food recognised as something else', () => {
      const result = compare(legacy, { items: [food('Grilled Chicken', 150, 248), food('White rice', 200, 222)] });
      expect(result.differences.map((d) => d.reason)).toEqual(['missing in candidate', 'missing in legacy']);
    });

    it('catches a macro and a portion beyond ±5 %', () => {
      const candidate = { items: [food('Grilled Chicken', 150, 265), food('Brown rice', 250, 222)] };
      expect(compare(legacy, candidate).differences).toEqual([
        { path: `$.items[?key(@)=='grilled chicken'].calories`, legacy: 248, candidate: 265, reason: 'outside ±5 %' },
        { path: `$.items[?key(@)=='brown rice'].amount`, legacy: 200, candidate: 250, reason: 'outside ±5 %' },
      ]);
    });

    it('catches a portion in another unit', () => {
      const candidate = { items: [food('Grilled Chicken', 1, 248, { unit: 'cup' }), food('Brown rice', 200, 222)] };
      expect(compare(legacy, candidate).differences[0]).toMatchObject({ path: `$.items[?key(@)=='grilled chicken'].unit`, reason: 'unit differs' });
    });
  });

  it('takes a wider tolerance and a subset of macros', () => {
    const lenient = foodDetectionComparator({ relativeTolerance: 0.1, macros: ['calories'] });
    const candidate = { items: [food('Grilled Chicken', 160, 270, { fat: 50 }), food('Brown rice', 200, 222)] };
    expect(lenient(legacy, candidate).match).toBe(true);
    expect(compare(legacy, candidate).match).toBe(false);
  });
});
