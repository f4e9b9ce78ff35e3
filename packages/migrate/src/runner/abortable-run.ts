import type { MigrationStage } from '@cutover/flag-model';
import type { Operation, Path, RunContext } from './run-context.js';

/**
 * The run context of a run the runner may stop waiting for (under a timeout).
 * Its abort signal is created on first read: most implementations never look
 * at it, and an `AbortController` per call is a measurable share of a shadow
 * call. Aborting before anyone looked makes the signal, when read later,
 * already aborted with the same reason.
 */
export class AbortableRun implements RunContext {
  private controller: AbortController | undefined;
  private aborted = false;
  private reason: unknown;

  constructor(
    readonly stage: MigrationStage,
    readonly operation: Operation,
    readonly path: Path,
    readonly readonly: boolean,
    readonly fencingToken?: number,
  ) {}

  /** Aborted when the runner stops waiting (timeout); created on first read. */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /** Aborts the signal, now if someone read it, on its first read otherwise. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}
