import type { CutoverProvider } from '@cutover/provider';
import { ProviderEvents } from '@openfeature/server-sdk';
import type { EventDetails, Logger } from '@openfeature/server-sdk';
import type { Rollback, RollbackResult } from '@cutover/rollback';
import type { GuardState, MigrationMetrics } from '@cutover/hooks';
import { evaluateGuard } from './evaluate-guard.js';
import type { GuardConfig, GuardOptions } from './guard-config.js';
import { resolveGuardRunConfig } from './guard-run-config.js';
import type { GuardRunConfig, GuardRunOptions } from './guard-run-config.js';
import type { GuardSource } from './guard-source.js';
import type { GuardVerdict } from './guard-verdict.js';
import { resolveGuardConfig } from './resolve-guard-config.js';
import { rollbackReasonOf } from './rollback-reason-of.js';
import { RecentTrafficTracker } from './recent-traffic-tracker.js';
import { VerdictLog } from './verdict-log.js';
import { verdictRecord } from './verdict-record.js';

/** What the guard watches of the provider: flag changes restart its window. */
export type GuardProvider = Pick<CutoverProvider, 'events' | 'getRollbacks' | 'getOverrides'>;

/** Everything a {@link Guard} is made of. */
export interface GuardInit {
  /** The migration's flag key. */
  readonly flagKey: string;
  /** Where the counts come from: `LocalRegistrySource` or `PrometheusSource`. */
  readonly source: GuardSource;
  /** Rolls the flag back when the verdict is `degraded`. */
  readonly rollback: Pick<Rollback, 'rollback'>;
  /** When given, a change of the flag (stage, split) restarts the window, and re-arms a guard whose rollback was lifted. */
  readonly provider?: GuardProvider;
  /** The limits; see `GuardConfig`. */
  readonly criteria?: GuardOptions;
  /** Interval and actor; see {@link GuardRunConfig}. */
  readonly options?: GuardRunOptions;
  /** @default console */
  readonly logger?: Logger;
  /** Called with every verdict (a throw is logged). */
  readonly onVerdict?: (verdict: GuardVerdict) => void;
  /** Where the state and its numbers are exported (`cutover_guard_state` and friends); usually the migration's metrics. */
  readonly metrics?: Pick<MigrationMetrics, 'recordGuardState'>;
  /** Milliseconds clock, for the traffic check's "recent" and the summary interval. @default Date.now */
  readonly now?: () => number;
}

const STATE_OF: Readonly<Record<GuardVerdict['status'], GuardState>> = {
  healthy: 'healthy',
  degraded: 'degraded',
  'insufficient-data': 'holding',
};

/** Counters of a guard's life. */
export interface GuardStats {
  readonly evaluations: number;
  readonly sourceFailures: number;
  readonly rollbacks: number;
  readonly windowRestarts: number;
}

/**
 * Watches one migration: evaluates the source's window on an interval, logs
 * a verdict with its numbers when it changes (and a summary every
 * `summaryIntervalMs` while it does not), exports its state (healthy,
 * degraded, holding) to the metrics, and on the first `degraded` verdict rolls
 * the flag back once, with the verdict's checks in the audit record. It never
 * throws into the application: a failing source is logged and counted, and
 * the next tick tries again.
 */
