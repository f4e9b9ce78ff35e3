import type { RollbackReason } from '../migration/migration-series.js';

/** Where the time of a rollback went, in milliseconds. */
export interface RollbackTimings {
  /** From the decision (`startedAt`, e.g. the guard's verdict) until this process served the rollback variant. */
  readonly localMs: number;
  /** Writing the overlay file (lock, read, atomic rename): from then on restarts and the fleet follow. */
  readonly durableMs: number | null;
  /** From the decision until the audit record of the outcome was written. */
  readonly totalMs: number;
}

/** What a rollback did. */
export interface RollbackResult {
  /** `completed` when this process serves the rollback and the overlay holds it; `failed` otherwise. */
  readonly status: 'completed' | 'failed';
  /** The scope in words: a flag key, `group:<name>` or `all`. */
  readonly scope: string;
  readonly reason: RollbackReason;
  /** The flags rolled back in this process, each with the variant it now serves. */
  readonly flags: readonly { readonly flagKey: string; readonly variant: string }[];
  /** Why it failed; the local overrides already applied stay in force. */
  readonly error?: string;
  readonly timings: RollbackTimings;
}
