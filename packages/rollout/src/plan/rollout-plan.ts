import type { GuardCriterion, GuardOptions } from '@cutover/guard';

/** Risk levels, each a preset of start, windows and approval gates. */
export type RolloutRisk = 'low' | 'medium' | 'critical';

/** One step of a resolved plan. */
export interface RolloutStep {
  /** Share of targeting keys sent to the target stage, a whole number 0–100. */
  readonly percent: number;
  /** How long the guard watches the step before it may advance, in ms. */
  readonly windowMs: number;
  /** The step waits for `cutover rollout approve` before its split is written. */
  readonly approval: boolean;
}

/** How a degraded candidate is taken away when the plan asks for a graceful rollback. */
export interface GracefulRollbackPlan {
  /** The candidate's share goes to 0 over this long, in ms. */
  readonly durationMs: number;
  /** In this many equal decrements. */
  readonly steps: number;
  /** Failed criteria that still cut at once (an emergency). */
  readonly immediateOn: readonly GuardCriterion[];
}

/** A validated rollout plan, as the controller runs it and the state file keeps it. */
export interface RolloutPlan {
  /** Ascending percentages, each with its window and gate. */
  readonly steps: readonly RolloutStep[];
  /** The stage or variant the canary moves to; `undefined` = the split's canary, else the stage after the flag's current one. */
  readonly target: string | undefined;
  /** `undefined` = a degraded verdict rolls back at once. */
  readonly gracefulRollback: GracefulRollbackPlan | undefined;
  /** How often the guard's analysis runs inside a window, in ms. */
  readonly intervalMs: number;
  /** The preset the plan started from, if any. */
  readonly risk: RolloutRisk | undefined;
  /** The guard's limits for every step. */
  readonly guard: GuardOptions;
}