export class Guard {
  /** The resolved limits. */
  readonly criteria: GuardConfig;
  /** The resolved run settings. */
  readonly config: GuardRunConfig;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly recent: RecentTrafficTracker;
  private readonly verdictLog: VerdictLog;
  private state: { readonly state: GuardState; readonly sinceMs: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<GuardVerdict | undefined> | undefined;
  private tripped = false;
  private last: GuardVerdict | undefined;
  private lastRollback: RollbackResult | undefined;
  private counts = { evaluations: 0, sourceFailures: 0, rollbacks: 0, windowRestarts: 0 };
  private readonly onChange = (details?: EventDetails): void => {
    const changed = details?.flagsChanged;
    this.flagChanged(Array.isArray(changed) ? changed.map(String) : undefined);
  };

  /**
   * @throws {InvalidOptionError} when a limit or run option is unusable
   */
  constructor(private readonly init: GuardInit) {
    this.criteria = resolveGuardConfig(init.criteria);
    this.config = resolveGuardRunConfig(init.options);
    this.logger = init.logger ?? console;
    this.now = init.now ?? Date.now;
    this.recent = new RecentTrafficTracker(this.config.recentMs);
    this.verdictLog = new VerdictLog(this.config.summaryIntervalMs);
    init.provider?.events.addHandler(ProviderEvents.ConfigurationChanged, this.onChange);
    // A process restarted after a rollback finds it in the overlay: nothing to guard until it is lifted.
    this.tripped = this.rolledBack();
  }

  /** Starts a fresh window and evaluates every `intervalMs` until {@link stop}. */
  start(): this {
    this.restartWindow();
    this.timer ??= setInterval(() => void this.evaluateNow(), this.config.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Stops the timer and the provider subscription. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.init.provider?.events.removeHandler(ProviderEvents.ConfigurationChanged, this.onChange);
  }

  /** Restarts the window: later verdicts count from now. */
  restartWindow(): void {
    this.init.source.startWindow();
    this.recent.reset();
    this.verdictLog.reset();
    this.counts.windowRestarts++;
  }

  /** True once the guard has rolled its flag back (until the rollback is lifted). */
  get hasTripped(): boolean {
    return this.tripped;
  }

  /** The latest verdict, and the rollback it caused if any. */
  get latest(): { readonly verdict?: GuardVerdict; readonly rollback?: RollbackResult } {
    return { ...(this.last ? { verdict: this.last } : {}), ...(this.lastRollback ? { rollback: this.lastRollback } : {}) };
  }

  /** Counters of evaluations, source failures, rollbacks and window restarts. */
  stats(): GuardStats {
    return { ...this.counts };
  }

  /**
   * Evaluates now (the timer calls this too; overlapping calls share one
   * evaluation). Resolves with the verdict, or undefined when the source
   * failed; never rejects.
   */
  evaluateNow(): Promise<GuardVerdict | undefined> {
    this.running ??= this.evaluate().finally(() => (this.running = undefined));
    return this.running;
  }

  private async evaluate(): Promise<GuardVerdict | undefined> {
    const { flagKey, source } = this.init;
    let verdict: GuardVerdict;
    const at = this.now();
    try {
      const snapshot = await source.snapshot();
      const recent = this.recent.observe(at, snapshot);
      verdict = evaluateGuard(recent ? { ...snapshot, recent } : snapshot, this.criteria);
    } catch (error) {
      this.counts.sourceFailures++;
      this.logger.error(`cutover guard "${flagKey}": reading ${source.description} failed (${this.counts.sourceFailures} so far), retrying next tick: ${(error as Error)?.message ?? String(error)}`);
      return undefined;
    }
    const decidedAt = performance.now();
    this.counts.evaluations++;
    this.last = verdict;
    this.log(verdict, at);
    this.export(verdict, at);
    try {
      this.init.onVerdict?.(verdict);
    } catch (error) {
      this.logger.error(`cutover guard "${flagKey}": onVerdict threw: ${(error as Error)?.message ?? String(error)}`);
    }
    if (verdict.status === 'degraded' && !this.tripped) await this.trip(verdict, decidedAt);
    return verdict;
  }

  private log(verdict: GuardVerdict, at: number): void {
    const kind = this.verdictLog.decide(verdict, at);
    if (kind === undefined) return;
    const { flagKey, source } = this.init;
    const still = kind === 'summary' ? `still ${verdict.status} (${this.verdictLog.takeQuiet()} unchanged verdicts since the last line)` : verdict.status;
    if (kind === 'change') this.verdictLog.takeQuiet();
    const line = `cutover guard "${flagKey}": ${still} over ${verdict.windowSeconds.toFixed(1)} s of ${source.description}: ${verdict.checks.map((c) => c.summary).join(' | ')}`;
    if (verdict.status === 'degraded') this.logger.warn(line);
    else this.logger.info(line);
  }

  private export(verdict: GuardVerdict, at: number): void {
    const state = STATE_OF[verdict.status];
    if (this.state?.state !== state) this.state = { state, sinceMs: at };
    const checks = verdict.checks.map((c) => ({ criterion: c.criterion, observed: c.observed, eValue: c.test?.eValue ?? null, applied: c.applied !== false }));
    this.init.metrics?.recordGuardState(this.init.flagKey, { ...this.state, checks });
  }

  private async trip(verdict: GuardVerdict, decidedAt: number): Promise<void> {
    this.tripped = true;
    this.counts.rollbacks++;
    try {
      this.lastRollback = await this.init.rollback.rollback({ flag: this.init.flagKey }, rollbackReasonOf(verdict.failed), {
        by: this.config.actor,
        message: verdict.summary,
        numbers: { verdict: verdictRecord(verdict) },
        startedAt: decidedAt,
      });
    } catch (error) {
      this.logger.error(`cutover guard "${this.init.flagKey}": rollback threw: ${(error as Error)?.message ?? String(error)}`);
    }
    // A rollback that did not complete (no target yet, the overlay unwritable) is
    // tried again on the next degraded verdict: the window still holds the evidence.
    if (this.lastRollback?.status !== 'completed') {
      this.tripped = false;
      this.logger.error(`cutover guard "${this.init.flagKey}": the rollback did not complete; trying again on the next degraded verdict`);
    }
  }

  // A change of the flag starts a new window (a new stage or split is a new
  // experiment). The changes a rollback itself makes leave a tripped guard
  // alone; once the rollback is lifted, the guard re-arms.
  private flagChanged(flagsChanged: readonly string[] | undefined): void {
    const { flagKey } = this.init;
    if (flagsChanged !== undefined && !flagsChanged.includes(flagKey)) return;
    if (this.tripped) {
      if (this.rolledBack()) return;
      this.tripped = false;
      this.logger.info(`cutover guard "${flagKey}": the rollback was lifted; watching again`);
    }
    this.restartWindow();
  }

  private rolledBack(): boolean {
    const { flagKey, provider } = this.init;
    return provider !== undefined && (provider.getRollbacks().includes(flagKey) || Object.hasOwn(provider.getOverrides(), flagKey));
  }
}
