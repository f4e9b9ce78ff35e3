import { isMigrationStage, READ_PLAN, WRITE_PLAN } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import type { EvaluationContext } from '@openfeature/server-sdk';
import { LogThrottle } from '@cutover/core';
import type { Logger } from '@cutover/core';
import { CONSOLE_LOGGER } from '../logger.js';
import { ItemLockedError, MigrationError } from '../migration-error.js';
import { AbortableRun } from './abortable-run.js';
import { CallbackContainment } from './callback-containment.js';
import { equalityComparator } from './equality-comparator.js';
import { EventPublisher } from './event-publisher.js';
import { Experiment } from './experiment.js';
import { firstSuccessful } from './first-successful.js';
import { itemIdOf } from './item-id-of.js';
import type { LockLease } from './lock.js';
import type { MigrationConfig } from './migration-config.js';
import { resolveMigrationConfig } from './migration-config.js';
import type { MigrationListener, SkipReason } from './migration-events.js';
import type { Implementations, ItemLock, MigrationInit, StageClient } from './migration-init.js';
import type { MigrationStats } from './migration-stats.js';
import { NoiseFilter } from './noise-filter.js';
import type { Observation } from './observation.js';
import { observe } from './observation.js';
import { OffPathRunner } from './off-path-runner.js';
import { ReadOnlyMode } from './read-only-mode.js';
import { WriteSimulation } from './write-simulation.js';
import type { Implementation, Operation, Path, RunContext } from './run-context.js';
import { ResultRecorder } from './result-recorder.js';
import { sameError } from './same-error.js';
import { StageProblems } from './stage-problems.js';

// Authoritative runs are never aborted by the runner; one shared signal avoids a controller per call.
const NEVER_ABORTED = new AbortController().signal;

/**
 * A migration of one code path from a legacy to a candidate implementation,
 * driven by the stage its flag serves for each call (see the stage table).
 */
export class Migration<I, O, W = never, R = void> {
  /** The migration flag. */
  readonly flagKey: string;
  /** The resolved options. */
  readonly config: Readonly<MigrationConfig>;
  private readonly client: StageClient;
  private readonly reads: Implementations<I, O>;
  private readonly writes: Implementations<W, R> | undefined;
  private readonly lock: ItemLock<I | W> | undefined;
  private readonly snapshot: ((value: O) => O) | undefined;
  private readonly itemId: MigrationInit<I, O, W, R>['itemId'];
  private readonly readOnly: ReadOnlyMode;
  private readonly simulation: WriteSimulation<W, R>;
  private readonly logger: Logger;
  private readonly containment: CallbackContainment;
  private readonly publisher: EventPublisher;
  private readonly offPath: OffPathRunner<I, O>;
  private readonly noise = new NoiseFilter();
  private readonly experiment: Experiment<I, O>;
  private readonly recorder: ResultRecorder;
  private readonly stageProblems: StageProblems;
  private counts = { fallbacks: 0, secondaryWriteFailures: 0, lockUnavailable: 0 };
  private readonly inFlightSkips = new LogThrottle<'skip'>();
  // Created once: the path event of each sampled off-path read, without a closure per call.
  private readonly offPathEnded = (observation: Observation<O>, stage: MigrationStage): void => this.emitPath(observation, stage, 'read', false);

