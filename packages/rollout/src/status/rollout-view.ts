import type { RolloutDecision, RolloutPhase, RolloutState } from '../state/rollout-state.js';

/** Where a rollout stands, for `cutover status`, `cutover rollout status` and the dashboard. */
export interface RolloutView {
  readonly flagKey: string;
  readonly runId: string;
  readonly phase: RolloutPhase;
  /** 1-based step number and the plan's length. */
  readonly step: number;
  readonly steps: number;
  /** The plan's percentages, and each step's window in ms and gate. */
  readonly plan: readonly { readonly percent: number; readonly windowMs: number; readonly approval: boolean }[];
  /** The candidate's share the overlay serves now (0 before the first split). */
  readonly servingPercent: number;
  /** The share of the step being gated, written or watched. */
  readonly stepPercent: number;
  readonly target: string;
  readonly baseline: string;
  /** Time left in the step's window (0 once it is over); null outside `monitoring`. */
  readonly remainingMs: number | null;
  /** The window is over and the guard still lacks data. */
  readonly extended: boolean;
  readonly lastDecision: RolloutDecision | null;
  readonly outcome: string | null;
  readonly updatedAt: string;
}

/** The view of a state at time `now` (ms since the epoch). */
export function rolloutView(state: RolloutState, now: number = Date.now()): RolloutView {
  const step = state.plan.steps[state.stepIndex]!;
  const written = state.phase !== 'awaiting-approval';
  const previous = state.history.at(-1)?.percent ?? 0;
  const servingPercent = state.phase === 'ramping-down' || state.phase === 'rolled-back' ? Number.NaN : written ? step.percent : previous;
  const remainingMs = state.phase === 'monitoring' && state.stepStartedAt ? Math.max(0, Date.parse(state.stepStartedAt) + step.windowMs - now) : null;
  return {
    flagKey: state.flagKey,
    runId: state.runId,
    phase: state.phase,
    step: state.stepIndex + 1,
    steps: state.plan.steps.length,
    plan: state.plan.steps.map(({ percent, windowMs, approval }) => ({ percent, windowMs, approval })),
    servingPercent: Number.isNaN(servingPercent) ? (state.phase === 'rolled-back' ? 0 : (state.rampDown?.fromPercent ?? 0)) : servingPercent,
    stepPercent: step.percent,
    target: state.target,
    baseline: state.baseline,
    remainingMs,
    extended: state.extendedSince !== undefined,
    lastDecision: state.lastDecision ?? null,
    outcome: state.outcome?.summary ?? null,
    updatedAt: state.updatedAt,
  };
}
