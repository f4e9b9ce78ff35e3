import { fieldOf } from './field-of.js';
import type { Comparator, Difference } from './comparison.js';
import { comparisonOf } from './comparison-of.js';
import { deepEqual } from './deep-equal.js';
import { prefixComparison } from './prefixed.js';

/** Options of {@link unorderedByKey}. */
export interface UnorderedByKeyOptions<T> {
  /** The field that identifies an element, or a function computing its identity (a normalised name). */
  readonly key: string | ((item: T) => string | number);
  /** Compares two elements with the same key. @default deepEqual() */
  readonly item?: Comparator<T>;
}

/**
 * Compares two collections whose order does not matter by pairing elements on
 * a key: an element on one side only is a difference, paired elements are
 * compared with `item`. Paths name the element by its key as a JSON path
 * filter (`$[?@.name=='apple'].kcal`); repeated keys pair in order and carry
 * their occurrence (`$[?@.name=='apple'][1]`).
 */
export function unorderedByKey<T>(options: UnorderedByKeyOptions<T>): Comparator<readonly T[]> {
  const { key } = options;
  const keyOf = typeof key === 'string' ? (item: T) => fieldOf(item, key) : key;
  const filterOf = typeof key === 'string' ? (id: unknown) => `?@.${key}==${literal(id)}` : (id: unknown) => `?key(@)==${literal(id)}`;
  const item = options.item ?? (deepEqual() as Comparator<T>);
  return (legacy, candidate) => {
    const left = groupBy(legacy ?? [], keyOf);
    const right = groupBy(candidate ?? [], keyOf);
    const differences: Difference[] = [];
    for (const id of new Set([...left.keys(), ...right.keys()])) {
      const olds = left.get(id) ?? [];
      const news = right.get(id) ?? [];
      const repeated = Math.max(olds.length, news.length) > 1;
      for (let occurrence = 0; occurrence < Math.max(olds.length, news.length); occurrence += 1) {
        const path = `$[${filterOf(id)}]${repeated ? `[${occurrence}]` : ''}`;
        differences.push(...pair(path, olds[occurrence], news[occurrence], item));
      }
    }
    return comparisonOf(differences);
  };
}

function pair<T>(path: string, legacy: T | undefined, candidate: T | undefined, item: Comparator<T>): readonly Difference[] {
  if (candidate === undefined) return [{ path, legacy, candidate, reason: 'missing in candidate' }];
  if (legacy === undefined) return [{ path, legacy, candidate, reason: 'missing in legacy' }];
  return prefixComparison(path, item(legacy, candidate)).differences;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => unknown): Map<unknown, T[]> {
  const groups = new Map<unknown, T[]>();
  for (const element of items) {
    const id = keyOf(element);
    const group = groups.get(id);
    if (group) group.push(element);
    else groups.set(id, [element]);
  }
  return groups;
}

function literal(id: unknown): string {
  return typeof id === 'string' ? `'${id.replace(/[\\']/g, (char) => `\\${char}`)}'` : String(id);
}
