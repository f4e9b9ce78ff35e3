import type { GuardCriterion, GuardOptions } from '@cutover/guard';
import type { RolloutRisk } from './rollout-plan.js';

/** One step as written in a plan: a percentage, or a percentage with its own window or gate. */
export type RolloutStepOption = number | { readonly percent: number; readonly window?: string; readonly approval?: boolean };

/** Graceful rollback as written in a plan. */
export interface GracefulRollbackOption {
  /** Over how long the candidate's share goes down to 0, with units (`5m`). */
  readonly duration: string;
  /** In how many decrements. @default 5 */
  readonly steps?: number;
  /** Failed criteria that still cut at once. @default ['error-rate', 'error-rate-increase'] (errors are an emergency; latency can ramp down) */
  readonly immediateOn?: readonly GuardCriterion[];
}

/**
 * A rollout plan as written in `rollouts/<flag>.json`, on the command line or
 * in code. Defaults, then the `risk` preset, then these options (an explicit
 * option wins over its preset).
 */
export interface RolloutPlanConfig {
  /** A risk preset (`low`, `medium`, `critical`): steps, windows, approval gates and guard limits. @default undefined */
  readonly risk: RolloutRisk | undefined;
  /** Ascending percentages (whole numbers, 1–100). @default [10, 25, 50, 75, 100] */
  readonly steps: readonly RolloutStepOption[];
  /** The monitoring window of every step without its own, with units (`30m`, `2h`, `45s`). @default '30m' */
  readonly window: string;
  /** Steps at or above this percentage wait for approval. @default undefined (no gate; `critical`: 50) */
  readonly approvalFrom: number | undefined;
  /** The stage (or variant) the canary moves to. @default undefined: the split's canary, else the stage after the flag's current one */
  readonly target: string | undefined;
  /** Ramp the candidate down instead of cutting at once when degraded. @default undefined (cut at once) */
  readonly gracefulRollback: GracefulRollbackOption | undefined;
  /** How often the guard's analysis runs inside a window, with units. @default '5s' */
  readonly interval: string;
  /** The guard's limits (see `GuardOptions` in `@cutover/guard`). @default {} (`low`: `{ risk: 'low' }`) */
  readonly guard: GuardOptions;
}

/** What callers pass: any subset of {@link RolloutPlanConfig}. */
export type RolloutPlanOptions = Partial<RolloutPlanConfig>;

/** The defaults of {@link RolloutPlanConfig}: 10 → 25 → 50 → 75 → 100 with 30 min windows. */
export const DEFAULT_ROLLOUT_PLAN_CONFIG: RolloutPlanConfig = Object.freeze({
  risk: undefined,
  steps: Object.freeze([10, 25, 50, 75, 100]),
  window: '30m',
  approvalFrom: undefined,
  target: undefined,
  gracefulRollback: undefined,
  interval: '5s',
  guard: Object.freeze({}),
});

/**
 * The risk levels. LOW starts at 10 % with 30 min windows (and the
 * guard's lenient latency limit), MEDIUM at 5 % with 1 h, CRITICAL at 1 % with
 * 2 h and a manual approval before every step from 50 % on.
 */
export const ROLLOUT_RISK_PRESETS: Readonly<Record<RolloutRisk, Partial<RolloutPlanConfig>>> = Object.freeze({
  low: { steps: [10, 25, 50, 75, 100], window: '30m', guard: { risk: 'low' } },
  medium: { steps: [5, 10, 25, 50, 75, 100], window: '1h' },
  critical: { steps: [1, 5, 10, 25, 50, 75, 100], window: '2h', approvalFrom: 50 },
});
