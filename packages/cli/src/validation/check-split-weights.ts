import { bucketIndex, findSplits } from '@cutover/flag-model';
import type { FlagEntry } from '@cutover/provider';
import type { JSONPath } from 'jsonc-parser';
import type { ValidationProblem } from './flag-file-problem.js';
import { locateJsonPath } from './locate-json-path.js';

/**
 * Checks every `fractional` split of a file (in flags' targeting and in
 * `$evaluators`) for weights that make a split never choose: a weight that is
 * not a whole number (flagd then answers the default variant for everyone),
 * and weights that add up to 0. A weight computed by a rule is checked by
 * flagd when it is evaluated, not here; a negative weight, which flagd clamps
 * to 0, is a schema deviation reported by the parser.
 */
export function checkSplitWeights(file: string, text: string, entries: readonly FlagEntry[], evaluators: Readonly<Record<string, unknown>>): ValidationProblem[] {
  const roots: [JSONPath, unknown][] = [
    ...entries.map((entry): [JSONPath, unknown] => [[...entry.path, 'targeting'], (entry.definition as { targeting?: unknown } | null)?.targeting]),
    ...Object.entries(evaluators).map(([name, rule]): [JSONPath, unknown] => [['$evaluators', name], rule]),
  ];
  const problems: ValidationProblem[] = [];
  const problem = (path: JSONPath, reason: string) => problems.push({ severity: 'error', file, ...locateJsonPath(text, path), reason });
  for (const [root, targeting] of roots) {
    for (const split of findSplits(targeting)) {
      const at = [...root, ...split.path];
      // A rule as weight reads as NaN: its value is known only when flagd evaluates it.
      const computed = split.buckets.some((bucket) => Number.isNaN(bucket.weight));
      split.buckets.forEach((bucket, i) => {
        if (!Number.isNaN(bucket.weight) && !Number.isInteger(bucket.weight)) {
          problem([...at, bucketIndex(split, i), 1], `fractional weight of "${bucket.variant}" must be a whole number ≥ 0, got ${JSON.stringify(bucket.weight)}`);
        }
      });
      if (!computed && split.buckets.reduce((sum, bucket) => sum + Math.max(0, bucket.weight), 0) <= 0) problem(at, 'fractional weights add up to 0: no bucket can be chosen');
    }
  }
  return problems;
}
