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
  const buckets = [[split.target, split.percent], [split.baseline, 100 - split.percent]];
  if (targeting === undefined || targeting === null || (typeof targeting === 'object' && Object.keys(targeting).length === 0)) return { fractional: buckets };
  if (JSON.stringify(targeting).includes('"$ref"')) {
    throw new RolloutError('FLAG_NOT_ROLLABLE', 'the targeting uses $ref: the overlay carries no $evaluators, so the controller cannot copy it; inline the rule');
  }
  let found = 0;
  const replace = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(replace);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>).map(([operator, args]) => {
        if (operator !== 'fractional' || !Array.isArray(args)) return [operator, replace(args)];
        found++;
        const keyed = args.length > 0 && !Array.isArray(args[0]);
        return [operator, keyed ? [args[0], ...buckets] : buckets];
      }),
    );
  };
  const next = replace(targeting);
  if (found !== 1) {
    throw new RolloutError('FLAG_NOT_ROLLABLE', found === 0 ? 'the targeting has rules but no fractional split to drive; add one (see docs/rollout.md)' : `the targeting has ${found} fractional splits; the controller drives exactly one`);
  }
  return next;
}
