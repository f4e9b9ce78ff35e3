/**
 * What the current targeting evaluation reads and what its custom operators
 * noticed. Evaluation is synchronous, so one module-level record, reset before
 * each evaluation, carries both without touching the caller's (frozen)
 * context; it also lets flags with the same rule share one compiled function,
 * the flag key being read from here rather than baked into the rule.
 */
export const evaluationScratch = {
  /** The key of the flag being evaluated (`$flagd.flagKey`, and what `fractional` buckets with). */
  flagKey: '',
  /** A `fractional` operator chose a variant. */
  split: false,
  /** A `fractional` operator needed a targeting key and had none. */
  targetingKeyMissing: false,
  reset(flagKey = ''): void {
    this.flagKey = flagKey;
    this.split = false;
    this.targetingKeyMissing = false;
  },
};
