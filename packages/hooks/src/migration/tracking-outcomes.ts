import type { TrackEvent, TrackListener } from '@cutover/provider';
import { InvalidOptionError } from '@cutover/core';
import type { Logger } from '@openfeature/server-sdk';
import type { MigrationMetrics } from './migration-metrics.js';
import type { OutcomeAttribution } from './outcome-attribution.js';
import type { OutcomeResult } from './outcome-series.js';
import type { CallOutcome } from './path-series.js';

/** The tracking event name an application reports a migrated call's outcome with. */
export const OUTCOME_EVENT = 'cutover.outcome';

const OUTCOMES: Readonly<Record<string, CallOutcome>> = { ok: 'success', error: 'error', timeout: 'timeout' };

/**
 * How a declared business event reads: always a `success` (`pr_accepted`),
 * always a `failure` (`pr_rejected`), or by its `value`: 1 a success, 0 a
 * failure (`build_finished` with `{ value: passed ? 1 : 0 }`).
 */
export type OutcomeKind = 'success' | 'failure' | 'value';

/** The business events an application reports, by tracking event name. */
export type OutcomeEvents = Readonly<Record<string, OutcomeKind>>;

const KINDS: ReadonlySet<unknown> = new Set<OutcomeKind>(['success', 'failure', 'value']);

/** Where tracking events come from: a `CutoverProvider`. */
export interface TrackingSource {
  onTrack(listener: TrackListener): () => void;
}

/** Everything {@link TrackingOutcomes} is made of. */
export interface TrackingOutcomesInit {
  readonly provider: TrackingSource;
  readonly metrics: MigrationMetrics;
  /** Business events to count, by name; other names are not outcomes and pass unseen. @default none */
  readonly outcomes?: OutcomeEvents;
  /** Which path served a targeting key, for business events that name none. @default none: such events must name `flagKey` and `path` */
  readonly attribution?: Pick<OutcomeAttribution, 'pathOf' | 'flagsOf'>;
  /** @default console */
  readonly logger?: Logger;
}

/**
 * Guards applications that branch on a migration flag themselves, without
 * the runner: they report each call with the OpenFeature Tracking API,
 *
 * ```ts
 * client.track('cutover.outcome', ctx, { flagKey, path: 'candidate', outcome: 'error', value: seconds });
 * ```
 *
 * and this bridge counts it in the same migration metrics the runner feeds,
 * so the guard (local or through Prometheus) judges it alike. `outcome` is
 * `ok`, `error` or `timeout`; `value`, the call's duration in seconds, is
 * optional.
 *
 * It also counts the business outcomes the application declares in
 * `outcomes` (a PR accepted, a build passed) for the path that did the work:
 *
 * ```ts
 * client.track('pr_accepted', { targetingKey: issueId });
 * client.track('build_finished', { targetingKey: issueId }, { value: passed ? 1 : 0 });
 * ```
 *
 * The path is the event's `path` when it names one (with its `flagKey`),
 * else the one `attribution` remembers serving the targeting key, for the
 * event's `flagKey` or every migration that served the key. Malformed and
 * unattributed events are dropped, counted and logged (the first ten).
 */
export class TrackingOutcomes {
  private readonly unsubscribe: () => void;
  private readonly logger: Logger;
  private readonly outcomes: ReadonlyMap<string, OutcomeKind>;
  private recorded = 0;
  private dropped = 0;

  /** @throws {InvalidOptionError} when an outcome event is declared with a kind other than `success`, `failure` or `value` */
  constructor(private readonly init: TrackingOutcomesInit) {
    this.logger = init.logger ?? console;
    this.outcomes = new Map(Object.entries(init.outcomes ?? {}));
    for (const [name, kind] of this.outcomes) {
      if (!KINDS.has(kind)) throw new InvalidOptionError({ component: 'TrackingOutcomes', option: 'outcomes', reason: `"${name}" must be 'success', 'failure' or 'value', got ${JSON.stringify(kind)}` });
    }
    this.unsubscribe = init.provider.onTrack((event) => this.receive(event));
  }

  /** Stops listening. */
  close(): void {
    this.unsubscribe();
  }

  /** Events counted, and malformed or unattributed ones dropped. */
  stats(): { readonly recorded: number; readonly dropped: number } {
    return { recorded: this.recorded, dropped: this.dropped };
  }

  private receive(event: TrackEvent): void {
    if (event.name !== OUTCOME_EVENT) {
      const kind = this.outcomes.get(event.name);
      if (kind !== undefined) this.business(event, kind);
      return;
    }
    const { flagKey, path, outcome, value } = event.details;
    const mapped = typeof outcome === 'string' ? OUTCOMES[outcome] : undefined;
    if (typeof flagKey !== 'string' || flagKey === '' || (path !== 'legacy' && path !== 'candidate') || mapped === undefined) {
      // Only the shape is logged: details may carry application data.
      const got = Object.entries(event.details).map(([k, v]) => (k === 'path' || k === 'outcome' ? `${k}=${String(v)}` : `${k}: ${typeof v}`));
      this.drop(`needs flagKey, path (legacy|candidate) and outcome (ok|error|timeout); got {${got.join(', ')}}`);
      return;
    }
    this.recorded++;
    this.init.metrics.recordCall(flagKey, path, mapped, typeof value === 'number' ? value : undefined);
  }

  private business(event: TrackEvent, kind: OutcomeKind): void {
    const { flagKey, path, value } = event.details;
    const result: OutcomeResult | undefined = kind !== 'value' ? kind : value === 1 ? 'success' : value === 0 ? 'failure' : undefined;
    if (result === undefined) {
      this.drop(`"${event.name}" reads its value, which must be 1 (success) or 0 (failure); got ${typeof value === 'number' ? value : typeof value}`, event.name);
      return;
    }
    const targetingKey = event.context.targetingKey;
    const flags = typeof flagKey === 'string' && flagKey !== '' ? [flagKey] : typeof targetingKey === 'string' ? (this.init.attribution?.flagsOf(targetingKey) ?? []) : [];
    let counted = 0;
    for (const flag of flags) {
      const served = path === 'legacy' || path === 'candidate' ? path : typeof targetingKey === 'string' ? this.init.attribution?.pathOf(flag, targetingKey) : undefined;
      if (served === undefined) continue;
      this.init.metrics.recordOutcome(flag, served, event.name, result);
      counted++;
    }
    if (counted > 0) this.recorded++;
    else this.drop('no path served its targeting key in memory; give the event a flagKey and path (legacy|candidate)', event.name);
  }

  private drop(why: string, name = OUTCOME_EVENT): void {
    this.dropped++;
    if (this.dropped <= 10) this.logger.warn(`cutover: dropped a "${name}" tracking event: ${why}`);
  }
}
