import type { GuardCriterion, GuardStatus } from '@cutover/guard';
import type { RolloutPlan } from '../plan/rollout-plan.js';

/**
 * Where a rollout stands:
 * - `awaiting-approval`: the step's gate is open, nothing written yet;
 * - `advancing`: the step's split is being written (its start time is already fixed);
 * - `monitoring`: the split is served, the guard watches the window;
 * - `ramping-down`: a graceful rollback is lowering the candidate's share;
 * - `completed`, `rolled-back`: finished.
 */
export type RolloutPhase = 'awaiting-approval' | 'advancing' | 'monitoring' | 'ramping-down' | 'completed' | 'rolled-back';

/** The numbers behind one decision of the controller. */
export interface RolloutDecision {
  readonly at: string;
  /** The guard's verdict, or `source-failed` when the counts could not be read. */
  readonly status: GuardStatus | 'source-failed';
  /** The verdict's one-line summary (or the source's error). */
  readonly summary: string;
  readonly windowSeconds: number;
  /** Each check in one line, with its numbers. */
  readonly checks: readonly string[];
}

/** One finished step, for the record. */
export interface RolloutStepRecord {
  readonly percent: number;
  readonly startedAt: string;
  readonly decidedAt: string;
  readonly status: GuardStatus;
  readonly summary: string;
}

/** A graceful rollback in progress. */
export interface RampDownState {
  /** The candidate's share when it began. */
  readonly fromPercent: number;
  /** Decrements already written. */
  readonly done: number;
  /** When the next decrement is due (ISO). */
  readonly nextAt: string;
  readonly reason: string;
  /** The criteria that failed, for the rollback's reason label. */
  readonly failed: readonly GuardCriterion[];
}

/** Everything a controller needs to resume: persisted after every transition. */
export interface RolloutState {
  readonly version: 1;
  readonly flagKey: string;
  /** Identifies one run of the plan; approvals and overlay entries carry it. */
  readonly runId: string;
  readonly plan: RolloutPlan;
  /** The canary's variant. */
  readonly target: string;
  /** The variant everyone else keeps (the flag's `defaultVariant` in git). */
  readonly baseline: string;
  readonly phase: RolloutPhase;
  /** The step being gated, written or watched (the last one once completed). */
  readonly stepIndex: number;
  /** When the current step's split took effect (ISO); fixed before it is written, so a resumed write is the same write. */
  readonly stepStartedAt?: string;
  /** When the current gate opened (ISO). */
  readonly gateOpenedAt?: string;
  /** Set when the window ended without enough data and the step is being extended (ISO). */
  readonly extendedSince?: string;
  readonly lastDecision?: RolloutDecision;
  readonly history: readonly RolloutStepRecord[];
  readonly rampDown?: RampDownState;
  /** Why it finished, for `completed` and `rolled-back`. */
  readonly outcome?: { readonly at: string; readonly summary: string };
  readonly startedAt: string;
  readonly updatedAt: string;
}

/** True for the phases a controller never leaves. */
export function isFinished(state: Pick<RolloutState, 'phase'>): boolean {
  return state.phase === 'completed' || state.phase === 'rolled-back';
}
