/**
 * What the custom operators noticed during the current targeting evaluation.
 * Evaluation is synchronous, so one module-level record, reset before each
 * evaluation, carries it out without touching the caller's (frozen) context.
 */
export const evaluationScratch = {
  /** A `fractional` operator chose a variant. */
  split: false,
  /** A `fractional` operator needed a targeting key and had none. */
  targetingKeyMissing: false,
  reset(): void {
    this.split = false;
    this.targetingKeyMissing = false;
  },
};
