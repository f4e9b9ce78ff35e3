import { bucketIndex, findSplits } from '@cutover/flag-model';
import type { FlagFileDocument } from '@cutover/provider';
import type { JSONPath } from 'jsonc-parser';
import type { ValidationProblem } from './flag-file-problem.js';
import { locateJsonPath } from './locate-json-path.js';

/**
 * Checks every `fractional` split of a file (in flags' targeting and in
 * `$evaluators`): weights are whole numbers, none negative, and they add up to
 * more than zero. flagd's schema allows any number, but flagd buckets with
 * integer arithmetic, so a fractional weight does not mean what it says.
 */
export function checkSplitWeights(file: string, text: string, document: FlagFileDocument): ValidationProblem[] {
  const roots: [JSONPath, unknown][] = [
    ...Object.entries(document.flags).map(([key, flag]): [JSONPath, unknown] => [['flags', key, 'targeting'], flag.targeting]),
    ...Object.entries(document.$evaluators ?? {}).map(([name, rule]): [JSONPath, unknown] => [['$evaluators', name], rule]),
  ];
  const problems: ValidationProblem[] = [];
  const problem = (path: JSONPath, reason: string) => problems.push({ severity: 'error', file, ...locateJsonPath(text, path), reason });
  for (const [root, targeting] of roots) {
    for (const split of findSplits(targeting)) {
      const at = [...root, ...split.path];
      split.buckets.forEach((bucket, i) => {
        if (!Number.isInteger(bucket.weight) || bucket.weight < 0) {
          problem([...at, bucketIndex(split, i), 1], `fractional weight of "${bucket.variant}" must be a whole number ≥ 0, got ${JSON.stringify(bucket.weight)}`);
        }
      });
      if (split.buckets.reduce((sum, bucket) => sum + bucket.weight, 0) <= 0) problem(at, 'fractional weights add up to 0: no bucket can be chosen');
    }
  }
  return problems;
}
