import type { RolloutView } from '@cutover/rollout';
import { duration } from './format.js';

/** A rollout in one line: the step, the share, where it stands, the plan (current step in brackets, gates starred) and the last verdict. */
export function describeRollout(r: RolloutView): string {
  const plan = r.plan.map((s, i) => `${i + 1 === r.step ? `[${s.percent}]` : s.percent}${s.approval ? '*' : ''}`).join(' → ');
  const where =
    r.phase === 'monitoring'
      ? r.extended
        ? 'window over, waiting for enough data'
        : `monitoring, ${duration(Math.ceil((r.remainingMs ?? 0) / 1000))} left`
      : r.phase === 'awaiting-approval'
        ? 'waiting for approval'
        : r.phase;
  const verdict = r.lastDecision ? ` · last verdict ${r.lastDecision.status}: ${r.lastDecision.summary}` : '';
  return `Rollout: step ${r.step}/${r.steps}, ${r.target} ${r.stepPercent} % (${where}) · plan ${plan}${r.outcome ? ` · ${r.outcome}` : ''}${verdict}`;
}
