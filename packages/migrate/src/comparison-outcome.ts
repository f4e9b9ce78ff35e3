/** Outcome of one comparison: `error` when a user callback (comparator, ignorer) threw. */
export type ComparisonOutcome = 'match' | 'mismatch' | 'error';
