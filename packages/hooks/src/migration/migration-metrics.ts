import { ErrorCode } from '@openfeature/server-sdk';
import { SKIP_REASONS } from '@cutover/migrate';
import type { MigrationEvent, MigrationListener, Path } from '@cutover/migrate';
import { CALL_OUTCOMES, COMPARISON_RESULTS, MIGRATION_LABELS, MIGRATION_METRICS, OUTCOME_LABELS, OUTCOME_METRICS, OVERFLOW_LABEL_VALUE, PAIRED_LATENCY_RATIO_BUCKETS } from '../conventions.js';
import { InvalidOptionError, LogThrottle } from '@cutover/core';
import type { Registry } from 'prom-client';
import type { CounterCell } from '../metrics/counter-cell.js';
import { registerMetric } from '../metrics/register-metric.js';
import { encodeNativeExposition } from '../native/native-exposition.js';
import { GuardStateCells } from './guard-state-cells.js';
import type { GuardGauge, GuardStateReport } from './guard-state-cells.js';
import { countsOf, emptyCounts } from './migration-counts.js';
import type { MigrationCounts } from './migration-counts.js';
import { resolveMigrationMetricsConfig } from './migration-metrics-config.js';
import type { MigrationMetricsConfig, MigrationMetricsOptions } from './migration-metrics-config.js';
import { COMPARISON_RESULT_ORDER, MigrationSeries } from './migration-series.js';
import type { RollbackReason, RollbackStatus } from './migration-series.js';
import type { OutcomeResult } from './outcome-series.js';
import type { CallOutcome, PathSeries } from './path-series.js';
import { CALL_OUTCOME_ORDER } from './path-series.js';

const SUCCESS = CALL_OUTCOME_ORDER.indexOf(CALL_OUTCOMES.success);
const ERROR = CALL_OUTCOME_ORDER.indexOf(CALL_OUTCOMES.error);
const TIMEOUT = CALL_OUTCOME_ORDER.indexOf(CALL_OUTCOMES.timeout);
const REJECTED = CALL_OUTCOME_ORDER.indexOf(CALL_OUTCOMES.rejected);
const MATCH = COMPARISON_RESULT_ORDER.indexOf(COMPARISON_RESULTS.match);
const MISMATCH = COMPARISON_RESULT_ORDER.indexOf(COMPARISON_RESULTS.mismatch);
const IGNORED = COMPARISON_RESULT_ORDER.indexOf(COMPARISON_RESULTS.ignored);
const COMPARATOR_ERROR = COMPARISON_RESULT_ORDER.indexOf(COMPARISON_RESULTS.error);

/** What {@link MigrationMetrics.attach} needs of a runner: a `Migration` from `@cutover/migrate`. */
export interface MigrationSource {
  readonly flagKey: string;
  subscribe(listener: MigrationListener): () => void;
}

/**
 * Records migrations in Prometheus: calls per path and outcome, call
 * durations per path, calls served to callers per path, business outcomes
 * reported through the Tracking API, comparisons by result, compared
 * requests by how both paths ended and the ratio of their durations, the stage served,
 * values served that are not stages, evaluations of a missing key, and rollbacks by reason and status (names in `conventions.ts`). Fed by the runner's events
 * ({@link attach}), by tracking events (`TrackingOutcomes`) and by `Rollback`.
 * The durations are also kept as native histograms, served apart in the
 * protobuf format ({@link nativeExposition}).
 * Counts live in plain numbers and reach prom-client when it is read, so a
 * runner call costs a few field increments; the local guard source reads the
 * same numbers. A failing update is counted and logged, never thrown.
 *
 * @example
 * const metrics = new MigrationMetrics({ registry });
 * metrics.attach(migration);
 */
export class MigrationMetrics {
  /** The resolved configuration. */
  readonly config: MigrationMetricsConfig;
  /** The listener to pass to a runner's `listeners` (or use {@link attach}). */
  readonly listener: MigrationListener = (event) => this.observe(event);
  private readonly bounds: Float64Array;
  private readonly byFlag = new Map<string, MigrationSeries>();
  private readonly all: MigrationSeries[] = [];
  private overflow: MigrationSeries | undefined;
  private readonly failures = new LogThrottle<'update'>();
  private readonly guardStates = new GuardStateCells();

