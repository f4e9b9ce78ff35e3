import type { Gauge } from 'prom-client';
import { GUARD_STATES, MIGRATION_LABELS } from '../conventions.js';

/** A value of the guard `state` label. */
export type GuardState = (typeof GUARD_STATES)[keyof typeof GUARD_STATES];

/** One criterion's figures at the guard's last verdict. */
export interface GuardCheckFigures {
  /** The criterion, e.g. `latency` (a closed list: the label stays bounded). */
  readonly criterion: string;
  /** The observed value the limit applies to; null without data. */
  readonly observed: number | null;
  /** The test's e-value; null while there is too little data for a test. */
  readonly eValue: number | null;
  /** Whether the criterion could roll back at the stages served. */
  readonly applied: boolean;
}

/** What the guard reports of one flag after each verdict. */
export interface GuardStateReport {
  /** The current state. */
  readonly state: GuardState;
  /** When the flag entered that state, in milliseconds since the epoch. */
  readonly sinceMs: number;
  /** The numbers behind it, per criterion. */
  readonly checks: readonly GuardCheckFigures[];
}

/** The gauges a guard's state is exported through. */
export type GuardGauge = 'state' | 'since' | 'observed' | 'eValue' | 'applied';

/**
 * The last guard report of each flag, written into the gauges at each scrape:
 * `state` 1 for the current state and 0 for the two others (so an alert sees
 * every state as a series), the time it began, and each criterion's observed
 * value, e-value and whether it applied. Bounded: three states and a closed
 * list of criteria per flag, and flags are bounded by the metrics' flag limit.
 */
export class GuardStateCells {
  private readonly reports = new Map<string, GuardStateReport>();

  /** Keeps a flag's latest report. */
  record(flagKey: string, report: GuardStateReport): void {
    this.reports.set(flagKey, report);
  }

  /** Writes every flag's latest report into one (cleared) gauge; each gauge is collected on its own. */
  collect(kind: GuardGauge, gauge: Gauge): void {
    const key = MIGRATION_LABELS.key;
    for (const [flagKey, report] of this.reports) {
      if (kind === 'state') {
        for (const state of Object.values(GUARD_STATES)) gauge.inc({ [key]: flagKey, [MIGRATION_LABELS.guardState]: state }, state === report.state ? 1 : 0);
      } else if (kind === 'since') {
        gauge.inc({ [key]: flagKey }, report.sinceMs / 1000);
      } else {
        for (const check of report.checks) {
          const value = kind === 'observed' ? check.observed : kind === 'eValue' ? check.eValue : check.applied ? 1 : 0;
          // An infinite e-value (an event impossible under the null) is exported as the largest finite number.
          if (value !== null && !Number.isNaN(value)) gauge.inc({ [key]: flagKey, [MIGRATION_LABELS.criterion]: check.criterion }, Math.min(value, Number.MAX_VALUE));
        }
      }
    }
  }
}
