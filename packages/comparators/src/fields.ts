import { allOf } from './all-of.js';
import { at } from './at.js';
import { fieldOf } from './field-of.js';
import type { Comparator } from './comparison.js';
import { childSegment, formatPath } from './path/path-segment.js';

/** One comparator per field of `T`; fields left out are not compared. */
export type FieldComparators<T> = { readonly [K in keyof T]?: Comparator<T[K]> };

/**
 * Compares an object field by field, each with its own comparator, and merges
 * the verdicts with each difference under its field (`$.items[0].kcal`). A
 * side that is not an object reads as having every field `undefined`.
 */
export function fields<T extends object>(comparators: FieldComparators<T>): Comparator<T> {
  const parts = Object.entries(comparators).map(([key, compare]) =>
    at(formatPath([childSegment(key)]), (value: T) => fieldOf(value, key), compare as Comparator<unknown>),
  );
  return allOf(...parts);
}
