import type { Logger } from '@cutover/core';
import type { CallbackContainment } from './callback-containment.js';
import type { RunContext } from './run-context.js';

/** What a {@link WriteSimulation} answers with, and where it reports. */
export interface WriteSimulationSetup<W, R> {
  readonly flagKey: string;
  /** The migration's `simulateWrite`, when it has one. */
  readonly simulate: ((input: W, run: RunContext) => R) | undefined;
  readonly containment: CallbackContainment;
  readonly logger: Logger;
}

/**
 * The answer to a write in read-only mode, where no write implementation runs:
 * the migration's simulation (contained), or `undefined`, the value of a
 * `void` write. Counts the simulated writes and says once that writes are simulated.
 */
export class WriteSimulation<W, R> {
  private simulated = 0;

  constructor(private readonly setup: WriteSimulationSetup<W, R>) {}

  /** Writes simulated so far. */
  get count(): number {
    return this.simulated;
  }

  /** What the caller of a simulated write gets. */
  answer(input: W, run: RunContext): R {
    if (this.simulated++ === 0) this.setup.logger.info(`migration "${this.setup.flagKey}": read-only mode, writes are simulated (counted in stats().simulatedWrites)`);
    const { simulate, containment } = this.setup;
    if (!simulate) return undefined as R;
    return containment.run('simulateWrite', () => simulate(input, run), undefined as R);
  }
}
