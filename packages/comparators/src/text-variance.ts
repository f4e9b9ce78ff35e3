import type { Comparator, Difference } from './comparison.js';
import { comparisonOf } from './comparison-of.js';
import { textSimilarity } from './text-similarity.js';

/** Options of {@link textVariance}. */
export interface TextVarianceOptions {
  /** Both sides must agree on whether there is a text at all (blank counts as none). @default true */
  readonly presence?: boolean;
  /** The candidate text must be at least this long, in characters. @default 1 */
  readonly minLength?: number;
  /** The candidate text must be at most this long, in characters. @default Infinity */
  readonly maxLength?: number;
  /**
   * Length band relative to legacy: the candidate may be at most this many
   * times longer or shorter (`2` accepts 50 to 200 characters against 100).
   * @default Infinity
   */
  readonly lengthRatio?: number;
  /** Least `textSimilarity` to legacy, 0 to 1; 0 turns the check off. @default 0 */
  readonly minSimilarity?: number;
}

/**
 * Compares texts that an AI writes differently on every run: instead of
 * equality it checks that the candidate answered, at a plausible length,
 * and (when asked) close enough to what legacy said.
 */
export function textVariance(options: TextVarianceOptions = {}): Comparator<string | null | undefined> {
  const { presence = true, minLength = 1, maxLength = Infinity, lengthRatio = Infinity, minSimilarity = 0 } = options;
  return (legacy, candidate) => {
    const differ = (reason: string): Difference => ({ path: '$', legacy, candidate, reason });
    const before = (legacy ?? '').trim();
    const after = (candidate ?? '').trim();
    if (after.length === 0) return comparisonOf(presence && before.length > 0 ? [differ('missing in candidate')] : []);
    if (before.length === 0) return comparisonOf(presence ? [differ('missing in legacy')] : []);
    const differences: Difference[] = [];
    if (after.length < minLength) differences.push(differ(`shorter than ${minLength} characters`));
    if (after.length > maxLength) differences.push(differ(`longer than ${maxLength} characters`));
    if (after.length > before.length * lengthRatio || after.length * lengthRatio < before.length) {
      differences.push(differ(`length ${after.length} outside ×${lengthRatio} of ${before.length}`));
    }
    if (minSimilarity > 0) {
      const similarity = textSimilarity(before, after);
      if (similarity < minSimilarity) {
        differences.push(differ(`similarity ${similarity.toFixed(2)} below ${minSimilarity}`));
      }
    }
    return comparisonOf(differences);
  };
}
