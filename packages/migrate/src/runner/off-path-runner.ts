import { logThrottle } from '../log-throttle.js';
import type { Logger } from '../logger.js';
import type { MigrationStage } from '@cutover/flag-model';
import { InFlightLimiter } from './in-flight-limiter.js';
import type { Implementations } from './migration-init.js';
import type { Observation } from './observation.js';
import { observe } from './observation.js';
import type { Path, RunContext } from './run-context.js';

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
  private everAbandoned = 0;

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

  /** Starts a read-only run of `path` when a slot is free; `undefined` when none is. */
  start(path: Path, input: I, stage: MigrationStage): Promise<Observation<O>> | undefined {
    if (!this.limiter.tryAcquire()) return undefined;
    const controller = new AbortController();
    const run: RunContext = { stage, operation: 'read', path, readonly: true, signal: controller.signal };
    const { timeoutMs } = this.setup;
    const state = { settled: false, abandoned: false };
    const onSettled = (): void => {
      state.settled = true;
      if (state.abandoned) this.abandoned--;
    };
    // setImmediate keeps a synchronous implementation's work out of the caller's turn.
    const observed = new Promise<Observation<O>>((resolve) => {
      setImmediate(() => resolve(observe({ implementation: this.setup.reads[path], input, run, timeoutMs, controller, onSettled })));
    });
    return observed.then((observation) => {
      this.limiter.release();
      if (observation.status === 'timeout' && !state.settled) {
        state.abandoned = true;
        this.abandon(path);
      }
      return observation;
    });
  }

  private abandon(path: Path): void {
    this.abandoned++;
    const count = ++this.everAbandoned;
    if (logThrottle(count) === 'skip') return;
    const { flagKey, timeoutMs, logger } = this.setup;
    logger.warn(
      `migration "${flagKey}": a ${path} run has not settled ${timeoutMs} ms after it started; its in-flight slot was freed ` +
        `(${this.abandoned} such runs pending, ${count} so far; does the implementation honour its abort signal?)`,
    );
  }
}
