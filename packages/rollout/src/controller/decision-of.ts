import type { GuardVerdict } from '@cutover/guard';
import type { RolloutDecision } from '../state/rollout-state.js';

/** The numbers of a verdict as the state file and the progress output keep them. */
export function decisionOf(verdict: GuardVerdict, at: number): RolloutDecision {
  return {
    at: new Date(at).toISOString(),
    status: verdict.status,
    summary: verdict.summary,
    windowSeconds: verdict.windowSeconds,
    checks: verdict.checks.filter((check) => check.status !== 'skipped').map((check) => check.summary),
  };
}

/** A decision for counts that could not be read: the controller waits, it never decides on a failure. */
export function sourceFailure(error: unknown, at: number): RolloutDecision {
  return { at: new Date(at).toISOString(), status: 'source-failed', summary: `reading the counts failed: ${(error as Error)?.message ?? String(error)}`, windowSeconds: 0, checks: [] };
}