  constructor(init: MigrationInit<I, O, W, R>) {
    this.flagKey = init.flagKey;
    this.config = Object.freeze(resolveMigrationConfig({ options: init.options ?? {} }));
    this.client = init.client;
    this.reads = init.read;
    this.writes = init.write;
    this.lock = init.lock;
    this.snapshot = init.snapshot;
    this.itemId = init.itemId;
    this.logger = init.logger ?? CONSOLE_LOGGER;
    this.readOnly = new ReadOnlyMode({ flagKey: init.flagKey, readOnly: this.config.readOnly, env: process.env, client: init.client, logger: this.logger });
    this.stageProblems = new StageProblems(init.flagKey, this.logger);
    this.containment = new CallbackContainment(this.logger, `migration "${init.flagKey}"`);
    this.publisher = new EventPublisher(this.containment);
    this.simulation = new WriteSimulation({ flagKey: init.flagKey, simulate: init.simulateWrite, containment: this.containment, logger: this.logger });
    for (const listener of init.listeners ?? []) this.publisher.subscribe(listener);
    const { maxInFlight, candidateTimeoutMs: timeoutMs, maxComparedBytes, maxStoredBytes } = this.config;
    this.offPath = new OffPathRunner({ flagKey: init.flagKey, reads: init.read, maxInFlight, timeoutMs, logger: this.logger });
    const { publisher, containment, logger } = this;
    this.recorder = new ResultRecorder({ flagKey: init.flagKey, publisher, store: init.store, maxStoredBytes, containment, logger });
    this.experiment = new Experiment<I, O>({
      flagKey: init.flagKey,
      compare: init.compare ?? equalityComparator,
      compareErrors: init.compareErrors ?? sameError,
      ignore: init.ignore ?? [],
      clean: init.clean ?? ((value) => value),
      redact: init.redact ?? ((input) => input),
      maxComparedBytes,
      keepMatchValues: this.config.keepMatchValues,
      containment: this.containment,
      noise: this.noise,
    });
  }

  /** Adds an event listener; returns a function that removes it. */
  subscribe(listener: MigrationListener): () => void {
    return this.publisher.subscribe(listener);
  }

  /**
   * Reads through the path(s) the stage calls for and returns the authoritative
   * outcome: legacy's in off/dualwrite/shadow, the candidate's in live/rampdown/complete.
   * `context` is the caller's OpenFeature evaluation context (its targeting key splits a canary).
   */
  async read(input: I, context?: EvaluationContext): Promise<O> {
    const switched = this.readOnly.of(context);
    const stage = await this.evaluate(context, 'read');
    const readOnly = typeof switched === 'boolean' ? switched : await switched;
    if (!this.lock) return this.readAt(stage, input, readOnly, context);
    const lease = await this.acquire(input);
    try {
      return await this.readAt(stage, input, readOnly, context, lease);
    } finally {
      await this.release(lease);
    }
  }

  /**
   * Writes through the path(s) the stage calls for: both from dualwrite to rampdown,
   * the authoritative one first; when it fails the other is skipped. Resolves when
   * both are done, with the authoritative outcome.
   */
  async write(input: W, context?: EvaluationContext): Promise<R> {
    const writes = this.writes;
    if (!writes) throw new MigrationError('NOT_CONFIGURED', `migration "${this.flagKey}" has no write implementations`);
    const switched = this.readOnly.of(context);
    const stage = await this.evaluate(context, 'write');
    if (typeof switched === 'boolean' ? switched : await switched) return this.simulated(stage, input);
    const lease = this.lock ? await this.acquire(input) : undefined;
    try {
      return await this.writeAt(stage, input, writes, lease);
    } finally {
      if (lease) await this.release(lease);
    }
  }

  /** A snapshot of the counters. */
  stats(): MigrationStats {
    return {
      ...this.counts,
      simulatedWrites: this.simulation.count,
      unknownStages: this.stageProblems.unknownStages,
      flagNotFound: this.stageProblems.flagNotFound,
      inFlightSkips: this.inFlightSkips.count('skip'),
      overBudgetComparisons: this.recorder.overBudgetComparisons,
      inFlight: this.offPath.inFlight,
      abandonedRuns: this.offPath.abandonedRuns,
      droppedComparisons: this.recorder.droppedComparisons(),
      callbackFailures: this.containment.snapshot(),
      noisyPaths: this.noise.noisyPaths(),
    };
  }

  private async evaluate(context: EvaluationContext | undefined, operation: Operation): Promise<MigrationStage> {
    const details = await this.client.getStringDetails(this.flagKey, 'off', context);
    const raw = details.value;
    const known = isMigrationStage(raw);
    const stage: MigrationStage = known ? raw : 'off';
    if (!known || details.errorCode !== undefined) this.stageProblems.record(details, known);
    if (this.publisher.active) {
      this.publisher.emit({ type: 'stage', flagKey: this.flagKey, operation, stage, raw, known, reason: details.reason, errorCode: details.errorCode });
    }
    return stage;
  }

