import type { RolloutState } from '../state/rollout-state.js';

/** What the overlay serves the candidate now: the current step's share once written, the previous one while gated, the starting share while ramping down. */
export function servedPercent(state: RolloutState): number {
  if (state.phase === 'ramping-down') return state.rampDown!.fromPercent;
  return state.phase === 'awaiting-approval' ? (state.history.at(-1)?.percent ?? 0) : state.plan.steps[state.stepIndex]!.percent;
}
