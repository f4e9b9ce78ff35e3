import { isMigrationStage, WRITE_PLAN } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import type { EvaluationContext } from '@openfeature/server-sdk';
import type { Logger } from '@cutover/core';
import { CONSOLE_LOGGER } from '../logger.js';
import { MigrationError } from '../migration-error.js';
import { authoritativeRun } from './authoritative-run.js';
import { CallbackContainment } from './callback-containment.js';
import { equalityComparator } from './equality-comparator.js';
import { EventPublisher } from './event-publisher.js';
import { Experiment } from './experiment.js';
import { ItemLeases } from './item-leases.js';
import type { MigrationConfig } from './migration-config.js';
import { resolveMigrationConfig } from './migration-config.js';
import type { MigrationListener } from './migration-events.js';
import type { Implementations, MigrationInit, StageClient } from './migration-init.js';
import type { MigrationStats } from './migration-stats.js';
import { NoiseFilter } from './noise-filter.js';
import { OffPathRunner } from './off-path-runner.js';
import { PlanSteps } from './plan-steps.js';
import { ReadOnlyMode } from './read-only-mode.js';
import { WriteSimulation } from './write-simulation.js';
import type { Operation } from './run-context.js';
import { ResultRecorder } from './result-recorder.js';
import { sameError } from './same-error.js';
import { StageProblems } from './stage-problems.js';
import { stagedRead } from './staged-read.js';
import { stagedWrite } from './staged-write.js';

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
  private readonly writes: Implementations<W, R> | undefined;
  private readonly leases: ItemLeases<I | W> | undefined;
  private readonly readOnly: ReadOnlyMode;
  private readonly simulation: WriteSimulation<W, R>;
  private readonly logger: Logger;
  private readonly containment: CallbackContainment;
  private readonly publisher: EventPublisher;
  private readonly offPath: OffPathRunner<I, O>;
  private readonly noise = new NoiseFilter();
  private readonly recorder: ResultRecorder;
  private readonly stageProblems: StageProblems;
  private readonly steps: PlanSteps<I, O>;

  constructor(init: MigrationInit<I, O, W, R>) {
    this.flagKey = init.flagKey;
    this.config = Object.freeze(resolveMigrationConfig({ options: init.options ?? {} }));
    this.client = init.client;
    this.writes = init.write;
    this.logger = init.logger ?? CONSOLE_LOGGER;
    this.readOnly = new ReadOnlyMode({ flagKey: init.flagKey, readOnly: this.config.readOnly, env: process.env, client: init.client, logger: this.logger });
    this.stageProblems = new StageProblems(init.flagKey, this.logger);
    this.containment = new CallbackContainment(this.logger, `migration "${init.flagKey}"`);
    this.publisher = new EventPublisher(this.containment);
    this.simulation = new WriteSimulation({ flagKey: init.flagKey, simulate: init.simulateWrite, containment: this.containment, logger: this.logger });
    for (const listener of init.listeners ?? []) this.publisher.subscribe(listener);
    const { maxInFlight, candidateTimeoutMs: timeoutMs, maxComparedBytes, maxStoredBytes, lockTtlMs, lockWaitMs } = this.config;
    this.offPath = new OffPathRunner({ flagKey: init.flagKey, reads: init.read, maxInFlight, timeoutMs, logger: this.logger });
    const { publisher, containment, logger, offPath } = this;
    this.recorder = new ResultRecorder({ flagKey: init.flagKey, publisher, store: init.store, maxStoredBytes, containment, logger });
    const experiment = new Experiment<I, O>({
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
    this.leases = init.lock ? new ItemLeases({ flagKey: init.flagKey, lock: init.lock, ttlMs: lockTtlMs, waitMs: lockWaitMs, logger }) : undefined;
    const { config, recorder } = this;
    this.steps = new PlanSteps({ flagKey: init.flagKey, config, reads: init.read, snapshot: init.snapshot, itemId: init.itemId, logger, containment, publisher, offPath, recorder, experiment });
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
    const { leases } = this;
    if (!leases) return stagedRead(this.steps, stage, input, readOnly, context, undefined);
    const lease = await leases.acquire(input);
    try {
      return await stagedRead(this.steps, stage, input, readOnly, context, lease);
    } finally {
      await leases.release(lease);
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
    const { leases } = this;
    const lease = leases ? await leases.acquire(input) : undefined;
    try {
      return await stagedWrite(this.steps, stage, input, writes, lease);
    } finally {
      if (lease) await leases!.release(lease);
    }
  }

  /** A snapshot of the counters. */
  stats(): MigrationStats {
    return {
      ...this.steps.counts,
      simulatedWrites: this.simulation.count,
      unknownStages: this.stageProblems.unknownStages,
      flagNotFound: this.stageProblems.flagNotFound,
      inFlightSkips: this.steps.inFlightSkipCount,
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

  /** Read-only mode: no write implementation runs; the caller gets the simulation's answer. */
  private simulated(stage: MigrationStage, input: W): R {
    const plan = WRITE_PLAN[stage];
    this.steps.emitSkip(plan.authoritative, stage, 'write', 'read-only');
    if (plan.other) this.steps.emitSkip(plan.other, stage, 'write', 'read-only');
    return this.simulation.answer(input, authoritativeRun(stage, 'write', plan.authoritative, undefined, true));
  }
}
