import { randomUUID } from 'node:crypto';
import { resolveRolloutFlag } from '../flag/rollout-flag.js';
import type { RolloutOverlay } from '../overlay/rollout-overlay.js';
import type { RolloutPlan } from '../plan/rollout-plan.js';
import { RolloutError } from '../rollout-error.js';
import type { RolloutState } from '../state/rollout-state.js';
import type { GitFlagReader } from './git-flag-reader.js';
import { isoNow } from './rollout-clock.js';
import type { RolloutClock } from './rollout-clock.js';

/** What a new run is checked against and started from. */
export interface RolloutStart {
  readonly flagKey: string;
  readonly plan: RolloutPlan;
  readonly overlay: RolloutOverlay;
  readonly git: GitFlagReader;
  readonly clock: RolloutClock;
}

/**
 * The first state of a new run: its first step's gate opens now, or its
 * split is due now. Refused while the overlay holds a rollback of the flag,
 * and when the flag is in none of the flag files that could be read.
 *
 * @throws RolloutError `ROLLOUT_CONFLICT` (rolled back) or `FLAG_NOT_ROLLABLE`
 */
export async function newRolloutState({ flagKey, plan, overlay, git, clock }: RolloutStart): Promise<RolloutState> {
  if (await overlay.isRolledBack(flagKey)) {
    throw new RolloutError('ROLLOUT_CONFLICT', `flag "${flagKey}" is rolled back in ${overlay.path}; clear the rollback first (cutover rollback --clear ${flagKey})`);
  }
  const unreadable: string[] = [];
  const definitions = await git.read((file) => unreadable.push(file));
  if (!definitions.has(flagKey) && unreadable.length > 0) {
    throw new RolloutError('FLAG_NOT_ROLLABLE', `flag "${flagKey}" is in none of the readable flag files; unreadable: ${unreadable.join(', ')}`);
  }
  const flag = resolveRolloutFlag(definitions, flagKey, plan.target);
  const at = isoNow(clock);
  const gated = plan.steps[0]!.approval;
  return {
    version: 1, flagKey, runId: randomUUID(), plan, target: flag.target, baseline: flag.baseline,
    phase: gated ? 'awaiting-approval' : 'advancing', stepIndex: 0,
    ...(gated ? { gateOpenedAt: at } : { stepStartedAt: at }),
    history: [], startedAt: at, updatedAt: at,
  };
}
