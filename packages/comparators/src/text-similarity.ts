import { distance } from 'fastest-levenshtein';
import { normalizeText } from './normalize-text.js';

/**
 * Normalised Levenshtein similarity of two texts after `normalizeText`:
 * 1 for the same text, 0 for nothing in common. Uses `fastest-levenshtein`
 * (bit-parallel, no dependencies) because AI answers run to thousands of
 * characters, where a hand-written O(n·m) loop would dominate a comparison.
 */
export function textSimilarity(legacy: string, candidate: string): number {
  const left = normalizeText(legacy);
  const right = normalizeText(candidate);
  const longest = Math.max(left.length, right.length);
  if (longest === 0) return 1;
  return 1 - distance(left, right) / longest;
}
