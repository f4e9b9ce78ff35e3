import { logThrottle } from '../log-throttle.js';
import type { Logger } from '../logger.js';
import type { ComparisonRecord } from '../store/comparison-record.js';
import type { ComparisonSink } from '../store/comparison-sink.js';
import type { CallbackContainment } from './callback-containment.js';
import { comparisonEventOf } from './comparison-event-of.js';
import { comparisonRecordOf } from './comparison-record-of.js';
import type { EventPublisher } from './event-publisher.js';
import type { ComparisonDropReason } from './migration-stats.js';
import type { RunResult } from './run-result.js';

/** Where a {@link ResultRecorder} sends results. */
export interface ResultRecorderSetup {
  readonly flagKey: string;
  readonly publisher: EventPublisher;
  readonly store: ComparisonSink | undefined;
  readonly maxStoredBytes: number;
  readonly containment: CallbackContainment;
  readonly logger: Logger;
}

/**
 * Publishes each result as a comparison event and stores it as a record, both
 * derived from the one result; counts the results over budget and every
 * compared call that left no record, with its reason.
 */
export class ResultRecorder {
  private overBudget = 0;
  private readonly dropped = new Map<ComparisonDropReason, number>();

  constructor(private readonly setup: ResultRecorderSetup) {}

  /** Compared calls whose values were over `maxComparedBytes`. */
  get overBudgetComparisons(): number {
    return this.overBudget;
  }

  /** Compared calls that left no record, per reason. */
  droppedComparisons(): Partial<Record<ComparisonDropReason, number>> {
    return Object.fromEntries(this.dropped);
  }

  /** Publishes and stores the result of one compared call once concluded; never rejects. */
  async record(concluding: Promise<RunResult>): Promise<void> {
    let result: RunResult;
    try {
      result = await concluding;
    } catch (error) {
      this.drop('runner-fault', error);
      return;
    }
    const { publisher, store, maxStoredBytes, containment } = this.setup;
    if (result.failure === 'over-budget') this.overBudget++;
    let record: ComparisonRecord;
    try {
      if (publisher.active) publisher.emit(comparisonEventOf(result));
      if (!store) return;
      record = comparisonRecordOf(result, maxStoredBytes);
    } catch (error) {
      this.drop('runner-fault', error);
      return;
    }
    try {
      await store.record(record);
    } catch (error) {
      containment.failed('store', error);
      this.drop('store-rejected');
    }
  }

  private drop(reason: ComparisonDropReason, error?: unknown): void {
    const count = (this.dropped.get(reason) ?? 0) + 1;
    this.dropped.set(reason, count);
    if (error === undefined || logThrottle(count) === 'skip') return;
    this.setup.logger.error(`migration "${this.setup.flagKey}": a comparison was dropped (${reason}; ${count} so far)`, error);
  }
}
