import { LogThrottle } from '@cutover/core';
import type { Logger } from '@cutover/core';
import type { MigrationStage } from '@cutover/flag-model';
import { InFlightLimiter } from './in-flight-limiter.js';
import type { Implementations } from './migration-init.js';
import type { Observation } from './observation.js';
import { observe } from './observation.js';
import type { Path } from './run-context.js';
import { AbortableRun } from './abortable-run.js';
import { checkPhase } from './check-phase.js';

/** What an {@link OffPathRunner} runs and how. */
export interface OffPathRunnerSetup<I, O> {
  readonly flagKey: string;
  readonly reads: Implementations<I, O>;
  readonly maxInFlight: number;
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/**
 * Runs the reads the caller does not wait for (the candidate in shadow, legacy
 * in live, legacy again for noise): read-only, under the candidate timeout,
 * and at most `maxInFlight` at a time, so a slow candidate cannot pile up
 * work behind the caller's back. A run's slot is freed when the runner stops
 * waiting for it, at its timeout at the latest: a run that ignores its abort
 * signal is counted as abandoned until it settles, and reported, but cannot
 * stop the comparisons.
 */
export class OffPathRunner<I, O> {
  private readonly limiter: InFlightLimiter;
  private abandoned = 0;
  private readonly everAbandoned = new LogThrottle<'abandoned'>();
  // One function for every run: a run that timed out and then settles ends its abandoned count.
  private readonly settledLate = (): void => {
    this.abandoned--;
  };

  constructor(private readonly setup: OffPathRunnerSetup<I, O>) {
    this.limiter = new InFlightLimiter(setup.maxInFlight);
  }

  /** Runs in flight now. */
  get inFlight(): number {
    return this.limiter.inFlight;
  }

  /** Runs that timed out and have not settled since. */
  get abandonedRuns(): number {
    return this.abandoned;
  }

  /**
   * Starts a read-only run of `path` when a slot is free; `undefined` when none
   * is. `onEnded` (created once by the caller, not per call) sees the observation
   * before the returned promise resolves.
   */
  start(path: Path, input: I, stage: MigrationStage, onEnded?: (observation: Observation<O>, stage: MigrationStage) => void): Promise<Observation<O>> | undefined {
    if (!this.limiter.tryAcquire()) return undefined;
    return this.run(path, input, stage, onEnded);
  }

  private async run(path: Path, input: I, stage: MigrationStage, onEnded: ((observation: Observation<O>, stage: MigrationStage) => void) | undefined): Promise<Observation<O>> {
    const run = new AbortableRun(stage, 'read', path, true);
    const { timeoutMs } = this.setup;
    let observation: Observation<O>;
    try {
      // The check phase keeps a synchronous implementation's work out of the caller's turn.
      await checkPhase();
      observation = await observe({ implementation: this.setup.reads[path], input, run, timeoutMs, controller: run, onSettled: this.settledLate });
    } finally {
      this.limiter.release();
    }
    if (observation.status === 'timeout') this.abandon(path);
    onEnded?.(observation, stage);
    return observation;
  }

  private abandon(path: Path): void {
    this.abandoned++;
    const { count, log } = this.everAbandoned.record('abandoned');
    if (log === 'quiet') return;
    const { flagKey, timeoutMs, logger } = this.setup;
    logger.warn(
      `migration "${flagKey}": a ${path} run has not settled ${timeoutMs} ms after it started; its in-flight slot was freed ` +
        `(${this.abandoned} such runs pending, ${count} so far; does the implementation honour its abort signal?)`,
    );
  }
}