  private readAt(stage: MigrationStage, input: I, readOnly: boolean, context: EvaluationContext | undefined, lease?: LockLease): O | Promise<O> {
    const plan = READ_PLAN[stage];
    const fencingToken = lease?.fencingToken;
    if (plan.other === undefined || this.notExclusive(lease, plan.other, stage, 'read')) {
      if (plan.authoritative === 'candidate' && this.config.fallbackToLegacy) return this.candidateRead(input, stage, readOnly, fencingToken);
      return this.runAlone(plan.authoritative, this.reads[plan.authoritative], input, stage, 'read', fencingToken, readOnly);
    }
    if (this.config.readPreference === 'fastest') return this.fastestRead(plan.authoritative, plan.other, input, stage, readOnly, context, fencingToken);
    return plan.authoritative === 'legacy' ? this.shadowRead(input, stage, readOnly, context, fencingToken) : this.liveRead(input, stage, readOnly, context, fencingToken);
  }

  /** True, counted and the other path's skip emitted, when the lease could not be made exclusive. */
  private notExclusive(lease: LockLease | undefined, other: Path, stage: MigrationStage, operation: Operation): boolean {
    if (lease?.exclusive !== false) return false;
    this.counts.lockUnavailable++;
    this.emitSkip(other, stage, operation, 'lock-unavailable');
    return true;
  }

  private async shadowRead(input: I, stage: MigrationStage, readOnly: boolean, context: EvaluationContext | undefined, fencingToken: number | undefined): Promise<O> {
    const candidate = this.startOffPath('candidate', input, stage);
    const legacy = await observe({ implementation: this.reads.legacy, input, run: authoritative(stage, 'read', 'legacy', fencingToken, readOnly) });
    this.emitPath(legacy, stage, 'read', true);
    if (candidate) this.compareLater(stage, input, context, this.snapshotOf(legacy), candidate);
    return unwrap(legacy);
  }

  private async liveRead(input: I, stage: MigrationStage, readOnly: boolean, context: EvaluationContext | undefined, fencingToken: number | undefined): Promise<O> {
    const legacy = this.startOffPath('legacy', input, stage);
    const candidate = await this.observeAuthoritative('candidate', input, stage, readOnly, fencingToken);
    this.emitPath(candidate, stage, 'read', true);
    if (candidate.status === 'ok' || !this.config.fallbackToLegacy) {
      if (legacy) this.compareLater(stage, input, context, legacy, this.snapshotOf(candidate));
      return unwrap(candidate);
    }
    this.counts.fallbacks++;
    if (this.publisher.active) this.publisher.emit({ type: 'fallback', flagKey: this.flagKey, stage, operation: 'read', cause: candidate.status });
    if (legacy) {
      this.compareLater(stage, input, context, legacy, candidate);
      // The off-path legacy run answers unless it was cut short: it ran under the
      // candidate's timeout, which must not apply to the caller's fallback.
      const offPath = await legacy;
      if (offPath.status !== 'timeout') return unwrap(offPath);
    }
    const fallback = await observe({ implementation: this.reads.legacy, input, run: authoritative(stage, 'read', 'legacy', fencingToken, readOnly) });
    this.emitPath(fallback, stage, 'read', true);
    return unwrap(fallback);
  }

  /**
   * Races the stage's authoritative read against the other one and answers with
   * the first success; both are compared once the slower one arrives, each with
   * its own duration. Without the other run (unsampled, in-flight limit) the
   * authoritative path answers alone.
   */
  private async fastestRead(preferredPath: Path, otherPath: Path, input: I, stage: MigrationStage, readOnly: boolean, context: EvaluationContext | undefined, fencingToken: number | undefined): Promise<O> {
    const other = this.startOffPath(otherPath, input, stage);
    const preferred = this.observeAuthoritative(preferredPath, input, stage, readOnly, fencingToken).then((observation) => {
      this.emitPath(observation, stage, 'read', true);
      return observation;
    });
    if (!other) return unwrap(await preferred);
    const first = await firstSuccessful(preferred, other);
    // The answer is compared as the caller received it, the other as it arrives.
    const answered = this.snapshotOf(first);
    const legacy = first.path === 'legacy' ? answered : preferredPath === 'legacy' ? preferred : other;
    const candidate = first.path === 'candidate' ? answered : preferredPath === 'candidate' ? preferred : other;
    this.compareLater(stage, input, context, legacy, candidate);
    return unwrap(first);
  }