  /**
   * @param options registry, duration buckets, flag limit and logger; see {@link MigrationMetricsConfig}
   * @throws {InvalidOptionError} when an option is unusable or the registry already holds the migration metrics
   */
  constructor(options: MigrationMetricsOptions = {}) {
    this.config = resolveMigrationMetricsConfig(options);
    const registry = this.config.registry;
    // The local guard reads one instance's counts, so one instance must see every call on its registry.
    if (registry.getSingleMetric(MIGRATION_METRICS.calls)) {
      throw new InvalidOptionError({ component: 'MigrationMetrics', option: 'registry', reason: 'already holds the migration metrics; share one MigrationMetrics per registry' });
    }
    this.bounds = Float64Array.from(this.config.durationBuckets);
    const all = this.all;
    const key = MIGRATION_LABELS.key;
    // Every counter is a set of plain cells per flag, flushed into prom-client at each scrape.
    const counter = (name: string, help: string, labelNames: readonly string[], cellsOf: (s: MigrationSeries) => Iterable<CounterCell>): void => {
      registerMetric(registry, 'counter', {
        name,
        help,
        labelNames,
        collect(metric) {
          for (const s of all) for (const cell of cellsOf(s)) cell.flushInto(metric);
        },
      });
    };
    counter(MIGRATION_METRICS.calls, 'Calls of a migration implementation, by path and outcome.', [key, MIGRATION_LABELS.path, MIGRATION_LABELS.outcome], (s) => [...s.legacy.calls, ...s.candidate.calls]);
    registerMetric(registry, 'histogram', {
      name: MIGRATION_METRICS.duration,
      help: 'Duration of a migration implementation call, in seconds, by path.',
      labelNames: [key, MIGRATION_LABELS.path],
      buckets: this.config.durationBuckets,
      collect(histogram) {
        for (const s of all) for (const path of [s.legacy, s.candidate]) path.durations.drainInto(histogram);
      },
    });
    counter(MIGRATION_METRICS.skipped, 'Runs of a migration path the stage called for that did not happen, by path and reason.', [key, MIGRATION_LABELS.path, MIGRATION_LABELS.reason], (s) => [...s.legacy.skipped, ...s.candidate.skipped]);
    counter(MIGRATION_METRICS.comparisons, 'Comparisons of the candidate result with legacy, by result.', [key, MIGRATION_LABELS.result], (s) => s.comparisons);
    counter(MIGRATION_METRICS.pairedCalls, 'Compared requests on which both paths ran, by how the pair ended.', [key, MIGRATION_LABELS.pair], (s) => s.pairs);
    registerMetric(registry, 'histogram', {
      name: MIGRATION_METRICS.pairedLatencyRatio,
      help: 'Candidate duration over legacy duration on the same compared request, both paths successful.',
      labelNames: [key],
      buckets: PAIRED_LATENCY_RATIO_BUCKETS,
      collect(histogram) {
        for (const s of all) s.pairedLatencyRatios.cells.drainInto(histogram);
      },
    });
    counter(MIGRATION_METRICS.rollbacks, 'Rollbacks of a migration flag, by reason and status.', [key, MIGRATION_LABELS.reason, MIGRATION_LABELS.status], (s) => s.rollbacks());
    counter(OUTCOME_METRICS.served, 'Calls of a migration whose outcome went to the caller, by path.', [key, MIGRATION_LABELS.path], (s) => [s.legacy.served, s.candidate.served]);
    counter(
      OUTCOME_METRICS.outcomes,
      'Business outcomes applications reported through the OpenFeature Tracking API, by path, event and result.',
      [key, MIGRATION_LABELS.path, OUTCOME_LABELS.event, MIGRATION_LABELS.result],
      (s) => s.outcomes.all(),
    );
    counter(MIGRATION_METRICS.unknownStage, 'Evaluations of a migration flag that served a value that is not a stage (run as off), by value.', [key, MIGRATION_LABELS.value], (s) => s.unknownStages());
    counter(MIGRATION_METRICS.flagNotFound, 'Evaluations of a migration flag key that no flag source defines (run as off).', [key], (s) => [s.flagNotFound]);
    registerMetric(registry, 'gauge', {
      name: MIGRATION_METRICS.stage,
      help: 'Stages a migration serves: 1 for each stage served since the previous scrape, 0 for the others it has served.',
      labelNames: [key, MIGRATION_LABELS.stage],
      collect(gauge) {
        for (const s of all) for (const [stage, value] of s.stageValues()) gauge.inc({ [key]: s.flagKey, [MIGRATION_LABELS.stage]: stage }, value);
      },
    });
    this.registerGuardGauges(registry);
  }

