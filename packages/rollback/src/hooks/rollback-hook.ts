import type { RollbackReason } from '../rollback-reasons.js';

/** When a rollback hook runs: before this process serves the rollback, or once the rollback is through. */
export type RollbackHookPhase = 'before' | 'after';

/** What a rollback hook is told. */
export interface RollbackHookEvent {
  readonly phase: RollbackHookPhase;
  /** The scope in words: a flag key, `group:<name>` or `all`. */
  readonly scope: string;
  readonly reason: RollbackReason;
  /** Who rolled back: `guard`, `cli:<user>`, `dashboard`, `controller`. */
  readonly by: string;
  /** The flags rolled back, each with the variant it serves (or is about to). */
  readonly flags: readonly { readonly flagKey: string; readonly variant: string }[];
  /** After the rollback: whether it went through. */
  readonly status?: 'completed' | 'failed';
  /** Aborted when the hook's time is up: the rollback goes on without it. */
  readonly signal: AbortSignal;
}

/**
 * A callback around every rollback: `before` ones (restore a circuit
 * breaker's state from its backup) run before this process serves the
 * rollback, `after` ones (check that legacy is healthy) once it is through.
 * A hook that throws, rejects or outlasts its timeout is recorded as such and
 * never stops the rollback.
 */
export interface RollbackHook {
  /** Names the hook in the audit log and the logs. */
  readonly name: string;
  readonly run: (event: RollbackHookEvent) => void | Promise<void>;
  /** How long the rollback waits for it, in ms. @default 2000 */
  readonly timeoutMs?: number;
}

/** The hooks of a {@link Rollback}, run in order within each phase. */
export interface RollbackHooks {
  readonly before?: readonly RollbackHook[];
  readonly after?: readonly RollbackHook[];
}

/** How one hook ended, as the audit log and the result record it. */
export interface RollbackHookOutcome {
  readonly name: string;
  readonly phase: RollbackHookPhase;
  readonly status: 'ok' | 'failed' | 'timeout';
  readonly durationMs: number;
  /** Why it failed. */
  readonly error?: string;
}
