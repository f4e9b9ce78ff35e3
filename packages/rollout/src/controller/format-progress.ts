import { formatPlan, formatRollout } from '../status/format-rollout.js';
import { rolloutView } from '../status/rollout-view.js';
import type { RolloutProgress } from './rollout-progress.js';

/**
 * Progress lines for a terminal: where the rollout stands, then the numbers
 * behind the last decision (each check's summary) when there is one.
 */
export function formatProgress(progress: RolloutProgress, now: number = Date.now()): string[] {
  const view = rolloutView(progress.state, now);
  const at = new Date(now).toISOString().slice(11, 19);
  const lines = [`${at} ${progress.state.flagKey} ${progress.kind}: ${formatRollout(view)}`];
  if (progress.kind === 'started' || progress.kind === 'resumed') lines.push(`  plan ${formatPlan(view)} (${view.target} vs ${view.baseline}; run ${view.runId})`);
  if (progress.message) lines.push(`  ${progress.message}`);
  const decision = view.lastDecision;
  if (decision && ['tick', 'extending', 'step', 'rolled-back', 'completed'].includes(progress.kind)) {
    lines.push(...(decision.checks.length > 0 ? decision.checks : [decision.summary]).map((check) => `  ${check}`));
  }
  if (view.outcome && (progress.kind === 'completed' || progress.kind === 'rolled-back')) lines.push(`  ${view.outcome}`);
  return lines;
}
