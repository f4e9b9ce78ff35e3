import type { GuardCriterion } from '@cutover/guard';
import type { GracefulRollbackPlan } from '../plan/rollout-plan.js';

/** True when one of the failed criteria is one of the plan's emergencies (`immediateOn`): the graceful rollback gives way to a cut at once. */
export function isEmergency(graceful: GracefulRollbackPlan, failed: readonly GuardCriterion[]): boolean {
  return failed.some((criterion) => graceful.immediateOn.includes(criterion));
}