  /** Keeps a guard's latest state of a flag for the `cutover_guard_*` gauges. Never throws. */
  recordGuardState(flagKey: string, report: GuardStateReport): void {
    this.contained(() => this.guardStates.record(this.series(flagKey).flagKey, report));
  }

  /** Records a runner's events from now on, its series created at 0; returns the unsubscribe function. */
  attach(migration: MigrationSource): () => void {
    this.declare(migration.flagKey);
    return migration.subscribe(this.listener);
  }

  /** Creates a migration's series at 0 (calls, comparisons, rollbacks), so the first event is an increase Prometheus sees. */
  declare(flagKey: string): void {
    this.contained(() => this.series(flagKey));
  }

  /** Records one runner event. Never throws. */
  observe(event: MigrationEvent): void {
    try {
      if (event.type === 'path') {
        const path = this.path(event.flagKey, event.path);
        if (event.outcome === 'skipped') {
          // A run shed by the in-flight bound was routed to the path; other skips were not.
          if (event.skipReason === 'in-flight-limit') path.calls[REJECTED]!.value++;
          const reason = event.skipReason === undefined ? -1 : SKIP_REASONS.indexOf(event.skipReason);
          if (reason >= 0) path.skipped[reason]!.value++;
          return;
        }
        path.calls[event.outcome === 'ok' ? SUCCESS : event.outcome === 'error' ? ERROR : TIMEOUT]!.value++;
        if (event.authoritative) path.served.value++;
        path.observe(event.durationMs / 1000);
      } else if (event.type === 'comparison') {
        const index = event.outcome === 'match' ? (event.ignored ? IGNORED : MATCH) : event.outcome === 'mismatch' ? MISMATCH : COMPARATOR_ERROR;
        const series = this.series(event.flagKey);
        series.comparisons[index]!.value++;
        const { legacyStatus, candidateStatus } = event;
        // The pair's cell: 1 when legacy failed, plus 2 when the candidate did (PAIR_OUTCOME_ORDER).
        if (legacyStatus && candidateStatus) {
          series.pairs[(legacyStatus === 'ok' ? 0 : 1) + (candidateStatus === 'ok' ? 0 : 2)]!.value++;
          // A failed path's duration measures how fast it failed, not the work: only pairs that both succeeded are timed.
          if (legacyStatus === 'ok' && candidateStatus === 'ok') series.pairedLatencyRatios.observe(event.legacyMs, event.candidateMs);
        }
      } else if (event.type === 'stage') {
        const series = this.series(event.flagKey);
        series.served(event.stage);
        if (!event.known) series.unknownStage(event.raw).value++;
        else if (event.errorCode === ErrorCode.FLAG_NOT_FOUND) series.flagNotFound.value++;
      }
    } catch (error) {
      this.failed(error);
    }
  }

  /** Records one call reported from outside a runner (tracking events). Never throws. */
  recordCall(flagKey: string, path: Path, outcome: CallOutcome, seconds?: number): void {
    this.contained(() => {
      const series = this.path(flagKey, path);
      series.calls[CALL_OUTCOME_ORDER.indexOf(outcome)]!.value++;
      if (seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 && outcome !== 'rejected') series.observe(seconds);
    });
  }

  /**
   * Records one business outcome (a PR accepted, a build failed) of the work a
   * path did, under the application's event name. Never throws.
   */
  recordOutcome(flagKey: string, path: Path, event: string, result: OutcomeResult): void {
    this.contained(() => this.series(flagKey).outcomes.record(path, event, result));
  }

