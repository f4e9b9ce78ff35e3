import { LogThrottle } from '@cutover/core';
import type { Logger } from '@cutover/core';
import type { MigrationStage } from '@cutover/flag-model';
import type { EvaluationContext } from '@openfeature/server-sdk';
import { AbortableRun } from './abortable-run.js';
import { authoritativeRun } from './authoritative-run.js';
import type { CallbackContainment } from './callback-containment.js';
import type { EventPublisher } from './event-publisher.js';
import type { Experiment } from './experiment.js';
import { itemIdOf } from './item-id-of.js';
import type { LockLease } from './lock.js';
import type { MigrationConfig } from './migration-config.js';
import type { SkipReason } from './migration-events.js';
import type { Implementations, MigrationInit } from './migration-init.js';
import type { Observation } from './observation.js';
import { observe } from './observation.js';
import type { OffPathRunner } from './off-path-runner.js';
import type { ResultRecorder } from './result-recorder.js';
import type { Implementation, Operation, Path } from './run-context.js';
import { unwrap } from './unwrap.js';

/** What the {@link PlanSteps} of a migration work with, made once by the migration. */
export interface PlanStepsSetup<I, O> {
  readonly flagKey: string;
  readonly config: Readonly<MigrationConfig>;
  readonly reads: Implementations<I, O>;
  readonly snapshot: ((value: O) => O) | undefined;
  readonly itemId: MigrationInit<I, O>['itemId'];
  readonly logger: Logger;
  readonly containment: CallbackContainment;
  readonly publisher: EventPublisher;
  readonly offPath: OffPathRunner<I, O>;
  readonly recorder: ResultRecorder;
  readonly experiment: Experiment<I, O>;
}

/** The counters the plans keep; the migration's stats report them. */
export interface PlanCounts {
  fallbacks: number;
  secondaryWriteFailures: number;
  lockUnavailable: number;
}

/**
 * The steps every read and write plan of one migration is made of: the runs
 * the caller waits for, the sampled and bounded off-path reads, the
 * comparison concluded off the caller's path, and the path, skip and
 * fallback events they emit. Made once per migration, so a call allocates no
 * closure for them.
 */
export class PlanSteps<I, O> {
  /** The migration's resolved options. */
  readonly config: Readonly<MigrationConfig>;
  /** The migration's read implementations. */
  readonly reads: Implementations<I, O>;
  /** What the plans counted so far. */
  readonly counts: PlanCounts = { fallbacks: 0, secondaryWriteFailures: 0, lockUnavailable: 0 };
  private readonly flagKey: string;
  private readonly publisher: EventPublisher;
  private readonly offPath: OffPathRunner<I, O>;
  private readonly inFlightSkips = new LogThrottle<'skip'>();
  private readonly snapshot: ((value: O) => O) | undefined;
  private readonly itemId: MigrationInit<I, O>['itemId'];
  private readonly logger: Logger;
  private readonly containment: CallbackContainment;
  private readonly recorder: ResultRecorder;
  private readonly experiment: Experiment<I, O>;
  // Created once: the path event of each sampled off-path read, without a closure per call.
  private readonly offPathEnded = (observation: Observation<O>, stage: MigrationStage): void => this.emitPath(observation, stage, 'read', false);

  constructor(setup: PlanStepsSetup<I, O>) {
    this.flagKey = setup.flagKey;
    this.config = setup.config;
    this.reads = setup.reads;
    this.publisher = setup.publisher;
    this.offPath = setup.offPath;
    this.snapshot = setup.snapshot;
    this.itemId = setup.itemId;
    this.logger = setup.logger;
    this.containment = setup.containment;
    this.recorder = setup.recorder;
    this.experiment = setup.experiment;
  }

  /** Calls whose off-path read was skipped because `maxInFlight` runs were in flight. */
  get inFlightSkipCount(): number {
    return this.inFlightSkips.count('skip');
  }

  /** True, counted and the other path's skip emitted, when the lease could not be made exclusive. */
  notExclusive(lease: LockLease | undefined, other: Path, stage: MigrationStage, operation: Operation): boolean {
    if (lease?.exclusive !== false) return false;
    this.counts.lockUnavailable++;
    this.emitSkip(other, stage, operation, 'lock-unavailable');
    return true;
  }

