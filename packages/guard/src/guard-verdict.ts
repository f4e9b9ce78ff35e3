/**
 * The criteria the guard judges, one check each, in the order the verdict
 * lists them: the one list of their names, for schemas and options elsewhere.
 */
export const GUARD_CRITERION_NAMES = Object.freeze([
  'error-rate',
  'error-rate-increase',
  'latency',
  'match-rate',
  'success-rate',
  'throughput',
  'availability',
  'traffic',
] as const);

/** A criterion the guard judges: one of {@link GUARD_CRITERION_NAMES}. */
export type GuardCriterion = (typeof GUARD_CRITERION_NAMES)[number];

/**
 * Outcome of one check: `fail` when the test is confident the candidate is
 * beyond the limit, `pass` when it is not, `insufficient-data` below the
 * minimum sample, `skipped` when the snapshot has no input for the criterion.
 */
export type GuardCheckStatus = 'pass' | 'fail' | 'insufficient-data' | 'skipped';

/**
 * The guard's answer: `degraded` when any check fails (roll back),
 * `healthy` when every check that has input passes with enough data,
 * `insufficient-data` otherwise.
 */
export type GuardStatus = 'healthy' | 'degraded' | 'insufficient-data';

/**
 * A one-sided sequential test that a rate is above `nullRate`, with its
 * numbers: `events` out of `trials`, the e-value (the evidence against
 * "rate ≤ nullRate"), and the boundary it must reach.
 */
export interface SequentialTestResult {
  /** Counted events (errors, mismatches, slow calls…). */
  readonly events: number;
  /** Trials the events are counted among. */
  readonly trials: number;
  /** The rate the null hypothesis allows at most. */
  readonly nullRate: number;
  /** Beta-mixture likelihood ratio; large means strong evidence the rate is above `nullRate`. */
  readonly eValue: number;
  /** Anytime-valid p-value, `min(1, 1 / eValue)`. */
  readonly pValue: number;
  /** Significance level this test spends. */
  readonly alpha: number;
  /** The boundary `1 / alpha`: the test rejects when `eValue` reaches it. */
  readonly boundary: number;
  /** Whether the null hypothesis is rejected, i.e. the rate is judged above `nullRate`. */
  readonly rejected: boolean;
  /** Which test it is, where a check runs several (`p95`, `paired sign`). */
  readonly label?: string;
}

/** Sample sizes behind a check. */
export interface GuardSample {
  /** Candidate calls, comparisons or outcomes counted (for throughput: both paths' calls). */
  readonly candidate: number;
  /** Legacy calls counted, where the criterion compares with legacy; otherwise null. */
  readonly legacy: number | null;
  /** Minimum sample the check needed before it could fail. */
  readonly minimum: number;
}

/** One criterion judged, with every number an audit record or a log line needs. */
export interface GuardCheck {
  /** What was judged. */
  readonly criterion: GuardCriterion;
  /** The check's outcome. */
  readonly status: GuardCheckStatus;
  /** The observed value the limit applies to (a rate, points of rate or a ratio); null without data. */
  readonly observed: number | null;
  /** The configured limit on `observed`. */
  readonly limit: number;
  /** `max` when `observed` must stay at or below `limit`, `min` when at or above. */
  readonly direction: 'max' | 'min';
  /** Sample sizes. */
  readonly sample: GuardSample;
  /**
   * The statistical test, when there was enough data to run it; of several,
   * the one nearest its boundary (a rejected one when any rejected).
   */
  readonly test: SequentialTestResult | null;
  /**
   * Every test the check ran, where it runs more than one (latency with
   * paired duration ratios: the p95 test and the paired sign test, each
   * spending half the significance); absent otherwise.
   */
  readonly tests?: readonly SequentialTestResult[];
  /** Intermediate numbers specific to the criterion (legacy's rate, its upper bound, the latency bucket…). */
  readonly details: Readonly<Record<string, number | null>>;
  /**
   * Whether the check can roll back at the stages the window served: a
   * failing check that is not applied (a slow candidate in shadow) is
   * reported, not acted on. Always set by the guard; absent (in a check built
   * by hand) means applied.
   */
  readonly applied?: boolean;
  /** Why it applies or not, e.g. `not applied at shadow: candidate off the caller's path`. */
  readonly applicability?: string;
  /** The check in one line, numbers included, for logs and the audit record. */
  readonly summary: string;
}

/** The guard's verdict on one snapshot. */
export interface GuardVerdict {
  /** The overall answer. */
  readonly status: GuardStatus;
  /** Criteria whose check failed and applied; empty unless `degraded`. */
  readonly failed: readonly GuardCriterion[];
  /**
   * Criteria whose check failed but does not apply at the stages served:
   * information, no rollback. Always set by the guard; absent (in a verdict
   * built by hand) means none.
   */
  readonly reported?: readonly GuardCriterion[];
  /** One check per criterion, in a fixed order. */
  readonly checks: readonly GuardCheck[];
  /** The configured significance level, per criterion. */
  readonly significance: number;
  /** Length of the window judged, in seconds. */
  readonly windowSeconds: number;
  /** The verdict in one line: status, the failed checks' summaries and the reported ones'. */
  readonly summary: string;
}
