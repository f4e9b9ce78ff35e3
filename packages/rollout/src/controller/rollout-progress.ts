import type { RolloutState } from '../state/rollout-state.js';

/** What the controller just did or found. */
export type RolloutProgressKind =
  | 'started'
  | 'resumed'
  | 'step'
  | 'tick'
  | 'extending'
  | 'awaiting-approval'
  | 'approved'
  | 'ramp-down'
  | 'rollback-failed'
  | 'completed'
  | 'rolled-back'
  | 'stopped'
  /** Something the operator should know that does not stop the rollout (a flag file skipped). */
  | 'warning';

/** One progress event, with the state after it. */
export interface RolloutProgress {
  readonly kind: RolloutProgressKind;
  readonly state: RolloutState;
  /** Time left in the step's window, when monitoring. */
  readonly remainingMs?: number;
  /** A sentence for people, when the state alone does not say it. */
  readonly message?: string;
}
