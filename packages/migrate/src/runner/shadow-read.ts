import type { MigrationStage } from '@cutover/flag-model';
import type { EvaluationContext } from '@openfeature/server-sdk';
import type { PlanSteps } from './plan-steps.js';
import { unwrap } from './unwrap.js';

/**
 * The `shadow` read: legacy answers while the candidate runs off the caller's
 * path, when sampled and a slot is free; both are compared later.
 */
export async function shadowRead<I, O>(steps: PlanSteps<I, O>, input: I, stage: MigrationStage, readOnly: boolean, context: EvaluationContext | undefined, fencingToken: number | undefined): Promise<O> {
  const candidate = steps.startOffPath('candidate', input, stage);
  const legacy = await steps.observeAuthoritative('legacy', input, stage, readOnly, fencingToken);
  steps.emitPath(legacy, stage, 'read', true);
  if (candidate) steps.compareLater(stage, input, context, steps.snapshotOf(legacy), candidate);
  return unwrap(legacy);
}
