import type { UnreadableFile } from './definitions/known-flags.js';
import type { RollbackHookOutcome } from './hooks/rollback-hook.js';
import type { RollbackEntry } from './overlay/rollback-entry.js';
import type { RollbackReason } from './rollback-reasons.js';

/** Where the time of a rollback went, in milliseconds. */
export interface RollbackTimings {
  /** From the decision (`startedAt`, e.g. the guard's verdict) until this process served the rollback variant; `null` without a provider. */
  readonly localMs: number | null;
  /** Writing the overlay file (lock, read, atomic rename): from then on restarts and the fleet follow. */
  readonly durableMs: number | null;
  /** From the decision until the audit record of the outcome was written. */
  readonly totalMs: number;
}

/**
 * Why a rollback failed: nothing in scope can be rolled back (an unknown flag,
 * no migration flag, no usable `rollbackVariant`), the provider has no overlay
 * to write, or writing it failed.
 */
export type RollbackErrorCode = 'ROLLBACK_INVALID' | 'OVERLAY_UNAVAILABLE' | 'OVERLAY_WRITE_FAILED';

/** What a rollback did. */
export interface RollbackResult {
  /** `completed` when the overlay holds the rollback (and this process, if it has a provider, serves it); `failed` otherwise. */
  readonly status: 'completed' | 'failed';
  /** The scope in words: a flag key, `group:<name>` or `all`. */
  readonly scope: string;
  readonly reason: RollbackReason;
  /** The flags rolled back, each with the variant it now serves. */
  readonly flags: readonly { readonly flagKey: string; readonly variant: string }[];
  /** The overlay entries written, when the overlay was written. */
  readonly entries?: readonly RollbackEntry[];
  /** Flag files that could not be read; the rollback used the others. Absent when every file was read. */
  readonly unreadable?: readonly UnreadableFile[];
  /** How each rollback hook ended, `before` ones first; absent without hooks. */
  readonly hooks?: readonly RollbackHookOutcome[];
  /** Why it failed; the local overrides already applied stay in force. */
  readonly error?: string;
  readonly errorCode?: RollbackErrorCode;
  readonly timings: RollbackTimings;
}

/** What lifting rollbacks did. */
export interface ClearRollbackResult {
  /** `completed` when every rollback in scope is lifted (possibly none was in force); `failed` otherwise. */
  readonly status: 'completed' | 'failed';
  /** The scope in words. */
  readonly scope: string;
  /** The flags whose rollback was lifted, from the overlay or from this process's overrides. */
  readonly cleared: readonly string[];
  /** Flag files that could not be read (a group is then also matched on the overlay's copy). */
  readonly unreadable?: readonly UnreadableFile[];
  readonly error?: string;
}
