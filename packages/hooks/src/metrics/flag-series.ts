import { FLAG_LABELS, OVERFLOW_LABEL_VALUE } from '../conventions.js';
import { CounterCell } from './counter-cell.js';
import { DurationCells } from './duration-cells.js';

/**
 * Every series of one (provider, flag key) pair, as plain numbers. The hook
 * resolves it once per evaluation and then only increments fields, so the hot
 * path neither hashes labels nor allocates.
 */
export class FlagSeries {
  /** Evaluations started. */
  readonly requests: CounterCell;
  /** Evaluations in flight. */
  active = 0;
  /** Evaluation durations since the last scrape. */
  readonly durations: DurationCells;
  /** Successful evaluations by variant, then reason. */
  private readonly successes = new Map<string, Map<string, CounterCell>>();
  /** Failed evaluations by raw OpenFeature error code. */
  private readonly errors = new Map<string, CounterCell>();
  private outcomes = 0;
  private overflowSuccess: CounterCell | undefined;
  private overflowError: CounterCell | undefined;

  /**
   * @param labels flag key and provider name labels, shared by every series here
   * @param bounds histogram upper bounds, in seconds
   * @param maxOutcomes distinct success and error series allowed before overflow
   */
  constructor(
    readonly labels: Readonly<Record<string, string>>,
    bounds: Float64Array,
    private readonly maxOutcomes: number,
  ) {
    this.requests = new CounterCell(labels);
    this.durations = new DurationCells(labels, bounds);
  }

  /** Records one evaluation duration, in seconds. */
  observe(seconds: number): void {
    this.durations.observe(seconds);
  }

  /** The success counter for a variant (empty if none) and raw reason. */
  success(variant: string, reason: string): CounterCell {
    let byReason = this.successes.get(variant);
    const cell = byReason?.get(reason);
    if (cell) return cell;
    if (this.outcomes >= this.maxOutcomes) {
      return (this.overflowSuccess ??= this.cell({
        [FLAG_LABELS.variant]: OVERFLOW_LABEL_VALUE,
        [FLAG_LABELS.reason]: OVERFLOW_LABEL_VALUE,
      }));
    }
    if (!byReason) this.successes.set(variant, (byReason = new Map()));
    const created = this.cell({ [FLAG_LABELS.variant]: variant, [FLAG_LABELS.reason]: reason.toLowerCase() });
    byReason.set(reason, created);
    this.outcomes++;
    return created;
  }

  /** The error counter for a raw OpenFeature error code. */
  error(code: string): CounterCell {
    const cell = this.errors.get(code);
    if (cell) return cell;
    if (this.outcomes >= this.maxOutcomes) {
      return (this.overflowError ??= this.cell({ [FLAG_LABELS.errorType]: OVERFLOW_LABEL_VALUE }));
    }
    const created = this.cell({ [FLAG_LABELS.errorType]: code.toLowerCase() });
    this.errors.set(code, created);
    this.outcomes++;
    return created;
  }

  /** Every success cell, overflow included. */
  *successCells(): Iterable<CounterCell> {
    for (const byReason of this.successes.values()) yield* byReason.values();
    if (this.overflowSuccess) yield this.overflowSuccess;
  }

  /** Every error cell, overflow included. */
  *errorCells(): Iterable<CounterCell> {
    yield* this.errors.values();
    if (this.overflowError) yield this.overflowError;
  }

  private cell(extra: Record<string, string>): CounterCell {
    return new CounterCell({ ...this.labels, ...extra });
  }
}