  /** Counts one rollback of a flag. Never throws. */
  recordRollback(flagKey: string, reason: RollbackReason, status: RollbackStatus): void {
    this.contained(() => this.series(flagKey).rollback(reason, status).value++);
  }

  /** A migration's counters now, since the process started; zeros for an unknown flag. */
  counts(flagKey: string): MigrationCounts {
    const series = this.byFlag.get(flagKey);
    return series ? countsOf(series, this.bounds) : emptyCounts();
  }

  private registerGuardGauges(registry: Registry): void {
    const key = MIGRATION_LABELS.key;
    const byCriterion = [key, MIGRATION_LABELS.criterion];
    const states = this.guardStates;
    const gauge = (kind: GuardGauge, name: string, help: string, labelNames: readonly string[]): void => {
      registerMetric(registry, 'gauge', { name, help, labelNames, collect: (metric) => states.collect(kind, metric) });
    };
    gauge('state', MIGRATION_METRICS.guardState, 'The guard state of a migration: 1 for the current one (healthy, degraded, holding), 0 for the others.', [key, MIGRATION_LABELS.guardState]);
    gauge('since', MIGRATION_METRICS.guardStateSince, 'Unix time in seconds since which the guard state of a migration is the current one.', [key]);
    gauge('observed', MIGRATION_METRICS.guardObserved, 'Observed value of each guard criterion at the last verdict.', byCriterion);
    gauge('eValue', MIGRATION_METRICS.guardEValue, 'E-value of each guard criterion at the last verdict; it rolls back at its boundary, 1 / significance (2 / significance where a check splits it between two tests).', byCriterion);
    gauge('applied', MIGRATION_METRICS.guardApplied, 'Whether each guard criterion applied at the stages served at the last verdict.', byCriterion);
  }

  /**
   * The call durations as Prometheus native histograms (schema 5, buckets
   * 2.2 % apart, cumulative since each series was created), in the protobuf
   * exposition format: serve it with `NATIVE_EXPOSITION_CONTENT_TYPE` on a
   * path of its own (e.g. `/metrics/native`) for a scrape job of Prometheus
   * started with `--enable-feature=native-histograms`. `registry.metrics()`
   * is unchanged.
   */
  nativeExposition(): Uint8Array {
    const series = this.all.flatMap((s) => [s.legacy, s.candidate]).map((path) => ({ labels: path.labels, durations: path.native }));
    return encodeNativeExposition({
      name: MIGRATION_METRICS.nativeDuration,
      help: 'Duration of a migration implementation call, in seconds, by path (native histogram).',
      clampedName: MIGRATION_METRICS.nativeDurationClamped,
      clampedHelp: 'Calls of a migration implementation longer than the native histogram\'s top bucket, counted in it, by path.',
      series,
      maxBuckets: this.config.nativeMaxBuckets,
    });
  }

  /** Metric updates that failed and were contained. */
  stats(): { readonly failures: number } {
    return { failures: this.failures.count('update') };
  }

  private path(flagKey: string, path: Path): PathSeries {
    const series = this.series(flagKey);
    return path === 'candidate' ? series.candidate : series.legacy;
  }

  private series(flagKey: string): MigrationSeries {
    const found = this.byFlag.get(flagKey);
    if (found) return found;
    if (this.all.length >= this.config.maxFlags) {
      if (!this.overflow) this.all.push((this.overflow = new MigrationSeries(OVERFLOW_LABEL_VALUE, this.bounds, this.config.maxOutcomeEvents)));
      return this.overflow;
    }
    const created = new MigrationSeries(flagKey, this.bounds, this.config.maxOutcomeEvents);
    this.byFlag.set(flagKey, created);
    this.all.push(created);
    return created;
  }

  private contained(update: () => void): void {
    try {
      update();
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    const { count, log } = this.failures.record('update');
    if (log !== 'quiet') {
      this.config.logger.error(`cutover: a migration metric update failed (${count} so far): ${(error as Error)?.message ?? String(error)}`);
    }
  }
}
