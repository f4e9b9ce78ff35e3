/** One difference between the legacy and the candidate result. */
export interface Difference {
  /** Where the values differ, as a JSON path (`$.items[2].kcal`). */
  readonly path: string;
  /** The legacy value at `path`; `undefined` when legacy has none. */
  readonly legacy: unknown;
  /** The candidate value at `path`; `undefined` when the candidate has none. */
  readonly candidate: unknown;
  /** Why this counts as a difference, in words (`outside ±5 %`). */
  readonly reason?: string;
  /** A warning is reported but does not break the match. @default 'error' */
  readonly severity?: 'error' | 'warning';
}

/** The verdict of a comparator. */
export interface Comparison {
  /** True when no difference of severity `error` was found. */
  readonly match: boolean;
  /** Every difference found, errors and warnings; empty when the results agree. */
  readonly differences: readonly Difference[];
}

/** A comparator is a plain function; it may throw, the runner contains it. */
export type Comparator<T> = (legacy: T, candidate: T) => Comparison;
