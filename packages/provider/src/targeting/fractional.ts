import type { Bucketing, FractionalVariant } from '../hashing/bucketing.js';
import { evaluationScratch } from './evaluation-scratch.js';

/**
 * flagd's `fractional` operator for one bucketing version. `args[0]` is the
 * flag key, injected when the rule is compiled (see compile-targeting.ts); the
 * rest are the rule's evaluated arguments: an optional bucketing string, then
 * `[variant, weight?]` entries. Follows the flagd server: a null first argument
 * (a missing custom property) falls back to the targeting key; without either,
 * the result is null and the flag serves its default variant.
 */
export function fractionalWith(bucketing: Bucketing) {
  return function fractional(args: unknown, context: Record<string, unknown>): FractionalVariant {
    if (!Array.isArray(args) || args.length < 2) return null;
    const flagKey = args[0] as string;
    let entries: unknown[] = args.slice(1);
    let bucketBy: string;
    if (typeof entries[0] === 'string') {
      bucketBy = entries[0];
      entries = entries.slice(1);
    } else {
      if (entries[0] === null || entries[0] === undefined) entries = entries.slice(1);
      const targetingKey = context?.targetingKey;
      if (typeof targetingKey !== 'string') {
        evaluationScratch.targetingKeyMissing = true;
        return null;
      }
      bucketBy = flagKey + targetingKey;
    }
    const variant = bucketing.choose(bucketBy, entries);
    if (variant !== null) evaluationScratch.split = true;
    return variant;
  };
}