  /** The read the caller gets: the candidate under its timeout, legacy without one. */
  observeAuthoritative(path: Path, input: I, stage: MigrationStage, readOnly: boolean, fencingToken: number | undefined): Promise<Observation<O>> {
    if (path === 'legacy') return observe({ implementation: this.reads.legacy, input, run: authoritativeRun(stage, 'read', path, fencingToken, readOnly) });
    const run = new AbortableRun(stage, 'read', path, readOnly, fencingToken);
    return observe({ implementation: this.reads.candidate, input, run, timeoutMs: this.config.candidateTimeoutMs, controller: run });
  }

  /** One path only: the overhead is the flag evaluation, plus timing when someone listens. */
  runAlone<X, Y>(path: Path, implementation: Implementation<X, Y>, input: X, stage: MigrationStage, operation: Operation, fencingToken: number | undefined, readOnly: boolean): Y | Promise<Y> {
    const run = authoritativeRun(stage, operation, path, fencingToken, readOnly);
    if (!this.publisher.active) return implementation(input, run);
    return observe({ implementation, input, run }).then((observation) => {
      this.emitPath(observation, stage, operation, true);
      return unwrap(observation);
    });
  }

  /** Starts the non-authoritative read when sampled and a slot is free; its path event is emitted when it ends. */
  startOffPath(path: Path, input: I, stage: MigrationStage): Promise<Observation<O>> | undefined {
    const { sampleRatio } = this.config;
    if (sampleRatio < 1 && Math.random() >= sampleRatio) {
      this.emitSkip(path, stage, 'read', 'unsampled');
      return undefined;
    }
    const started = this.offPath.start(path, input, stage, this.offPathEnded);
    if (!started) this.inFlightSkip(path, stage);
    return started;
  }

  /** Concludes the call off the caller's path; every compared call is published and stored, or counted as dropped. */
  compareLater(stage: MigrationStage, input: I, context: EvaluationContext | undefined, legacy: Observation<O> | Promise<Observation<O>>, candidate: Observation<O> | Promise<Observation<O>>): void {
    const { noiseRatio } = this.config;
    const secondLegacy = noiseRatio > 0 && Math.random() < noiseRatio ? this.offPath.start('legacy', input, stage) : undefined;
    const itemId = itemIdOf({ input, context, itemId: this.itemId, containment: this.containment });
    void this.recorder.record(this.experiment.conclude({ stage, input, itemId, legacy, candidate, secondLegacy }));
  }

  /** The observation as the caller receives it, copied by the migration's `snapshot` (contained) when it has one. */
  snapshotOf(observation: Observation<O>): Observation<O> {
    const { snapshot } = this;
    if (!snapshot || observation.status !== 'ok') return observation;
    const value = this.containment.run('snapshot', () => snapshot(observation.value), observation.value);
    return Object.freeze({ ...observation, value });
  }

  /** Counts a read the candidate failed, which legacy answers, and emits its fallback event. */
  fallback(stage: MigrationStage, cause: 'error' | 'timeout'): void {
    this.counts.fallbacks++;
    if (this.publisher.active) this.publisher.emit({ type: 'fallback', flagKey: this.flagKey, stage, operation: 'read', cause });
  }

  /** Emits the path event of one observed run, when someone listens. */
  emitPath(observation: Observation<unknown>, stage: MigrationStage, operation: Operation, isAuthoritative: boolean): void {
    if (!this.publisher.active) return;
    const { path, status: outcome, durationMs } = observation;
    this.publisher.emit({ type: 'path', flagKey: this.flagKey, operation, stage, path, authoritative: isAuthoritative, outcome, durationMs });
  }

  /** Emits the skip of a path the stage calls for, when someone listens. */
  emitSkip(path: Path, stage: MigrationStage, operation: Operation, skipReason: SkipReason): void {
    if (!this.publisher.active) return;
    this.publisher.emit({ type: 'path', flagKey: this.flagKey, operation, stage, path, authoritative: false, outcome: 'skipped', durationMs: 0, skipReason });
  }

  private inFlightSkip(path: Path, stage: MigrationStage): void {
    const { count: skips, log } = this.inFlightSkips.record('skip');
    this.emitSkip(path, stage, 'read', 'in-flight-limit');
    // Comparisons stop while every slot is taken: say so, not only in the counters.
    if (log === 'quiet') return;
    this.logger.warn(`migration "${this.flagKey}": ${this.config.maxInFlight} runs in flight (maxInFlight); the ${path} run was skipped and not compared (${skips} so far)`);
  }
}
