import type { MigrationStage } from '@cutover/flag-model';

/** Which implementation an observation or event is about. */
export type Path = 'legacy' | 'candidate';

/** Which kind of call the runner is making. */
export type Operation = 'read' | 'write';

/** What the runner tells an implementation about the run it is part of. */
export interface RunContext {
  /** The stage the flag served for this call. */
  readonly stage: MigrationStage;
  readonly operation: Operation;
  readonly path: Path;
  /**
   * True when this run is not the one the caller gets, and for every run of
   * a migration in read-only mode: it must not perform external side effects.
   */
  readonly readonly: boolean;
  /** Aborted when the runner stops waiting (timeout); cooperative implementations stop early. */
  readonly signal: AbortSignal;
  /**
   * The item lock's fencing token, when the migration holds an item lock whose
   * leases carry one: pass it with the writes to a store that checks it.
   */
  readonly fencingToken?: number;
}

/** A legacy or candidate implementation of one operation. */
export type Implementation<I, O> = (input: I, run: RunContext) => O | Promise<O>;
