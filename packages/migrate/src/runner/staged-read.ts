import { READ_PLAN } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import type { EvaluationContext } from '@openfeature/server-sdk';
import { candidateAloneRead } from './candidate-alone-read.js';
import { fastestRead } from './fastest-read.js';
import { liveRead } from './live-read.js';
import type { LockLease } from './lock.js';
import type { PlanSteps } from './plan-steps.js';
import { shadowRead } from './shadow-read.js';

/**
 * Reads through the plan the stage calls for: one path alone (the candidate
 * with its fallback when `fallbackToLegacy`), the race of `fastest`, or the
 * shadow and live reads. A lease that is not exclusive leaves the
 * authoritative path alone.
 */
export function stagedRead<I, O>(steps: PlanSteps<I, O>, stage: MigrationStage, input: I, readOnly: boolean, context: EvaluationContext | undefined, lease: LockLease | undefined): O | Promise<O> {
  const plan = READ_PLAN[stage];
  const fencingToken = lease?.fencingToken;
  if (plan.other === undefined || steps.notExclusive(lease, plan.other, stage, 'read')) {
    if (plan.authoritative === 'candidate' && steps.config.fallbackToLegacy) return candidateAloneRead(steps, input, stage, readOnly, fencingToken);
    return steps.runAlone(plan.authoritative, steps.reads[plan.authoritative], input, stage, 'read', fencingToken, readOnly);
  }
  if (steps.config.readPreference === 'fastest') return fastestRead(steps, plan.authoritative, plan.other, input, stage, readOnly, context, fencingToken);
  return plan.authoritative === 'legacy' ? shadowRead(steps, input, stage, readOnly, context, fencingToken) : liveRead(steps, input, stage, readOnly, context, fencingToken);
}
