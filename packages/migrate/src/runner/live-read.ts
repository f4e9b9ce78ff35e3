import type { MigrationStage } from '@cutover/flag-model';
import type { EvaluationContext } from '@openfeature/server-sdk';
import type { PlanSteps } from './plan-steps.js';
import { unwrap } from './unwrap.js';

/**
 * The `live` read: the candidate answers under its timeout while legacy runs
 * off the caller's path, when sampled and a slot is free; both are compared
 * later. With `fallbackToLegacy`, legacy answers a call the candidate fails.
 */
export async function liveRead<I, O>(steps: PlanSteps<I, O>, input: I, stage: MigrationStage, readOnly: boolean, context: EvaluationContext | undefined, fencingToken: number | undefined): Promise<O> {
  const legacy = steps.startOffPath('legacy', input, stage);
  const candidate = await steps.observeAuthoritative('candidate', input, stage, readOnly, fencingToken);
  steps.emitPath(candidate, stage, 'read', true);
  if (candidate.status === 'ok' || !steps.config.fallbackToLegacy) {
    if (legacy) steps.compareLater(stage, input, context, legacy, steps.snapshotOf(candidate));
    return unwrap(candidate);
  }
  steps.fallback(stage, candidate.status);
  if (legacy) {
    steps.compareLater(stage, input, context, legacy, candidate);
    // The off-path legacy run answers unless it was cut short: it ran under the
    // candidate's timeout, which must not apply to the caller's fallback.
    const offPath = await legacy;
    if (offPath.status !== 'timeout') return unwrap(offPath);
  }
  const fallback = await steps.observeAuthoritative('legacy', input, stage, readOnly, fencingToken);
  steps.emitPath(fallback, stage, 'read', true);
  return unwrap(fallback);
}
