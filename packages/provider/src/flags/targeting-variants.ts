import { bucketIndex, readSplit } from '@cutover/flag-model';
import { pointerSegment } from './json-location.js';

/** A variant named literally by a targeting rule, and where. */
export interface VariantReference {
  readonly variant: string;
  readonly jsonPath: string;
}

/**
 * The variants a rule can return that are written as literals: the then/else
 * branches of `if` and the buckets of `fractional`, recursively. A rule that
 * returns a computed name (a `var`) cannot be checked before it runs.
 */
export function targetingVariants(logic: unknown, jsonPath: string): VariantReference[] {
  if (typeof logic === 'string' || typeof logic === 'boolean' || typeof logic === 'number') {
    return [{ variant: String(logic), jsonPath }];
  }
  if (logic === null || typeof logic !== 'object' || Array.isArray(logic)) return [];
  const [operator, args] = Object.entries(logic as Record<string, unknown>)[0] ?? [];
  if (!Array.isArray(args)) return [];
  const at = (i: number) => `${jsonPath}/${pointerSegment(operator!)}/${i}`;
  if (operator === 'if') {
    // [cond, then, cond, then, ..., else]: results sit at odd indexes and at the end.
    return args.flatMap((arg, i) => (i % 2 === 1 || (i === args.length - 1 && i > 0) ? targetingVariants(arg, at(i)) : []));
  }
  if (operator === 'fractional') {
    // A bucket's variant may itself be a rule (flagd 0.15): its literal results count.
    const split = readSplit(args);
    return split.buckets.flatMap((bucket, i) => {
      const path = `${at(bucketIndex(split, i))}/0`;
      return bucket.variantRule === undefined ? [{ variant: bucket.variant, jsonPath: path }] : targetingVariants(bucket.variantRule, path);
    });
  }
  return [];
}