  /** The read the caller gets: the candidate under its timeout, legacy without one. */
  private observeAuthoritative(path: Path, input: I, stage: MigrationStage, readOnly: boolean, fencingToken: number | undefined): Promise<Observation<O>> {
    if (path === 'legacy') return observe({ implementation: this.reads.legacy, input, run: authoritative(stage, 'read', path, fencingToken, readOnly) });
    const run = new AbortableRun(stage, 'read', path, readOnly, fencingToken);
    return observe({ implementation: this.reads.candidate, input, run, timeoutMs: this.config.candidateTimeoutMs, controller: run });
  }

  /** Read-only mode: no write implementation runs; the caller gets the simulation's answer. */
  private simulated(stage: MigrationStage, input: W): R {
    const plan = WRITE_PLAN[stage];
    this.emitSkip(plan.authoritative, stage, 'write', 'read-only');
    if (plan.other) this.emitSkip(plan.other, stage, 'write', 'read-only');
    return this.simulation.answer(input, authoritative(stage, 'write', plan.authoritative, undefined, true));
  }

  /**
   * The candidate alone (`rampdown`, `complete`), with legacy answering a call
   * the candidate fails: until the guard rolls a failing full cutover back,
   * its failures cost callers legacy's latency rather than an error.
   */
  private async candidateRead(input: I, stage: MigrationStage, readOnly: boolean, fencingToken: number | undefined): Promise<O> {
    const candidate = await this.observeAuthoritative('candidate', input, stage, readOnly, fencingToken);
    this.emitPath(candidate, stage, 'read', true);
    if (candidate.status === 'ok') return candidate.value;
    this.counts.fallbacks++;
    if (this.publisher.active) this.publisher.emit({ type: 'fallback', flagKey: this.flagKey, stage, operation: 'read', cause: candidate.status });
    const fallback = await observe({ implementation: this.reads.legacy, input, run: authoritative(stage, 'read', 'legacy', fencingToken, readOnly) });
    this.emitPath(fallback, stage, 'read', true);
    return unwrap(fallback);
  }

  private async writeAt(stage: MigrationStage, input: W, writes: Implementations<W, R>, lease: LockLease | undefined): Promise<R> {
    const plan = WRITE_PLAN[stage];
    const fencingToken = lease?.fencingToken;
    if (plan.other === undefined || this.notExclusive(lease, plan.other, stage, 'write')) {
      return this.runAlone(plan.authoritative, writes[plan.authoritative], input, stage, 'write', fencingToken, false);
    }
    const first = await observe({ implementation: writes[plan.authoritative], input, run: authoritative(stage, 'write', plan.authoritative, fencingToken, false) });
    this.emitPath(first, stage, 'write', true);
    if (first.status !== 'ok') {
      this.emitSkip(plan.other, stage, 'write', 'authoritative-failed');
      return unwrap(first);
    }
    const run = new AbortableRun(stage, 'write', plan.other, false, fencingToken);
    const second = await observe({ implementation: writes[plan.other], input, run, timeoutMs: this.config.candidateTimeoutMs, controller: run });
    this.emitPath(second, stage, 'write', false);
    if (second.status !== 'ok') this.counts.secondaryWriteFailures++;
    return unwrap(first);
  }

  /** One path only: the overhead is the flag evaluation, plus timing when someone listens. */
  private runAlone<X, Y>(path: Path, implementation: Implementation<X, Y>, input: X, stage: MigrationStage, operation: Operation, fencingToken: number | undefined, readOnly: boolean): Y | Promise<Y> {
    const run = authoritative(stage, operation, path, fencingToken, readOnly);
    if (!this.publisher.active) return implementation(input, run);
    return observe({ implementation, input, run }).then((observation) => {
      this.emitPath(observation, stage, operation, true);
      return unwrap(observation);
    });
  }

