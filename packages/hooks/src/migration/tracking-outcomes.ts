import type { TrackEvent, TrackListener } from '@cutover/provider';
import type { Logger } from '@openfeature/server-sdk';
import type { MigrationMetrics } from './migration-metrics.js';
import type { CallOutcome } from './path-series.js';

/** The tracking event name an application reports a migrated call's outcome with. */
export const OUTCOME_EVENT = 'cutover.outcome';

const OUTCOMES: Readonly<Record<string, CallOutcome>> = { ok: 'success', error: 'error', timeout: 'timeout' };

/** Where tracking events come from: a `CutoverProvider`. */
export interface TrackingSource {
  onTrack(listener: TrackListener): () => void;
}

/** Everything {@link TrackingOutcomes} is made of. */
export interface TrackingOutcomesInit {
  readonly provider: TrackingSource;
  readonly metrics: MigrationMetrics;
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
 * optional. Malformed events are dropped, counted and logged (the first ten).
 */
export class TrackingOutcomes {
  private readonly unsubscribe: () => void;
  private readonly logger: Logger;
  private recorded = 0;
  private dropped = 0;

  constructor(private readonly init: TrackingOutcomesInit) {
    this.logger = init.logger ?? console;
    this.unsubscribe = init.provider.onTrack((event) => this.receive(event));
  }

  /** Stops listening. */
  close(): void {
    this.unsubscribe();
  }

  /** Events counted, and malformed ones dropped. */
  stats(): { readonly recorded: number; readonly dropped: number } {
    return { recorded: this.recorded, dropped: this.dropped };
  }

  private receive(event: TrackEvent): void {
    if (event.name !== OUTCOME_EVENT) return;
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

  private drop(why: string): void {
    this.dropped++;
    if (this.dropped <= 10) this.logger.warn(`cutover: dropped a "${OUTCOME_EVENT}" tracking event: ${why}`);
  }
}
