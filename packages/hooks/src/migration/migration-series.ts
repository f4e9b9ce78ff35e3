import type { RollbackReason, RollbackStatus } from '@cutover/rollback';
import { COMPARISON_RESULTS, MIGRATION_LABELS, MIGRATION_PATHS, OVERFLOW_LABEL_VALUE, PAIR_OUTCOMES, ROLLBACK_REASONS, ROLLBACK_STATUSES, UNKNOWN_STAGE_LIMITS } from '../conventions.js';
import { CounterCell } from '../metrics/counter-cell.js';
import { OutcomeSeries } from './outcome-series.js';
import { PairedLatencyRatios } from './paired-latency-ratios.js';
import { PathSeries } from './path-series.js';

/** A value of the comparison `result` label. */
export type ComparisonResult = (typeof COMPARISON_RESULTS)[keyof typeof COMPARISON_RESULTS];
export type { RollbackReason, RollbackStatus } from '@cutover/rollback';

/** The comparison results in a fixed order: the index of a cell in {@link MigrationSeries.comparisons}. */
export const COMPARISON_RESULT_ORDER: readonly ComparisonResult[] = Object.freeze(Object.values(COMPARISON_RESULTS));

/** A value of the `pair` label. */
export type PairOutcome = (typeof PAIR_OUTCOMES)[keyof typeof PAIR_OUTCOMES];

/**
 * The pair outcomes in a fixed order: the index of a cell in
 * {@link MigrationSeries.pairs} is 1 when legacy failed plus 2 when the candidate did.
 */
export const PAIR_OUTCOME_ORDER: readonly PairOutcome[] = Object.freeze([
  PAIR_OUTCOMES.bothOk,
  PAIR_OUTCOMES.legacyError,
  PAIR_OUTCOMES.candidateError,
  PAIR_OUTCOMES.bothError,
]);

/** One stage of the stage gauge: whether it was served since the last scrape, and what was exported. */
interface StageMark {
  seen: boolean;
  value: 0 | 1;
  /** Calls served at the stage since the series was created. */
  calls: number;
}

/**
 * Every migration series of one flag key, as plain numbers read by prom-client
 * at scrape time and by the local guard source at any time. All counters
 * exist from creation at 0, rollbacks included, so an alert sees the first
 * rollback as an increase rather than a new series.
 */
export class MigrationSeries {
  readonly legacy: PathSeries;
  readonly candidate: PathSeries;
  /** One cell per result, in {@link COMPARISON_RESULT_ORDER}. */
  readonly comparisons: readonly CounterCell[];
  /** Business outcomes reported through the Tracking API. */
  readonly outcomes: OutcomeSeries;
  /** Evaluations of a key no flag source defines. */
  readonly flagNotFound: CounterCell;
  /** One cell per pair outcome of compared requests, in {@link PAIR_OUTCOME_ORDER}. */
  readonly pairs: readonly CounterCell[];
  /** Candidate over legacy duration per compared request on which both paths succeeded. */
  readonly pairedLatencyRatios: PairedLatencyRatios;
  private readonly rollbackCells = new Map<string, CounterCell>();
  private readonly unknownCells = new Map<string, CounterCell>();
  private readonly stages = new Map<string, StageMark>();
  private servedSinceScrape = false;

  /**
   * @param flagKey the migration's flag key (or `__overflow__`)
   * @param bounds duration histogram upper bounds, in seconds
   * @param maxOutcomeEvents distinct outcome event names with series of their own
   */
  constructor(
    readonly flagKey: string,
    bounds: Float64Array,
    maxOutcomeEvents = 16,
  ) {
    const key = { [MIGRATION_LABELS.key]: flagKey };
    this.legacy = new PathSeries({ ...key, [MIGRATION_LABELS.path]: MIGRATION_PATHS.legacy }, bounds);
    this.candidate = new PathSeries({ ...key, [MIGRATION_LABELS.path]: MIGRATION_PATHS.candidate }, bounds);
    this.flagNotFound = new CounterCell(key);
    this.comparisons = COMPARISON_RESULT_ORDER.map((result) => new CounterCell({ ...key, [MIGRATION_LABELS.result]: result }));
    this.outcomes = new OutcomeSeries(flagKey, maxOutcomeEvents);
    this.pairs = PAIR_OUTCOME_ORDER.map((pair) => new CounterCell({ ...key, [MIGRATION_LABELS.pair]: pair }));
    this.pairedLatencyRatios = new PairedLatencyRatios(key);
    for (const reason of Object.values(ROLLBACK_REASONS)) {
      for (const status of Object.values(ROLLBACK_STATUSES)) {
        const labels = { ...key, [MIGRATION_LABELS.reason]: reason, [MIGRATION_LABELS.status]: status };
        this.rollbackCells.set(`${reason}/${status}`, new CounterCell(labels));
      }
    }
  }

  /** The rollback counter of a reason and status. */
  rollback(reason: RollbackReason, status: RollbackStatus): CounterCell {
    return this.rollbackCells.get(`${reason}/${status}`)!;
  }

  /** Every rollback counter. */
  rollbacks(): Iterable<CounterCell> {
    return this.rollbackCells.values();
  }

  /** The counter of one value served that is not a stage; values past the bound share `__overflow__`. */
  unknownStage(served: string): CounterCell {
    const value = served.slice(0, UNKNOWN_STAGE_LIMITS.length);
    const label = this.unknownCells.has(value) || this.unknownCells.size < UNKNOWN_STAGE_LIMITS.values ? value : OVERFLOW_LABEL_VALUE;
    let cell = this.unknownCells.get(label);
    if (!cell) this.unknownCells.set(label, (cell = new CounterCell({ [MIGRATION_LABELS.key]: this.flagKey, [MIGRATION_LABELS.value]: label })));
    return cell;
  }

  /** Every unknown-stage counter. */
  unknownStages(): Iterable<CounterCell> {
    return this.unknownCells.values();
  }

  /** Marks a stage as served by a call. */
  served(stage: string): void {
    const mark = this.stages.get(stage);
    if (mark) {
      mark.seen = true;
      mark.calls++;
    }
    // Stage values come from the runner, which maps unknown values to `off`: at most six.
    else this.stages.set(stage, { seen: true, value: 0, calls: 1 });
    this.servedSinceScrape = true;
  }

  /** Calls served per stage since the series was created. */
  stageCalls(): Record<string, number> {
    return Object.fromEntries([...this.stages].map(([stage, mark]) => [stage, mark.calls]));
  }

  /**
   * The stage gauge's values, read at each scrape: 1 for every stage served
   * since the previous scrape (both sides of a canary split), 0 for the
   * others. Without calls since then, the previous values stand.
   */
  stageValues(): Iterable<[string, 0 | 1]> {
    if (this.servedSinceScrape) {
      for (const mark of this.stages.values()) {
        mark.value = mark.seen ? 1 : 0;
        mark.seen = false;
      }
      this.servedSinceScrape = false;
    }
    return [...this.stages].map(([stage, mark]) => [stage, mark.value]);
  }
}