  /** Starts the non-authoritative read when sampled and a slot is free; its path event is emitted when it ends. */
  private startOffPath(path: Path, input: I, stage: MigrationStage): Promise<Observation<O>> | undefined {
    const { sampleRatio } = this.config;
    if (sampleRatio < 1 && Math.random() >= sampleRatio) {
      this.emitSkip(path, stage, 'read', 'unsampled');
      return undefined;
    }
    const started = this.offPath.start(path, input, stage, this.offPathEnded);
    if (!started) this.inFlightSkip(path, stage);
    return started;
  }

  private inFlightSkip(path: Path, stage: MigrationStage): void {
    const { count: skips, log } = this.inFlightSkips.record('skip');
    this.emitSkip(path, stage, 'read', 'in-flight-limit');
    // Comparisons stop while every slot is taken: say so, not only in the counters.
    if (log === 'quiet') return;
    this.logger.warn(`migration "${this.flagKey}": ${this.config.maxInFlight} runs in flight (maxInFlight); the ${path} run was skipped and not compared (${skips} so far)`);
  }

  /** Concludes the call off the caller's path; every compared call is published and stored, or counted as dropped. */
  private compareLater(stage: MigrationStage, input: I, context: EvaluationContext | undefined, legacy: Observation<O> | Promise<Observation<O>>, candidate: Observation<O> | Promise<Observation<O>>): void {
    const { noiseRatio } = this.config;
    const secondLegacy = noiseRatio > 0 && Math.random() < noiseRatio ? this.offPath.start('legacy', input, stage) : undefined;
    const itemId = itemIdOf({ input, context, itemId: this.itemId, containment: this.containment });
    void this.recorder.record(this.experiment.conclude({ stage, input, itemId, legacy, candidate, secondLegacy }));
  }

  private snapshotOf(observation: Observation<O>): Observation<O> {
    const { snapshot } = this;
    if (!snapshot || observation.status !== 'ok') return observation;
    const value = this.containment.run('snapshot', () => snapshot(observation.value), observation.value);
    return Object.freeze({ ...observation, value });
  }

  private async acquire(input: I | W): Promise<LockLease> {
    const { lock, key } = this.lock as ItemLock<I | W>;
    const item = `${this.flagKey}:${key(input)}`;
    const lease = await lock.acquire(item, { ttlMs: this.config.lockTtlMs, waitMs: this.config.lockWaitMs });
    if (!lease) throw new ItemLockedError(item);
    return lease;
  }

  private async release(lease: LockLease): Promise<void> {
    // The caller's outcome is already decided; a failed release only delays the next holder until the TTL.
    try {
      await lease.release();
    } catch (error) {
      this.logger.error(`migration "${this.flagKey}": releasing lock "${lease.key}" failed`, error);
    }
  }

  private emitPath(observation: Observation<unknown>, stage: MigrationStage, operation: Operation, isAuthoritative: boolean): void {
    if (!this.publisher.active) return;
    const { path, status: outcome, durationMs } = observation;
    this.publisher.emit({ type: 'path', flagKey: this.flagKey, operation, stage, path, authoritative: isAuthoritative, outcome, durationMs });
  }

  private emitSkip(path: Path, stage: MigrationStage, operation: Operation, skipReason: SkipReason): void {
    if (!this.publisher.active) return;
    this.publisher.emit({ type: 'path', flagKey: this.flagKey, operation, stage, path, authoritative: false, outcome: 'skipped', durationMs: 0, skipReason });
  }
}

function authoritative(stage: MigrationStage, operation: Operation, path: Path, fencingToken: number | undefined, readOnly: boolean): RunContext {
  return { stage, operation, path, readonly: readOnly, signal: NEVER_ABORTED, fencingToken };
}

function unwrap<T>(observation: Observation<T>): T {
  if (observation.status === 'ok') return observation.value;
  throw observation.error;
}
