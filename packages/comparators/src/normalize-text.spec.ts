import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';

describe(normalizeText.name, () => {
  it('folds case, accents, punctuation and whitespace', () => {
    expect(normalizeText('  Café   au-lait! ')).toBe('cafe au lait');
  });
});
