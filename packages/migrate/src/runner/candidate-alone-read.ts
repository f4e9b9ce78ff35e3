import type { MigrationStage } from '@cutover/flag-model';
import type { PlanSteps } from './plan-steps.js';
import { unwrap } from './unwrap.js';

/**
 * The candidate alone (`rampdown`, `complete`), with legacy answering a call
 * the candidate fails: until the guard rolls a failing full cutover back,
 * its failures cost callers legacy's latency rather than an error.
 */
export async function candidateAloneRead<I, O>(steps: PlanSteps<I, O>, input: I, stage: MigrationStage, readOnly: boolean, fencingToken: number | undefined): Promise<O> {
  const candidate = await steps.observeAuthoritative('candidate', input, stage, readOnly, fencingToken);
  steps.emitPath(candidate, stage, 'read', true);
  if (candidate.status === 'ok') return candidate.value;
  steps.fallback(stage, candidate.status);
  const fallback = await steps.observeAuthoritative('legacy', input, stage, readOnly, fencingToken);
  steps.emitPath(fallback, stage, 'read', true);
  return unwrap(fallback);
}
