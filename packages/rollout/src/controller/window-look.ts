import type { GuardVerdict } from '@cutover/guard';
import type { RolloutAnalysis } from '../analysis/rollout-analysis.js';
import type { RolloutDecision } from '../state/rollout-state.js';
import { decisionOf, sourceFailure } from './decision-of.js';
import type { RolloutClock } from './rollout-clock.js';

/** What one look at a step's window found: the decision the state keeps, and the guard's verdict when the counts could be read. */
export interface WindowLook {
  readonly decision: RolloutDecision;
  readonly verdict?: GuardVerdict;
}

/** Judges the window so far; counts that cannot be read are a `source-failed` decision, never a rejection. */
export async function lookAtWindow(analysis: RolloutAnalysis, clock: RolloutClock): Promise<WindowLook> {
  try {
    const verdict = await analysis.evaluate();
    return { decision: decisionOf(verdict, clock.now()), verdict };
  } catch (error) {
    return { decision: sourceFailure(error, clock.now()) };
  }
}
