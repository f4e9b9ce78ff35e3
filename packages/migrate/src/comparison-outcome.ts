/** Outcome of one comparison: `error` when it could not be decided (see {@link ComparisonFailure}). */
export type ComparisonOutcome = 'match' | 'mismatch' | 'error';

/**
 * Why a comparison ended in `error`: the comparator (`compare`) or the error
 * comparator (`compareErrors`) threw or returned no verdict, or a value was
 * larger than `maxComparedBytes` and was not compared (`over-budget`).
 */
export type ComparisonFailure = 'compare' | 'compareErrors' | 'over-budget';
