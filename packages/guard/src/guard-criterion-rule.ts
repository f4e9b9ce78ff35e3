import type { GuardConfig } from './guard-config.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import type { GuardSample } from './guard-verdict.js';
import type { SequentialRateTestInput } from './sequential-rate-test.js';

/** The options of {@link GuardConfig} that hold a criterion's limit. */
export type GuardLimit =
  | 'maxErrorRate'
  | 'maxErrorRateIncrease'
  | 'maxLatencyRatio'
  | 'minMatchRate'
  | 'minSuccessRate'
  | 'minThroughputRatio'
  | 'minAvailability'
  | 'minTrafficRatio';

/** What a criterion reads from a snapshot: the figures its check reports and the test it asks for. */
export interface CriterionReading {
  /** The observed value the limit applies to (a rate, points of rate or a ratio); null without data. */
  readonly observed: number | null;
  /** Sample sizes behind the figures. */
  readonly sample: GuardSample;
  /** False when the snapshot holds no input for the criterion, which is then skipped. */
  readonly present?: boolean;
  /**
   * The sequential rate test to run, or null while there is too little data
   * for one. Several: the check fails when any rejects, and the rule splits
   * the significance among them so that the check keeps its false-alarm bound.
   */
  readonly test: SequentialRateTestInput | readonly SequentialRateTestInput[] | null;
  /** Intermediate numbers the check reports (legacy's rate, its upper bound, the latency bucket…). */
  readonly details: Readonly<Record<string, number | null>>;
}

/**
 * One row of the guard's table of criteria: which option holds the limit and
 * on which side of it the candidate must stay, how the criterion's numbers are
 * read from a snapshot (the test included), and how they read in words.
 * `describe` is a method so that a row's own reading type, with its extra
 * figures, still fits the table's rows.
 */
export interface GuardCriterionRule<R extends CriterionReading = CriterionReading> {
  /** `max` when the observed value must stay at or below the limit, `min` when at or above. */
  readonly direction: 'max' | 'min';
  /** The option holding the limit. */
  readonly limit: GuardLimit;
  /** Reads the criterion's figures and its test's input from a snapshot. Pure. */
  read(snapshot: GuardSnapshot, config: GuardConfig): R;
  /** The figures in words, e.g. `candidate 2.00 % vs legacy 1.00 % …`; called only when a summary is read. */
  describe(reading: R, config: GuardConfig): string;
}

/** A row of the table with its reading type inferred from `read`. */
export function criterionRule<R extends CriterionReading>(rule: GuardCriterionRule<R>): GuardCriterionRule<R> {
  return rule;
}
