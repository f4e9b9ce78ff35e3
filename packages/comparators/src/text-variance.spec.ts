import { describe, expect, it } from 'vitest';
import { textVariance } from './text-variance.js';

describe(textVariance.name, () => {
  it('accepts a reworded answer when only presence is checked', () => {
    expect(textVariance()('How did lunch go?', 'What did you eat at noon?').match).toBe(true);
  });

  it('requires both sides to agree on whether there is a text', () => {
    expect(textVariance()('How was it?', '  ').differences[0]?.reason).toBe('missing in candidate');
    expect(textVariance()(null, 'Extra question?').differences[0]?.reason).toBe('missing in legacy');
    expect(textVariance()(undefined, '').match).toBe(true);
    expect(textVariance({ presence: false })('How was it?', '').match).toBe(true);
  });

  it('enforces absolute lengths and the length band', () => {
    const compare = textVariance({ minLength: 5, maxLength: 40, lengthRatio: 2 });
    expect(compare('How did it go today?', 'Ok?').differences.map((d) => d.reason)).toEqual([
      'shorter than 5 characters',
      'length 3 outside ×2 of 20',
    ]);
    expect(compare('Short?', 'This follow-up question is far too long for the band?').match).toBe(false);
    expect(compare('How did it go today?', 'How was your day so far?').match).toBe(true);
  });

  it('enforces the similarity threshold when set', () => {
    const compare = textVariance({ minSimilarity: 0.8 });
    expect(compare('Your meal has 540 kcal.', 'Your meal has 545 kcal.').match).toBe(true);
    expect(compare('Your meal has 540 kcal.', 'Sorry, I could not read that.').differences[0]?.reason).toMatch(
      /^similarity 0\.\d\d below 0\.8$/,
    );
  });
});
