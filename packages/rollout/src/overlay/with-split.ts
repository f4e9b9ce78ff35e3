import { findSplits, hasTargeting, writeSplit } from '@cutover/flag-model';
import { RolloutError } from '../rollout-error.js';

/** The split the controller writes: the target's share first, canary first as flagd buckets it. */
export interface RolloutSplit {
  readonly target: string;
  readonly baseline: string;
  readonly percent: number;
}

/**
 * The flag's targeting with its split set to `[[target, p], [baseline, 100 - p]]`.
 * No targeting: the split becomes the targeting. One `fractional` (top level,
 * or the only one inside rules): its weights change, its bucketing expression
 * and the rules around it stay, as `cutover rollout` edits git. Anything else
 * is refused rather than guessed.
 *
 * @throws RolloutError `FLAG_NOT_ROLLABLE` for rules without a split, several splits, or a `$ref`
 */
export function withSplit(targeting: unknown, split: RolloutSplit): unknown {
  const buckets = [
    { variant: split.target, weight: split.percent },
    { variant: split.baseline, weight: 100 - split.percent },
  ];
  if (!hasTargeting(targeting)) return writeSplit(targeting, undefined, buckets);
  if (JSON.stringify(targeting).includes('"$ref"')) {
    throw new RolloutError('FLAG_NOT_ROLLABLE', 'the targeting uses $ref: the overlay carries no $evaluators, so the controller cannot copy it; inline the rule');
  }
  const splits = findSplits(targeting);
  if (splits.length !== 1) {
    throw new RolloutError('FLAG_NOT_ROLLABLE', splits.length === 0 ? 'the targeting has rules but no fractional split to drive; add one (see docs/rollout.md)' : `the targeting has ${splits.length} fractional splits; the controller drives exactly one`);
  }
  return writeSplit(targeting, splits[0], buckets);
}
