import { formatDuration } from '../duration/format-duration.js';
import type { RolloutView } from './rollout-view.js';

/** The plan in one line, the current step in brackets: `10 → [25] → 50* → 75* → 100*` (`*` = approval gate). */
export function formatPlan(view: Pick<RolloutView, 'plan' | 'step'>): string {
  return view.plan.map((s, i) => `${i + 1 === view.step ? `[${s.percent}]` : s.percent}${s.approval ? '*' : ''}`).join(' → ');
}

/** Where the rollout stands in one line: step, share, phase, time left, last verdict. */
export function formatRollout(view: RolloutView): string {
  const head = `step ${view.step}/${view.steps} ${view.target} ${view.stepPercent} %`;
  const phase = {
    'awaiting-approval': `waiting for approval (serving ${view.servingPercent} %)`,
    advancing: 'writing the split',
    monitoring: view.extended ? 'window over, waiting for enough data' : `monitoring, ${formatDuration(view.remainingMs ?? 0)} left`,
    'ramping-down': 'graceful rollback in progress',
    completed: 'completed',
    'rolled-back': 'rolled back',
  }[view.phase];
  const decision = view.lastDecision ? `; last verdict ${view.lastDecision.status}${view.lastDecision.windowSeconds ? ` over ${Math.round(view.lastDecision.windowSeconds)} s` : ''}` : '';
  return `${head}: ${phase}${decision}`;
}
