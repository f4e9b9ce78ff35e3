import { bucketIndex, readSplit } from '@cutover/flag-model';
import { pointerSegment } from './json-location.js';

/** A variant named literally by a targeting rule, and where (when asked). */
export interface VariantReference {
  readonly variant: string;
  readonly jsonPath: string;
}

/**
 * The variants a rule can return that are written as literals: the then/else
 * branches of `if` and the buckets of `fractional`, recursively. A rule that
 * returns a computed name (a `var`) cannot be checked before it runs. With
 * `jsonPath` (the rule's own) each comes with where it is written; without
 * it, the names alone, cheaper for a check that only looks for a path when
 * one is wrong.
 */
export function targetingVariants(logic: unknown, jsonPath: string): VariantReference[];
export function targetingVariants(logic: unknown): { readonly variant: string }[];
export function targetingVariants(logic: unknown, jsonPath?: string): { readonly variant: string; readonly jsonPath?: string }[] {
  const found: { variant: string; jsonPath?: string }[] = [];
  collect(logic, jsonPath, found);
  return found;
}

function collect(logic: unknown, jsonPath: string | undefined, found: { variant: string; jsonPath?: string }[]): void {
  if (typeof logic === 'string' || typeof logic === 'boolean' || typeof logic === 'number') {
    found.push(jsonPath === undefined ? { variant: String(logic) } : { variant: String(logic), jsonPath });
    return;
  }
  if (logic === null || typeof logic !== 'object' || Array.isArray(logic)) return;
  let operator: string | undefined;
  for (const key in logic) {
    operator = key;
    break;
  }
  const args = operator === undefined ? undefined : (logic as Record<string, unknown>)[operator];
  if (!Array.isArray(args)) return;
  const at = (i: number): string | undefined => (jsonPath === undefined ? undefined : `${jsonPath}/${pointerSegment(operator!)}/${i}`);
  if (operator === 'if') {
    // [cond, then, cond, then, ..., else]: results sit at odd indexes and at the end.
    for (let i = 1; i < args.length; i++) if (i % 2 === 1 || i === args.length - 1) collect(args[i], at(i), found);
    return;
  }
  if (operator === 'fractional') {
    // A bucket's variant may itself be a rule (flagd 0.15): its literal results count.
    const split = readSplit(args);
    split.buckets.forEach((bucket, i) => {
      const index = at(bucketIndex(split, i));
      const path = index === undefined ? undefined : `${index}/0`;
      if (bucket.variantRule === undefined) found.push(path === undefined ? { variant: bucket.variant } : { variant: bucket.variant, jsonPath: path });
      else collect(bucket.variantRule, path, found);
    });
  }
}
