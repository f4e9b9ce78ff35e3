import type { Path } from '@cutover/migrate';
import { MIGRATION_LABELS, MIGRATION_PATHS, OUTCOME_LABELS, OUTCOME_RESULTS, OVERFLOW_LABEL_VALUE } from '../conventions.js';
import { CounterCell } from '../metrics/counter-cell.js';

/** A value of the outcome series' `result` label. */
export type OutcomeResult = (typeof OUTCOME_RESULTS)[keyof typeof OUTCOME_RESULTS];

/** Successes and failures of one path's reported outcomes. */
export interface OutcomeTotals {
  success: number;
  failure: number;
}

/**
 * The business outcomes of one migration: a counter cell per path, event
 * name and result, created at 0 for both paths and both results when an
 * event name is first seen, so a first failure is an increase Prometheus
 * sees. Event names beyond `maxEvents` share the `__overflow__` label, so a
 * caller cannot create series without bound.
 */
export class OutcomeSeries {
  /** Totals per path over every event name, as the local guard reads them. */
  readonly totals: Readonly<Record<Path, OutcomeTotals>> = { legacy: { success: 0, failure: 0 }, candidate: { success: 0, failure: 0 } };
  private readonly cells = new Map<string, CounterCell>();
  private readonly events = new Set<string>();

  /**
   * @param flagKey the migration's flag key (or `__overflow__`)
   * @param maxEvents distinct event names with series of their own
   */
  constructor(
    private readonly flagKey: string,
    private readonly maxEvents: number,
  ) {}

  /** Counts one outcome. */
  record(path: Path, event: string, result: OutcomeResult): void {
    const name = this.events.has(event) || this.events.size < this.maxEvents ? event : OVERFLOW_LABEL_VALUE;
    if (!this.events.has(name)) this.declare(name);
    this.cells.get(`${path}/${name}/${result}`)!.value++;
    this.totals[path][result]++;
  }

  /** Every cell, for the exported counter. */
  all(): Iterable<CounterCell> {
    return this.cells.values();
  }

  private declare(event: string): void {
    this.events.add(event);
    for (const path of Object.values(MIGRATION_PATHS)) {
      for (const result of Object.values(OUTCOME_RESULTS)) {
        const labels = { [MIGRATION_LABELS.key]: this.flagKey, [MIGRATION_LABELS.path]: path, [OUTCOME_LABELS.event]: event, [MIGRATION_LABELS.result]: result };
        this.cells.set(`${path}/${event}/${result}`, new CounterCell(labels));
      }
    }
  }
}
